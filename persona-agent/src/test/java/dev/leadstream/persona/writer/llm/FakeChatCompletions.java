package dev.leadstream.persona.writer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's chat-completions API
 * ({@code POST /v1/chat/completions}), answering with the replies a test queued: no model with
 * real weights can be had here, so the LLM writer is tested against this stand-in for one. It
 * keeps every request it received. With no reply queued it answers 500.
 */
final class FakeChatCompletions implements AutoCloseable {

    static final String MODEL = "fake-model-1";

    /** One scripted answer: status, headers, body, and how long to wait before sending it. */
    record Reply(int status, Map<String, String> headers, String body, Duration delay) {
    }

    /** A request as received: its headers (lower-case names) and body. */
    record Received(Map<String, List<String>> headers, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-chat-completions");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    static {
        // without it the JDK server's small writes wait out the client's delayed ACK: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeChatCompletions() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeChatCompletions then(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** A completion whose message content is {@code content}, with the usage a real server reports. */
    static Reply answer(String content, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", MODEL);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return new Reply(200, Map.of("Content-Type", "application/json"), body.toString(), Duration.ZERO);
    }

    static Reply status(int status, Map<String, String> headers) {
        return new Reply(status, headers, "{\"error\":{\"message\":\"status " + status + "\",\"type\":\"fake\"}}", Duration.ZERO);
    }

    static Reply late(Reply reply, Duration delay) {
        return new Reply(reply.status(), reply.headers(), reply.body(), delay);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = status(500, Map.of());
        }
        try {
            Thread.sleep(reply.delay());
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // the writer timed out and closed the connection: nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
