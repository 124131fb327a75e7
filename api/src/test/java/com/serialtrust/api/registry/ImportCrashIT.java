package com.serialtrust.api.registry;

import com.serialtrust.contract.Transaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.fabric.FabricLedger;
import com.serialtrust.api.ledger.fabric.FabricProperties;
import com.serialtrust.network.FabricNetwork;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of the api in the middle of a CSV import, on the embedded ledger (100,000 rows) and
 * on the Fabric network (20,000 rows): every row the api had reported registered is on the ledger
 * afterwards (and the embedded hash chain verifies), and the restarted api finishes the import
 * without registering anything twice. On Fabric the restarted api's read model goes on from where the
 * killed one's stopped, and holds what the peer holds, key by key.
 */
class ImportCrashIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path JAR = Path.of(System.getProperty("api.jar", "target/serialtrust-api-0.1.0-SNAPSHOT.jar"));

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process api;
    private int port;
    private String serialPrefix;
    private List<String> extraArgs;
    private Path lastLog;

    @AfterEach
    void stop() {
        if (api != null) {
            api.destroyForcibly();
        }
    }

    @Test
    void aKilledImportOnTheEmbeddedLedgerLosesNoAcknowledgedRowAndResumesWithoutDuplicates() throws Exception {
        serialPrefix = "K";
        extraArgs = List.of();
        crashAndResume(100_000, 20_000, () -> new EmbeddedLedger(dataDir.resolve("ledger"), "AuthorityMSP", Clock.systemUTC()));
    }

    @Test
    void aKilledImportOnFabricLosesNoAcknowledgedRowAndResumesWithoutDuplicates() throws Exception {
        try (FabricNetwork network = FabricNetwork.start()) {
            // the network's ledger outlives a test run: serials unique to this run
            serialPrefix = "C" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-";
            final Path settings = Path.of("..", "network", ".state", "api.properties").toAbsolutePath().normalize();
            extraArgs = List.of("--serialtrust.ledger.mode=fabric", "--spring.config.import=optional:file:" + settings,
                    "--serialtrust.demo.serial-prefix=" + serialPrefix + "D");
            crashAndResume(20_000, 4_000, () -> fabricLedger(network));
        }
    }

    /**
     * Imports {@code rows} rows, kills the api with SIGKILL once {@code killAfter} are acknowledged,
     * checks on the ledger (opened by {@code ledger}, the api being dead) that each acknowledged row is
     * there, restarts the api and waits for the import to finish: each row counted once, all on the ledger.
     */
    private void crashAndResume(final int rows, final int killAfter, final Supplier<Ledger> ledger)
            throws Exception {
        final Path csv = dataDir.resolve("items.csv");
        final StringBuilder text = new StringBuilder("gtin,serial,lot\n");
        for (int i = 0; i < rows; i++) {
            text.append("09520123456788,").append(serial(i)).append(",CRASH\n");
        }
        Files.writeString(csv, text);

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
        while (acknowledged < killAfter) {
            assertThat(System.nanoTime()).as("%,d rows registered within 5 minutes", killAfter).isLessThan(deadline);
            acknowledged = status(key, id).get("registered").asLong();
            Thread.sleep(50);
        }
        assertThat(acknowledged).as("the import was still running when killed").isLessThan(rows);
        api.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(api.waitFor(30, TimeUnit.SECONDS)).isTrue();
        System.out.printf("killed the api after %,d acknowledged rows%n", acknowledged);

        verifyLedgerIfEmbedded();
        assertThat(registeredAmong(ledger, 0, (int) acknowledged)).as("every acknowledged row survived").isEqualTo(acknowledged);

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
                .as("each row counted once, as registered or as already there").isEqualTo(rows);
        auditReadModelIfFabric();
        api.destroy();
        assertThat(api.waitFor(30, TimeUnit.SECONDS)).isTrue();

        verifyLedgerIfEmbedded();
        assertThat(registeredAmong(ledger, 0, rows)).isEqualTo(rows);
    }

    private String serial(final int i) {
        return serialPrefix + String.format("%06d", i);
    }

    private Process start() throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port, "--serialtrust.data-dir=" + dataDir, "--serialtrust.demo.enabled=true"));
        command.addAll(extraArgs);
        final Path log = logFile();
        lastLog = log;
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the api died while starting").isTrue();
            try {
                // ready once the demo has registered its brand's key (rows signed by the api need it)
                // and a staff request with the demo's key is accepted (404: no such import)
                if (Files.readString(log).contains("demo is ready") && http.send(HttpRequest.newBuilder(
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

    /** Each start's log, kept in target/ for a failed run to be read. */
    private Path logFile() throws IOException {
        final Path dir = Files.createDirectories(Path.of("target", "import-crash"));
        return dir.resolve((extraArgs.isEmpty() ? "embedded" : "fabric") + "-api-" + System.currentTimeMillis() + ".log");
    }

    private JsonNode status(final String key, final String id) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/imports/" + id))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** How many of the rows [from, to) are on the ledger, read through a ledger the test opens itself. */
    private long registeredAmong(final Supplier<Ledger> open, final int from, final int to) throws Exception {
        final Ledger ledger = open.get();
        long found = 0;
        try {
            final Organisation brand = new Organisation("brand", "BrandMSP");
            for (int start = from; start < to; start += 1000) {
                final List<Map<String, String>> chunk = new ArrayList<>();
                for (int i = start; i < Math.min(to, start + 1000); i++) {
                    chunk.add(Map.of("gtin", "09520123456788", "serial", serial(i)));
                }
                final JsonNode results = JSON.readTree(new String(ledger.evaluate(brand, Transaction.CHECK_SERIALS,
                        List.of(JSON.writeValueAsString(chunk))).block(), StandardCharsets.UTF_8));
                for (JsonNode r : results) {
                    found += r.get("matches").isEmpty() ? 0 : 1;
                }
            }
        } finally {
            if (ledger instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        return found;
    }

    /** The network's ledger through the Fabric Gateway, as the brand's member. */
    private static Ledger fabricLedger(final FabricNetwork network) {
        final Map<String, String> env = network.env("brand");
        final FabricProperties.Member brand = new FabricProperties.Member(env.get("CORE_PEER_ADDRESS"),
                Path.of(env.get("CORE_PEER_TLS_ROOTCERT_FILE")),
                Path.of(env.get("CORE_PEER_MSPCONFIGPATH").replace("/Admin@", "/User1@")), null);
        final FabricProperties properties = new FabricProperties(env.get("ST_CHANNEL"), env.get("ST_CC"),
                Map.of("brand", brand), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 3, new FabricProperties.ReadModelSettings(true,
                        readModelDir(), Duration.ofSeconds(5)), "PoliceMSP");
        final Organisation organisation = new Organisation("brand", "BrandMSP");
        return new FabricLedger(properties, List.of(organisation), organisation, "AuthorityMSP");
    }

    private static Path readModelDir() {
        try {
            return java.nio.file.Files.createTempDirectory("read-model");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * On Fabric: the restarted api went on with the read model the killed one left (it did not start
     * again from block 0), and the read model holds every key of the peer with the same value.
     */
    private void auditReadModelIfFabric() throws IOException, InterruptedException {
        if (extraArgs.isEmpty()) {
            return;
        }
        final java.util.regex.Matcher resumed = java.util.regex.Pattern.compile("read model: (\\d+) blocks applied before")
                .matcher(Files.readString(lastLog));
        assertThat(resumed.find()).as("the restarted api says where its read model was").isTrue();
        assertThat(Long.parseLong(resumed.group(1))).as("blocks the killed api's read model kept").isPositive();
        final List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString(), "audit-read-model",
                "--serialtrust.data-dir=" + dataDir));
        command.addAll(extraArgs);
        final Process audit = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String out = new String(audit.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(audit.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("audit-read-model: " + out.substring(out.lastIndexOf('\n') + 1));
        assertThat(audit.exitValue()).as(out).isZero();
        assertThat(out.substring(out.lastIndexOf('\n') + 1)).startsWith("same: ");
    }

    /** The embedded ledger's audit, on its files, while the api is stopped; nothing on Fabric. */
    private void verifyLedgerIfEmbedded() throws IOException, InterruptedException {
        if (extraArgs.isEmpty()) {
            assertThat(verifyLedger()).startsWith("intact");
        }
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
