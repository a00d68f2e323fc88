package dev.leadstream.relay;

import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The relay as a process: streams the outbox until SIGTERM and answers health checks at
 * {@code /q/health/ready} like the agents do.
 */
public final class OutboxRelayMain {

    private OutboxRelayMain() {
    }

    public static void main(String[] args) throws Exception {
        RelayConfig config = RelayConfig.fromEnvironment();
        OutboxRelay relay = new OutboxRelay(config);
        HttpServer health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.httpPort()), 8);
        health.createContext("/q/health", exchange -> {
            boolean up = relay.isRunning();
            byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"published\":" + relay.published()
                    + ",\"skippedAsAlreadyPublished\":" + relay.skipped() + ",\"deadLettered\":" + relay.deadLettered() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(up ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        health.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                relay.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            health.stop(0);
            stopped.countDown();
        }, "relay-stop"));
        relay.start(Duration.ofMinutes(5));
        System.out.println("[outbox-relay] streaming outbox " + config.slot() + " to " + config.bootstrapServers());
        String failure = relay.awaitStop();
        if (failure != null && stopped.getCount() > 0) {
            // a relay whose engine died must not linger as a healthy-looking process: exit, and be restarted
            System.err.println("[outbox-relay] the Debezium engine stopped: " + failure);
            System.exit(1);
        }
        stopped.await();
    }
}
