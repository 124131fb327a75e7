package com.serialtrust.api.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.netty.util.Timer;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * One reactive Lettuce connection, used only through {@link #call}: every command has a deadline, and
 * a Redis that is down, slow or absent yields an empty result instead of an error, so that nothing
 * the api must answer depends on it.
 */
public final class Redis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
    /** Commands sent and not yet answered, at most; a verification sends one or two. */
    static final int REQUEST_QUEUE = 10_000;
    /**
     * The deadline of a read that a person waits for and that has no other source (a dashboard, a list
     * of suspects, a cached verification while the ledger is down): the configured deadline is for the
     * verification path, where the answer goes on without Redis, and a busy server can exceed it.
     */
    public static final Duration PATIENT = Duration.ofSeconds(2);
    /** Reactor's context key for an operator-local onErrorDropped hook (Hooks.KEY_ON_ERROR_DROPPED). */
    private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

    private final RedisProperties properties;
    private final RedisClient client;
    private final ClientResources resources;
    private final RedisURI uri;
    private volatile StatefulRedisConnection<String, String> connection;
    /** A connect under way, while there is no connection; guarded by this. */
    private CompletableFuture<StatefulRedisConnection<String, String>> connecting;

    public Redis(final RedisProperties properties) {
        this.properties = properties;
        if (properties.enabled()) {
            uri = RedisURI.create(properties.url());
            resources = ClientResources.builder().nettyCustomizer(new FlushTogether()).build();
            client = RedisClient.create(resources);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .socketOptions(SocketOptions.builder().connectTimeout(java.time.Duration.ofSeconds(1)).build())
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    // replies arrive on the connection's one I/O thread; call() hands each on
                    // itself, to where its command was sent from
                    .publishOnScheduler(false)
                    // No deadline of Lettuce's: each call has its own (timeout below). Lettuce's put every
                    // command on a timer wheel that lets go of it only at its next 100 ms tick, so each
                    // request's objects outlived a young collection and filled the old generation.
                    .timeoutOptions(TimeoutOptions.create())
                    // what a hung server leaves unanswered is bounded: past it, commands fail at once
                    .requestQueueSize(REQUEST_QUEUE)
                    .build());
        } else {
            uri = null;
            client = null;
            resources = null;
        }
    }

    public boolean enabled() {
        return client != null;
    }

    /** Runs commands; empty if Redis is off, unreachable or too slow ({@code serialtrust.redis.timeout}). */
    public <T> Mono<T> call(final Function<RedisReactiveCommands<String, String>, Mono<T>> commands) {
        return call(commands, properties.timeout());
    }

    /** Runs commands with a deadline of their own: for a second, more patient try when it matters. */
    public <T> Mono<T> call(final Function<RedisReactiveCommands<String, String>, Mono<T>> commands,
            final Duration timeout) {
        if (client == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> connection()
                        .flatMap(c -> commands.apply(c.reactive()))
                        .publishOn(replies()))
                .timeout(timeout)
                .onErrorResume(e -> {
                    LOG.debug("redis unavailable: {}", e.toString());
                    return Mono.empty();
                })
                // a command given up on may still fail later inside Lettuce: that is expected, not an error
                .contextWrite(Context.of(ON_ERROR_DROPPED, (Consumer<Throwable>) e -> LOG.debug("late redis failure: {}", e.toString())));
    }

    /**
     * Where a reply goes on: what a request does next (security, the handler, JSON) must not hold up
     * every other reply on the connection's one I/O thread. A command sent from a Netty event loop (a
     * request's) goes on there, where the answer is written, so that no third thread is woken for it;
     * one sent from any other thread goes on on Reactor's parallel threads.
     */
    private static Scheduler replies() {
        final EventExecutor loop = ThreadExecutorMap.currentExecutor();
        return loop == null ? Schedulers.parallel() : Schedulers.fromExecutor(loop);
    }

    /**
     * The open connection, or the one being made, without blocking: requests that arrive together before
     * there is one share a single connect, so that one replica's commands reach Redis in the order sent.
     * Lettuce reconnects the connection after an outage.
     */
    private Mono<StatefulRedisConnection<String, String>> connection() {
        final StatefulRedisConnection<String, String> c = connection;
        // a caller that gives up (its deadline) does not cancel the connect the others wait for
        return c != null ? Mono.just(c) : Mono.fromFuture(this::connecting, true);
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> connecting() {
        if (connection != null) {
            return CompletableFuture.completedFuture(connection);
        }
        if (connecting == null) {
            final CompletableFuture<StatefulRedisConnection<String, String>> made =
                    client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
            connecting = made;
            made.whenComplete((opened, failed) -> {
                synchronized (this) {
                    connection = opened;
                    connecting = null; // after a failure, the next call tries again
                }
            });
            return made;
        }
        return connecting;
    }

    /** Lettuce's timer, for tests: what it still holds. */
    Timer timer() {
        return resources.timer();
    }

    /** Whether Redis answers a PING now, for health. */
    public Mono<Optional<String>> ping() {
        return call(r -> r.ping()).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
            resources.shutdown();
        }
    }

    /**
     * Commands sent together go to Redis in one write: each request's command reaches the connection's
     * I/O thread as a task of its own, and each flushed itself, one system call per command. Now a
     * flush waits until the thread has run the tasks already queued, and then sends them all.
     */
    private static final class FlushTogether implements NettyCustomizer {
        @Override
        public void afterChannelInitialized(final Channel channel) {
            channel.pipeline().addFirst(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        }
    }
}
