package com.serialtrust.api.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.RedisServer;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.qr.LabelService;
import com.serialtrust.network.FabricNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Survival on the real Fabric network, under verification and registration load: a peer killed
 * then restarted, the orderer killed then restarted, and Redis stopped. Every verification is
 * answered (from the cache, or a 503 problem with Retry-After), nothing acknowledged is lost, and
 * reads and writes come back by themselves within 10 s of the restart. Afterwards the read model holds
 * what the peer holds, key by key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "serialtrust.ledger.mode=fabric", "serialtrust.demo.enabled=true",
    // one test client makes all the load: no rate limit
    "serialtrust.redis.public-requests-per-minute=100000000"})
@org.springframework.test.annotation.DirtiesContext // its ledger is the network this class stops
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FabricFaultIT {

    static final String PREFIX = FabricSettings.uniquePrefix("S");
    static final long RECOVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final RedisServer REDIS = RedisServer.start();

    @TempDir
    static Path dataDir;

    static FabricNetwork network;

    @DynamicPropertySource
    static void settings(final DynamicPropertyRegistry registry) {
        network = FabricSettings.apply(registry, dataDir, PREFIX);
        registry.add("serialtrust.redis.url", REDIS::url);
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
        REDIS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    LabelService labels;

    @Autowired
    FabricLedger ledger;

    private Load load() {
        final List<String> cached = List.of("0001", "0002", "0003").stream()
                .map(n -> labels.uri(new Organisation("brand", "BrandMSP"), "09520123456788", PREFIX + n).block())
                .map(uri -> uri.substring(uri.indexOf("/01/")))
                .toList();
        return new Load(port, DemoApi.apiKey(dataDir, "brand"), cached, PREFIX);
    }

    @Test
    @Order(1)
    void aPeerKilledUnderLoadThenRestarted() throws Exception {
        drill("peer-brand");
    }

    @Test
    @Order(2)
    void theOrdererKilledUnderLoadThenRestarted() throws Exception {
        drill("orderer");
    }

    @Test
    @Order(3)
    void redisStoppedUnderLoadFailsNoVerification() throws Exception {
        try (Load load = load()) {
            load.start();
            Thread.sleep(3_000);
            REDIS.close();
            final long stopped = System.nanoTime();
            Thread.sleep(8_000);
            final Load.Summary summary = load.finish();
            System.out.println("redis stopped: " + summary);
            summary.assertNothingBad();
            for (Load.Kind kind : List.of(Load.Kind.CACHED, Load.Kind.UNCACHED)) {
                assertThat(summary.started(kind, stopped)).as("%s verifications while Redis was stopped", kind)
                        .isGreaterThan(50);
                assertThat(summary.failedAfter(kind, stopped)).as("%s verifications that failed", kind).isEmpty();
            }
            load.assertAcknowledgedOnLedger();
        }
    }

    @Test
    @Order(4)
    void afterTheDrillsTheReadModelHoldsEveryKeyOfThePeerWithTheSameValue() throws Exception {
        final ReadModelAudit.Report report = ledger.auditReadModel();
        System.out.println("read model audit after the fault drills: " + report);
        assertThat(report.listed()).isEmpty();
        assertThat(report.differences()).isZero();
        assertThat(report.keys()).isPositive();
    }

    /**
     * Load, then {@code process} killed for 5 s, then restarted with {@code network.sh up}: cached
     * verifications never fail, uncached ones and writes fail only with a 503 problem with
     * Retry-After, and both succeed again within 10 s of the restart, and from then on, without the
     * api being touched.
     */
    /**
     * The drills test recovery from a fault, not a new api's first reading of the chain: on a long-lived
     * network that takes minutes, and until it is done searches (the "did you mean" of a typed check)
     * have no index to ask. So they start once the read model answers queries.
     */
    private void awaitReadModel() throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!ledger.readModelStatus().serving()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the read model did not catch up with the peer: " + ledger.readModelStatus());
            }
            Thread.sleep(500);
        }
    }

    private void drill(final String process) throws Exception {
        awaitReadModel();
        try (Load load = load()) {
            load.warmUp();
            load.start();
            Thread.sleep(3_000);
            network.kill(process);
            final long killed = System.nanoTime();
            Thread.sleep(5_000);
            final long restarting = System.nanoTime();
            network.restart();
            final long restarted = System.nanoTime();
            Thread.sleep(15_000);
            final Load.Summary summary = load.finish();
            System.out.printf("%s killed: 'up' took %d ms; %s%n", process,
                    TimeUnit.NANOSECONDS.toMillis(restarted - restarting), summary);
            summary.assertNothingBad();
            assertThat(summary.failedAfter(Load.Kind.CACHED, Long.MIN_VALUE)).as("cached verifications that were not answered")
                    .isEmpty();
            for (Load.Kind kind : List.of(Load.Kind.UNCACHED, Load.Kind.WRITE)) {
                // the restart is when 'up' began to start the process again; 'up' itself returns
                // later, once gossip has settled
                final long back = summary.firstSuccessAfter(kind, restarting);
                System.out.printf("%s killed: %s back %d ms after the restart began (%d ms after the kill)%n", process,
                        kind, TimeUnit.NANOSECONDS.toMillis(back - restarting), TimeUnit.NANOSECONDS.toMillis(back - killed));
                assertThat(back - restarting).as("%s recovered within 10 s of the restart", kind).isLessThanOrEqualTo(RECOVERY_NANOS);
                final long recovered = Math.max(restarting + RECOVERY_NANOS, restarted);
                assertThat(summary.started(kind, recovered)).isPositive();
                assertThat(summary.failedAfter(kind, recovered)).as("%s requests that failed after the recovery", kind).isEmpty();
            }
            load.assertAcknowledgedOnLedger();
        }
    }
}
