package dev.leadstream.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The relay as its own JVM, as the launcher runs it, so a test can kill it with SIGKILL. */
final class RelayProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private RelayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static RelayProcess start(RelayConfig config, long pauseAfterPublishMillis) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        setting(command, "relay.database.host", config.dbHost());
        setting(command, "relay.database.port", Integer.toString(config.dbPort()));
        setting(command, "relay.database.name", config.dbName());
        setting(command, "relay.database.user", config.dbUser());
        setting(command, "kafka.bootstrap.servers", config.bootstrapServers());
        setting(command, "relay.offsets.file", config.offsetsFile().toString());
        setting(command, "relay.http.port", Integer.toString(port));
        setting(command, "relay.slot", config.slot());
        setting(command, "relay.publication", config.publication());
        setting(command, "relay.id", config.relayId());
        setting(command, "relay.position.topic", config.positionTopic());
        setting(command, "relay.fault.pause-after-publish.ms", Long.toString(pauseAfterPublishMillis));
        command.add(OutboxRelayMain.class.getName());
        Path log = Files.createTempFile("outbox-relay-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // secrets go through the environment, as the launcher passes them, never on the command line
        builder.environment().put("RELAY_DATABASE_PASSWORD", config.dbPassword());
        config.kafkaSecurity().forEach((name, value) ->
                builder.environment().put("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        Process process = builder.start();
        RelayProcess relay = new RelayProcess(process, port, log);
        relay.awaitUp(Duration.ofSeconds(90));
        return relay;
    }

    private static void setting(List<String> command, String name, String value) {
        command.add("-D" + name + "=" + value);
    }

    /** The relay's health document: status, published, skippedAsAlreadyPublished, deadLettered. */
    String health() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** SIGKILL: no shutdown hook runs, Debezium flushes nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the relay exited: " + Files.readString(log));
            }
            try {
                if (health().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("the relay did not come up within " + timeout + ": " + Files.readString(log));
    }
}
