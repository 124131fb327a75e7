package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.network.FabricNetwork;
import com.serialtrust.api.ledger.embedded.EmbeddedLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ApiProcess api;
    private String serialPrefix;
    private List<String> extraArgs;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
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
            crashAndResume(20_000, 4_000, () -> LedgerCounts.fabricLedger(network));
        }
    }

    /**
     * Imports {@code rows} rows, kills the api with SIGKILL once {@code killAfter} are acknowledged,
     * checks on the ledger (opened by {@code ledger}, the api being dead) that each acknowledged row is
     * there, restarts the api and waits for the import to finish: each row counted once, all on the ledger.
     */
    private void crashAndResume(final int rows, final int killAfter, final Supplier<Ledger> ledger)
            throws Exception {
        final Path csv = ImportClient.csv(dataDir, rows, this::serial, "CRASH");
        api = start();
        final String key = DemoApi.apiKey(dataDir, "brand");
        final String id = imports(key).upload(csv);
        final long acknowledged = imports(key).awaitRegistered(id, killAfter);
        assertThat(acknowledged).as("the import was still running when killed").isLessThan(rows);
        api.kill();
        System.out.printf("killed the api after %,d acknowledged rows%n", acknowledged);

        verifyLedgerIfEmbedded();
        assertThat(LedgerCounts.registeredAmong(ledger, this::serial, 0, (int) acknowledged)).as("every acknowledged row survived").isEqualTo(acknowledged);

        api = start(); // the import resumes where its status file says
        final JsonNode job = imports(key).awaitDone(id);
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(job.get("registered").asLong() + job.get("alreadyRegistered").asLong())
                .as("each row counted once, as registered or as already there").isEqualTo(rows);
        auditReadModelIfFabric();
        api.stop();

        verifyLedgerIfEmbedded();
        assertThat(LedgerCounts.registeredAmong(ledger, this::serial, 0, rows)).isEqualTo(rows);
    }

    private String serial(final int i) {
        return serialPrefix + String.format("%06d", i);
    }

    private ApiProcess start() throws IOException, InterruptedException {
        return ApiProcess.launch("import-crash", extraArgs.isEmpty() ? "embedded-api" : "fabric-api", dataDir, extraArgs)
                .awaitReady(http, dataDir);
    }

    private ImportClient imports(final String key) {
        return new ImportClient(http, api.url("/"), key);
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
                .matcher(api.log());
        assertThat(resumed.find()).as("the restarted api says where its read model was").isTrue();
        assertThat(Long.parseLong(resumed.group(1))).as("blocks the killed api's read model kept").isPositive();
        final List<String> command = new ArrayList<>(List.of("java", "-jar", ApiProcess.JAR.toAbsolutePath().toString(), "audit-read-model",
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
        final Process audit = new ProcessBuilder("java", "-jar", ApiProcess.JAR.toAbsolutePath().toString(), "verify-ledger",
                dataDir.resolve("ledger").toString()).redirectErrorStream(true).start();
        final String out = new String(audit.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(audit.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("verify-ledger: " + out);
        assertThat(audit.exitValue()).as(out).isZero();
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    private URI url(final String path) {
        return api.url(path);
    }
}
