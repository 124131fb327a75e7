package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The api's jar run as a process of its own with the demo on, as an operator runs it: so that a test
 * can kill it with SIGKILL. Its log is kept under {@code target/<folder>/} for a failed run to be read.
 */
final class ApiProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("api.jar", "target/serialtrust-api-0.1.0-SNAPSHOT.jar"));

    final int port;
    final Path log;
    private final Process process;

    private ApiProcess(final int port, final Path log, final Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the api on a free port with {@code args} after the data folder and the demo's settings; does not wait. */
    static ApiProcess launch(final String folder, final String name, final Path dataDir, final List<String> args) throws IOException {
        final int port = freePort();
        final List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port, "--serialtrust.data-dir=" + dataDir, "--serialtrust.demo.enabled=true"));
        command.addAll(args);
        final Path log = Files.createDirectories(Path.of("target", folder)).resolve(name + "-" + System.currentTimeMillis() + ".log");
        return new ApiProcess(port, log, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /**
     * Waits until the api is ready: the demo has registered its brand's key (rows signed by the api need
     * it) and a staff request with the demo's key is accepted (404: no such import).
     */
    ApiProcess awaitReady(final HttpClient http, final Path dataDir) throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the api died while starting; see " + log).isTrue();
            try {
                if (log().contains("demo is ready") && http.send(HttpRequest.newBuilder(url("/api/imports/none"))
                        .header("Authorization", "Bearer " + DemoApi.apiKey(dataDir, "brand")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the api did not start within 120 s; see " + log);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    URI url(final String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, and its exit awaited. */
    void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
