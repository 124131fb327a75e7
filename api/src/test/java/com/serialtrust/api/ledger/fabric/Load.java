package com.serialtrust.api.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Steady load on a running api, as a fault test needs it: cached verifications of a few labels
 * (100/s), verifications that must reach the ledger (25/s: serials never seen before), and
 * single-item registrations (10/s). Requests are sent on a timer, not one after another, so a
 * request that hangs does not slow the load. Each outcome is kept with its times.
 */
final class Load implements AutoCloseable {

    enum Kind { CACHED, UNCACHED, WRITE }

    /**
     * One request: {@code ok} if it succeeded; {@code unavailable} if it was refused with a 503
     * problem that carries Retry-After (the answer the api owes when the ledger cannot be reached).
     */
    record Outcome(Kind kind, long started, long ended, boolean ok, boolean unavailable, String detail) {
        boolean bad() {
            return !ok && !unavailable;
        }
    }

    private static final String GTIN = "09520123456788";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<CompletableFuture<Outcome>> sent = Collections.synchronizedList(new ArrayList<>());
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String base;
    private final String apiKey;
    private final List<String> cachedLinks;
    private final String prefix;

    Load(final int port, final String apiKey, final List<String> cachedLinks, final String prefix) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
        this.cachedLinks = List.copyOf(cachedLinks);
        this.prefix = prefix + "L" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    }

    /** Each cached label verified once, so that the cache holds it before any fault. */
    void warmUp() throws Exception {
        for (int i = 0; i < cachedLinks.size(); i++) {
            final Outcome outcome = send(Kind.CACHED).get(70, TimeUnit.SECONDS);
            assertThat(outcome.ok()).as(outcome.detail()).isTrue();
        }
    }

    void start() {
        timer.scheduleAtFixedRate(() -> sent.add(send(Kind.CACHED)), 0, 10, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> sent.add(send(Kind.UNCACHED)), 0, 40, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> sent.add(send(Kind.WRITE)), 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Stops sending and waits for every answer. */
    Summary finish() throws Exception {
        timer.shutdownNow();
        assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        final List<Outcome> outcomes = new ArrayList<>();
        synchronized (sent) {
            for (CompletableFuture<Outcome> f : sent) {
                outcomes.add(f.get(90, TimeUnit.SECONDS));
            }
        }
        return new Summary(outcomes);
    }

    /** Every registration the api acknowledged is on the ledger. */
    void assertAcknowledgedOnLedger() throws Exception {
        assertThat(acknowledged).as("some registrations were acknowledged").isNotEmpty();
        for (String serial : acknowledged) {
            final HttpResponse<String> item = http.send(HttpRequest.newBuilder(URI.create(base + "/api/items/" + GTIN + "/" + serial))
                    .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(item.statusCode()).as("acknowledged %s is on the ledger: %s", serial, item.body()).isEqualTo(200);
        }
    }

    private CompletableFuture<Outcome> send(final Kind kind) {
        final int n = sequence.incrementAndGet();
        final HttpRequest.Builder request = switch (kind) {
            case CACHED -> HttpRequest.newBuilder(URI.create(base + cachedLinks.get(n % cachedLinks.size())));
            case UNCACHED -> HttpRequest.newBuilder(URI.create(base + "/01/" + GTIN + "/21/" + prefix + "U" + n));
            case WRITE -> HttpRequest.newBuilder(URI.create(base + "/api/items"))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "[{\"gtin\":\"" + GTIN + "\",\"serial\":\"" + prefix + "W" + n + "\"}]"));
        };
        final long started = System.nanoTime();
        return http.sendAsync(request.header("Accept", "application/json").timeout(Duration.ofSeconds(75)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> outcome(kind, started, response, error, prefix + "W" + n));
    }

    private Outcome outcome(final Kind kind, final long started, final HttpResponse<String> response,
            final Throwable error, final String serial) {
        final long ended = System.nanoTime();
        if (error != null) {
            if (error instanceof java.net.http.HttpConnectTimeoutException
                    || error.getCause() instanceof java.net.http.HttpConnectTimeoutException) {
                dumpEventLoopsOnce();
            }
            return new Outcome(kind, started, ended, false, false, kind + ": " + error);
        }
        final String detail = kind + ": " + response.statusCode() + " " + response.body();
        if (response.statusCode() == 200) {
            final boolean ok = kind != Kind.WRITE || response.body().contains("\"status\":\"REGISTERED\"");
            if (ok && kind == Kind.WRITE) {
                acknowledged.add(serial);
            }
            return new Outcome(kind, started, ended, ok, false, detail);
        }
        final boolean unavailable = response.statusCode() == 503
                && response.headers().firstValue("Retry-After").isPresent()
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.body().contains("\"code\"");
        return new Outcome(kind, started, ended, false, unavailable, detail);
    }

    private final java.util.concurrent.atomic.AtomicBoolean dumped = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * A connection the api did not accept in time: its event loops (in this JVM) were busy or blocked.
     * What each was doing is printed once, so that a failed run says where.
     */
    private void dumpEventLoopsOnce() {
        if (!dumped.compareAndSet(false, true)) {
            return;
        }
        final StringBuilder out = new StringBuilder("a connection was not accepted within 5 s; the api's event loops:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("reactor-http")) {
                out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(stack.length, 40); i++) {
                    out.append("    at ").append(stack[i]).append('\n');
                }
            }
        });
        System.out.print(out);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** What the load saw. */
    record Summary(List<Outcome> outcomes) {

        List<Outcome> of(final Kind kind) {
            return outcomes.stream().filter(o -> o.kind() == kind).toList();
        }

        /** How many requests of {@code kind} started after {@code time}. */
        long started(final Kind kind, final long time) {
            return of(kind).stream().filter(o -> o.started() > time).count();
        }

        /** The first few requests of {@code kind} started after {@code time} that did not succeed. */
        List<String> failedAfter(final Kind kind, final long time) {
            return of(kind).stream().filter(o -> o.started() > time && !o.ok()).map(Outcome::detail).limit(5).toList();
        }

        /** When the first request of {@code kind} to succeed after {@code time} ended. */
        long firstSuccessAfter(final Kind kind, final long time) {
            return of(kind).stream().filter(o -> o.ok() && o.ended() > time).mapToLong(Outcome::ended).min()
                    .orElseThrow(() -> new AssertionError(kind + ": no request succeeded after the restart"));
        }

        /** No request failed in any other way than a 503 problem with Retry-After. */
        void assertNothingBad() {
            final List<String> bad = outcomes.stream().filter(Outcome::bad).map(Outcome::detail).limit(5).toList();
            assertThat(bad).as("requests that failed otherwise than with a 503 problem with Retry-After").isEmpty();
        }

        @Override
        public String toString() {
            return java.util.Arrays.stream(Kind.values()).map(kind -> {
                final List<Outcome> list = of(kind);
                return String.format("%s %d ok, %d 503, %d other", kind.name().toLowerCase(),
                        list.stream().filter(Outcome::ok).count(), list.stream().filter(Outcome::unavailable).count(),
                        list.stream().filter(Outcome::bad).count());
            }).collect(Collectors.joining("; "));
        }
    }
}
