package com.serialtrust.api.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small round-robin HTTP load balancer in front of the api's replicas, as a cluster's Service or an
 * HAProxy would be: a request whose replica cannot be reached goes to the next one, if it is safe to
 * send again (a GET, or any request that never reached a replica).
 */
final class Balancer implements AutoCloseable {

    /** Headers the JDK's client sets itself. */
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final List<Integer> ports;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    /** Requests sent again to another replica because theirs could not be reached. */
    final AtomicInteger redispatched = new AtomicInteger();

    Balancer(final List<Integer> ports) throws IOException {
        this.ports = List.copyOf(ports);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void forward(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final byte[] body = exchange.getRequestBody().readAllBytes();
            final boolean idempotent = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
            final int first = Math.floorMod(next.getAndIncrement(), ports.size());
            IOException last = null;
            for (int attempt = 0; attempt < ports.size(); attempt++) {
                final int port = ports.get((first + attempt) % ports.size());
                try {
                    final HttpResponse<byte[]> response = client.send(request(exchange, port, body), HttpResponse.BodyHandlers.ofByteArray());
                    response.headers().map().forEach((name, values) -> {
                        if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                            exchange.getResponseHeaders().put(name, values);
                        }
                    });
                    final byte[] out = response.body();
                    exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
                    try (OutputStream o = exchange.getResponseBody()) {
                        o.write(out);
                    }
                    return;
                } catch (IOException e) {
                    last = e;
                    if (!idempotent && !(e instanceof ConnectException)) {
                        break; // it may have reached the replica: not sent twice
                    }
                    redispatched.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            final byte[] out = ("no replica answered: " + last).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private static HttpRequest request(final HttpExchange exchange, final int port, final byte[] body) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
