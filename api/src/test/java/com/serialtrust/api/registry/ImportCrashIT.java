package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.embedded.EmbeddedLedger;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of the api in the middle of a 100,000-row CSV import on the embedded ledger: every
 * row the api had reported registered is on the ledger afterwards, the hash chain verifies, and the
 * restarted api finishes the import without registering anything twice.
 */
class ImportCrashIT {

    static final int ROWS = 100_000;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path JAR = Path.of(System.getProperty("api.jar", "target/serialtrust-api-0.1.0-SNAPSHOT.jar"));

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process api;
    private int port;

    @AfterEach
    void stop() {
        if (api != null) {
            api.destroyForcibly();
        }
    }

    @Test
    void aKilledImportLosesNoAcknowledgedRowAndResumesWithoutDuplicates() throws Exception {
        final Path csv = dataDir.resolve("items.csv");
        final StringBuilder rows = new StringBuilder("gtin,serial,lot\n");
        for (int i = 0; i < ROWS; i++) {
            rows.append("09520123456788,K").append(String.format("%06d", i)).append(",CRASH\n");
        }
        Files.writeString(csv, rows);

        port = freePort();
        api = start();
        final String key = DemoApi.apiKey(dataDir, "brand");
        final HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(url("/api/imports"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        final String id = JSON.readTree(accepted.body()).get("id").asString();

        long acknowledged = 0;
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (acknowledged < 20_000) {
            assertThat(System.nanoTime()).as("20,000 rows registered within 5 minutes").isLessThan(deadline);
            acknowledged = status(key, id).get("registered").asLong();
            Thread.sleep(50);
        }
        assertThat(acknowledged).as("the import was still running when killed").isLessThan(ROWS);
        api.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(api.waitFor(30, TimeUnit.SECONDS)).isTrue();
        System.out.printf("killed the api after %,d acknowledged rows%n", acknowledged);

        assertThat(verifyLedger()).startsWith("intact");
        assertThat(registeredAmong(0, ROWS)).as("every acknowledged row survived").isGreaterThanOrEqualTo(acknowledged);
        final long survived = registeredAmong(0, (int) acknowledged);
        assertThat(survived).isEqualTo(acknowledged);

        api = start(); // the import resumes where its status file says
        JsonNode job = status(key, id);
        final long finish = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!job.get("state").asString().equals("DONE")) {
            assertThat(job.get("state").asString()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("the import finishes within 10 minutes").isLessThan(finish);
            Thread.sleep(200);
            job = status(key, id);
        }
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(job.get("registered").asLong() + job.get("alreadyRegistered").asLong())
                .as("each row counted once, as registered or as already there").isEqualTo(ROWS);
        api.destroy();
        assertThat(api.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(verifyLedger()).startsWith("intact");
        assertThat(registeredAmong(0, ROWS)).isEqualTo(ROWS);
    }

    private Process start() throws IOException, InterruptedException {
        final Process process = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port, "--serialtrust.data-dir=" + dataDir, "--serialtrust.demo.enabled=true")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("api-" + System.nanoTime() + ".log").toFile())
                .start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the api died while starting").isTrue();
            try {
                // ready when a staff request with the demo's key is accepted (404: no such import)
                if (Files.exists(dataDir.resolve("demo/api-keys.properties")) && http.send(HttpRequest.newBuilder(
                        url("/api/imports/none")).header("Authorization", "Bearer " + DemoApi.apiKey(dataDir, "brand"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the api did not start within 90 s");
    }

    private JsonNode status(final String key, final String id) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/imports/" + id))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** How many of the rows [from, to) are on the ledger, read straight from its files. */
    private long registeredAmong(final int from, final int to) {
        long found = 0;
        try (EmbeddedLedger ledger = new EmbeddedLedger(dataDir.resolve("ledger"), "AuthorityMSP", Clock.systemUTC())) {
            final Organisation brand = new Organisation("brand", "BrandMSP");
            for (int start = from; start < to; start += 1000) {
                final List<Map<String, String>> chunk = new ArrayList<>();
                for (int i = start; i < Math.min(to, start + 1000); i++) {
                    chunk.add(Map.of("gtin", "09520123456788", "serial", String.format("K%06d", i)));
                }
                final JsonNode results = JSON.readTree(new String(ledger.evaluate(brand, "CheckSerials",
                        List.of(JSON.writeValueAsString(chunk))).block(), StandardCharsets.UTF_8));
                for (JsonNode r : results) {
                    found += r.get("matches").isEmpty() ? 0 : 1;
                }
            }
        }
        return found;
    }

    private String verifyLedger() throws IOException, InterruptedException {
        final Process audit = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString(), "verify-ledger",
                dataDir.resolve("ledger").toString()).redirectErrorStream(true).start();
        final String out = new String(audit.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(audit.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("verify-ledger: " + out);
        assertThat(audit.exitValue()).as(out).isZero();
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    private URI url(final String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
