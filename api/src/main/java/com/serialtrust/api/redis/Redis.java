package com.serialtrust.api.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One reactive Lettuce connection, used only through {@link #call}: every command has a deadline, and
 * a Redis that is down, slow or absent yields an empty result instead of an error, so that nothing
 * the api must answer depends on it.
 */
public final class Redis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);

    private final RedisProperties properties;
    private final RedisClient client;
    private final RedisURI uri;
    private volatile StatefulRedisConnection<String, String> connection;

    public Redis(final RedisProperties properties) {
        this.properties = properties;
        if (properties.enabled()) {
            uri = RedisURI.create(properties.url());
            client = RedisClient.create();
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .socketOptions(SocketOptions.builder().connectTimeout(java.time.Duration.ofSeconds(1)).build())
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                    .build());
        } else {
            uri = null;
            client = null;
        }
    }

    public boolean enabled() {
        return client != null;
    }

    /** Runs commands; empty if Redis is off, unreachable or too slow. */
    public <T> Mono<T> call(final Function<RedisReactiveCommands<String, String>, Mono<T>> commands) {
        if (client == null) {
            return Mono.empty();
        }
        return connection()
                .flatMap(c -> commands.apply(c.reactive()))
                .timeout(properties.timeout())
                .onErrorResume(e -> {
                    LOG.debug("redis unavailable: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** The open connection, or a new one made without blocking; Lettuce reconnects it after an outage. */
    private Mono<StatefulRedisConnection<String, String>> connection() {
        final StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return Mono.just(c);
        }
        return Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, uri))
                .doOnNext(made -> {
                    synchronized (this) {
                        if (connection == null) {
                            connection = made;
                        } else if (connection != made) {
                            made.closeAsync();
                        }
                    }
                })
                .map(made -> connection);
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
        }
    }
}
