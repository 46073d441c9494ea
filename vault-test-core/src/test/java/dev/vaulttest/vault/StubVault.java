package dev.vaulttest.vault;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * A one-trick HTTP server for answers the fake cluster never gives: odd statuses, non-JSON bodies, truncated
 * snapshots, slow answers, errors that echo the request.
 */
final class StubVault implements AutoCloseable {

    /** What the stub answers. */
    record Answer(int status, String contentType, byte[] body, Duration delay) {
    }

    private final HttpServer server;

    private StubVault(Function<String, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " token=" + exchange.getRequestHeaders().getFirst("X-Vault-Token");
            Answer answer = answers.apply(request);
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    static StubVault answering(int status, String json) {
        return new StubVault(request -> new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO));
    }

    static StubVault with(Function<String, Answer> answers) {
        return new StubVault(answers);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
