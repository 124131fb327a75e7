package com.serialtrust.api;

import com.serialtrust.api.redis.RedisProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A real Redis for a test: a Testcontainers container where a Docker engine runs, else Debian's
 * {@code redis-server} started on a free loopback port. Either way the test talks to a real server.
 */
public final class RedisServer implements AutoCloseable {

    private final GenericContainer<?> container;
    private final Process process;
    private final String host;
    private final int port;
    private RedisClient client;
    /** redis-server's working folder, removed on close. */
    private java.nio.file.Path dir;
    private StatefulRedisConnection<String, String> connection;

    private RedisServer(final GenericContainer<?> container, final Process process, final String host, final int port) {
        this.container = container;
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /** A Redis that keeps nothing on disk: for what may be lost. */
    public static RedisServer start() {
        return start(false);
    }

    /**
     * A Redis that writes every acknowledged command to its append-only file before it answers, as a
     * shared import store needs; its files go to a folder of its own, removed with the process.
     */
    public static RedisServer startDurable() {
        return start(true);
    }

    private static RedisServer start(final boolean durable) {
        final List<String> persistence = durable ? List.of("--appendonly", "yes", "--appendfsync", "always")
                : List.of("--appendonly", "no");
        if (dockerAvailable()) {
            final List<String> command = new java.util.ArrayList<>(List.of("redis-server", "--save", ""));
            command.addAll(persistence);
            final GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379)
                    .withCommand(command.toArray(String[]::new));
            redis.start();
            return new RedisServer(redis, null, redis.getHost(), redis.getMappedPort(6379));
        }
        try {
            final int port = freePort();
            final java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("redis");
            final List<String> command = new java.util.ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--dir", dir.toString()));
            command.addAll(persistence);
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            final RedisServer server = new RedisServer(null, process, "127.0.0.1", port);
            server.dir = dir;
            server.awaitPong();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not start (is Debian's redis-server installed?)", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public String url() {
        return "redis://" + host + ":" + port;
    }

    /** The api's Redis settings for this server: a 2 s deadline, and a public limit of {@code requestsPerMinute}. */
    public RedisProperties settings(final int requestsPerMinute) {
        return new RedisProperties(url(), Duration.ofSeconds(2), Duration.ofMinutes(10), requestsPerMinute, 5,
                Duration.ofHours(24), 1000, 3);
    }

    /** {@link #settings(int)} with the default public limit, 600 a minute. */
    public RedisProperties settings() {
        return settings(600);
    }

    /** Redis commands through Lettuce (the api's own client), for assertions on what the api stored. */
    public synchronized RedisCommands<String, String> commands() {
        if (connection == null) {
            client = RedisClient.create(url());
            connection = client.connect();
        }
        return connection.sync();
    }

    private void awaitPong() {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if ("PONG".equals(commands().ping())) {
                    return;
                }
            } catch (RedisConnectionException notYet) {
                closeClient(); // not listening yet: connect afresh next time
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("redis-server did not answer PING within 10 s");
    }

    private synchronized void closeClient() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.shutdown();
            client = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        closeClient();
        if (container != null) {
            container.stop();
        }
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind harms nothing
            }
        }
    }
}
