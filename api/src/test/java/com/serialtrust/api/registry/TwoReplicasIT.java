package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.RedisServer;
import com.serialtrust.network.FabricNetwork;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of the api on the Fabric network, sharing one durable Redis, behind a round-robin
 * balancer, as a cluster runs them: they seed the demo once; a theft reported through one is what the
 * other answers; a CSV import accepted through the balancer survives the SIGKILL of the replica working
 * on it and is finished by the other, every row registered once and counted once; and verifications go
 * on being answered, genuine, through the kill.
 */
class TwoReplicasIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int ROWS = 20_000;
    static final int KILL_AFTER = 4_000;
    static final Duration LEASE = Duration.ofSeconds(5);
    static final Pattern GENUINE = Pattern.compile("genuine: \\S*(/01/\\S+)");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String prefix;

    @Test
    void twoReplicasActAsOneServiceAndAnImportOutlivesTheReplicaThatWorkedOnIt() throws Exception {
        try (FabricNetwork network = FabricNetwork.start(); RedisServer redis = RedisServer.startDurable()) {
            // the network's ledger outlives a test run: serials unique to this run
            prefix = "R" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-";
            final Path settings = Path.of("..", "network", ".state", "api.properties").toAbsolutePath().normalize();
            final List<String> common = List.of("--serialtrust.ledger.mode=fabric", "--spring.config.import=optional:file:" + settings,
                    "--serialtrust.demo.serial-prefix=" + prefix + "D", "--serialtrust.redis.url=" + redis.url(),
                    "--serialtrust.imports.store=redis", "--serialtrust.imports.lease=" + LEASE.toSeconds() + "s",
                    // one test client makes all the load: no rate limit
                    "--serialtrust.redis.public-requests-per-minute=100000000");
            try (ApiProcess a = replica("a", common); ApiProcess b = replica("b", common)) {
                a.awaitReady(http, dataDir);
                b.awaitReady(http, dataDir);
                seededOnce(a, b);
                aWriteThroughOneIsWhatTheOtherAnswers(a, b);
                try (Balancer balancer = new Balancer(List.of(a.port, b.port))) {
                    anImportOutlivesItsReplica(balancer, a, b, network);
                }
            }
            assertThat(dataDir.resolve("imports")).as("no replica kept an import on its own disk").doesNotExist();
        }
    }

    /** Each replica its own read model; the data folder, with the demo's keys, shared as a volume would be. */
    private ApiProcess replica(final String name, final List<String> common) throws IOException {
        final List<String> args = new ArrayList<>(common);
        args.add("--serialtrust.fabric.read-model.dir=" + dataDir.resolve("read-model-" + name));
        return ApiProcess.launch("replicas", name, dataDir, args);
    }

    private static void seededOnce(final ApiProcess a, final ApiProcess b) throws IOException {
        final List<String> logs = List.of(a.log(), b.log());
        assertThat(logs).as("one replica seeds the demo").filteredOn(log -> log.contains("demo: seeded the ledger")).hasSize(1);
        assertThat(logs).as("the other finds it seeded").filteredOn(log -> log.contains("demo: on the ledger already")).hasSize(1);
    }

    /** A verification cached by both, then a theft reported through one: the other says STOLEN within seconds. */
    private void aWriteThroughOneIsWhatTheOtherAnswers(final ApiProcess a, final ApiProcess b) throws Exception {
        final String label = labels(a).get(0);
        assertThat(verdict(a.url(label))).isEqualTo("GENUINE");
        assertThat(verdict(b.url(label))).isEqualTo("GENUINE");
        final String serial = label.replaceFirst("^/01/\\d+/21/", "").replaceFirst("\\?.*", "");
        final HttpResponse<String> reported = http.send(HttpRequest.newBuilder(a.url("/api/items/" + DemoApi.GTIN + "/" + serial + "/theft"))
                .header("Authorization", "Bearer " + DemoApi.apiKey(dataDir, "brand")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"2026-12-01\",\"place\":\"replica test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(verdict(a.url(label))).as("the writer reads its own write").isEqualTo("STOLEN");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String other = verdict(b.url(label));
        while (!other.equals("STOLEN") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            other = verdict(b.url(label));
        }
        assertThat(other).as("the other replica's cached GENUINE was dropped").isEqualTo("STOLEN");
    }

    private void anImportOutlivesItsReplica(final Balancer balancer, final ApiProcess a, final ApiProcess b,
            final FabricNetwork network) throws Exception {
        final Path csv = ImportClient.csv(dataDir, ROWS, this::serial, "REPLICA");
        final URI front = URI.create("http://127.0.0.1:" + balancer.port());
        final ImportClient imports = new ImportClient(http, front, DemoApi.apiKey(dataDir, "brand"));

        // verifications of a genuine label through the balancer, all along
        final String label = labels(a).get(1);
        final AtomicBoolean loading = new AtomicBoolean(true);
        final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        final ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                while (loading.get()) {
                    String answer;
                    try {
                        answer = verdict(front.resolve(label));
                    } catch (Exception e) {
                        answer = e.getClass().getSimpleName();
                    }
                    answers.computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
                }
                return null;
            });
        }

        final String id = imports.upload(csv);
        final long acknowledged = imports.awaitRegistered(id, KILL_AFTER);
        final ApiProcess worker = a.log().contains("import " + id + " taken") ? a : b;
        final ApiProcess survivor = worker == a ? b : a;
        assertThat(worker.log()).as("one replica works on the import").contains("import " + id + " taken");
        worker.kill();
        System.out.printf("killed the replica working on the import after %,d acknowledged rows%n", acknowledged);
        assertThat(acknowledged).as("the import was still running when killed").isLessThan(ROWS);

        final JsonNode job = imports.awaitDone(id);
        loading.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(survivor.log()).as("the other replica took the import over").containsPattern("import " + id + " taken .* at row [1-9]");
        survivor.log().lines().filter(l -> l.contains("sent to the ledger by an api that stopped")).forEach(System.out::println);
        assertThat(job.get("registered").asLong()).as("every row registered by this import, counted once").isEqualTo(ROWS);
        assertThat(job.get("alreadyRegistered").asLong()).isZero();
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(imports.report(id).strip().lines()).as("no row reported: the header alone").hasSize(1);
        assertThat(LedgerCounts.registeredAmong(() -> LedgerCounts.fabricLedger(network), this::serial, 0, ROWS)).isEqualTo(ROWS);

        System.out.printf("verifications through the kill: %s; sent again to the other replica: %d%n", answers, balancer.redispatched.get());
        assertThat(answers.keySet()).as("every verification answered GENUINE through the kill").containsOnly("GENUINE");
        assertThat(answers.get("GENUINE").get()).isGreaterThan(100);
        assertThat(balancer.redispatched.get()).as("the balancer met the killed replica").isPositive();
    }

    private String serial(final int i) {
        return prefix + String.format("%06d", i);
    }

    /** The genuine demo labels the replica printed, as paths. */
    private static List<String> labels(final ApiProcess api) throws IOException {
        final Matcher m = GENUINE.matcher(api.log());
        final List<String> paths = new ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertThat(paths).hasSizeGreaterThanOrEqualTo(2);
        return paths;
    }

    private String verdict(final URI uri) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return "HTTP " + r.statusCode();
        }
        return JSON.readTree(r.body()).get("verdict").asString();
    }
}
