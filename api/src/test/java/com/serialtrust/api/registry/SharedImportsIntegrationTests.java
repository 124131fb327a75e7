package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serialtrust.api.RedisServer;
import com.serialtrust.api.ledger.Organisation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in a shared, real Redis as two replicas see them: one accepts, either may work on it, a
 * replica that falls silent loses its import to the other, which goes on from the last settled batch,
 * and the silent one can then record nothing more of it.
 */
class SharedImportsIntegrationTests {

    static final RedisServer REDIS = RedisServer.startDurable();
    static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final Organisation BRAND = new Organisation("brand", "BrandMSP");
    static final Duration LEASE = Duration.ofSeconds(1);

    @AfterAll
    static void stop() {
        REDIS.close();
    }

    private static RedisImportStore replica() throws Exception {
        return new RedisImportStore(REDIS.url(), LEASE, JSON);
    }

    private static ImportJob accept(final RedisImportStore store, final String id, final String csv) throws Exception {
        final Path part = store.receive(id, Flux.just(DefaultDataBufferFactory.sharedInstance
                .wrap(csv.getBytes(StandardCharsets.UTF_8)))).block();
        final Instant now = Instant.now();
        final ImportJob job = new ImportJob(id, "brand", ImportJob.State.QUEUED, 2, 1, 0, 0, 0, now, now, "");
        store.accept(part, job);
        assertThat(part).as("nothing of the upload stays on the accepting replica").doesNotExist();
        return job;
    }

    @Test
    void anImportAcceptedByOneReplicaIsTakenOverFromASilentOneAndTheSilentOneCanRecordNothingMore() throws Exception {
        final String id = "takeover-" + System.nanoTime();
        final String csv = "gtin,serial\n09520123456788,T-1\n09520123456788,T-2\n";
        try (RedisImportStore a = replica(); RedisImportStore b = replica()) {
            final ImportJob job = accept(a, id, csv);
            assertThat(b.of(BRAND, id)).as("every replica sees an import at once").contains(job);
            assertThat(b.recent(BRAND, 5)).contains(job);
            assertThat(b.of(new Organisation("retail", "RetailMSP"), id)).as("only its organisation sees it").isEmpty();

            final BlockingQueue<String> takenByA = new LinkedBlockingQueue<>();
            a.dispatch(takenByA::add);
            assertThat(takenByA.poll(10, TimeUnit.SECONDS)).isEqualTo(id);
            assertThat(Files.readString(a.spool(id))).isEqualTo(csv);
            a.submitting(id, List.of(2L, 3L));
            a.settle(job.advance(2, 1, 0, 0), List.of("3,T-2,FAILED,X,refused\n"));
            a.submitting(id, List.of(3L));

            // A falls silent (its lease is no longer renewed); B takes the import over after the lease
            a.close();
            final BlockingQueue<String> takenByB = new LinkedBlockingQueue<>();
            final long silent = System.nanoTime();
            b.dispatch(takenByB::add);
            assertThat(takenByB.poll(10, TimeUnit.SECONDS)).isEqualTo(id);
            assertThat(Duration.ofNanos(System.nanoTime() - silent)).as("not before the lease ran out").isGreaterThanOrEqualTo(LEASE.minusMillis(200));
            assertThat(b.get(id).nextRow()).as("from the last settled batch").isEqualTo(2);
            assertThat(b.get(id).registered()).isEqualTo(1);
            assertThat(b.submitting(id)).as("the rows A had sent, and not yet settled").containsExactly(3L);
            assertThat(b.report(id)).isEqualTo("3,T-2,FAILED,X,refused\n");
            assertThat(Files.readString(b.spool(id))).isEqualTo(csv);

            b.finish(b.get(id).finished(ImportJob.State.DONE, ""));
            assertThat(b.get(id).state()).isEqualTo(ImportJob.State.DONE);
            assertThat(REDIS.commands().exists("st:import:" + id + ":csv")).as("a finished import's upload is dropped").isZero();
            assertThat(REDIS.commands().xlen(ImportQueue.QUEUE)).isZero();
            assertThat(REDIS.commands().pttl("st:import:" + id)).as("a finished import is kept 90 days")
                    .isBetween(ImportQueue.KEPT.minusMinutes(1).toMillis(), ImportQueue.KEPT.toMillis());
            assertThat(REDIS.commands().pttl("st:import:" + id + ":errors")).isPositive();
        }
    }

    @Test
    void aReplicaThatLostItsImportRecordsNothingMoreOfIt() throws Exception {
        final String id = "fenced-" + System.nanoTime();
        try (RedisImportStore a = replica(); RedisImportStore b = replica()) {
            final ImportJob job = accept(a, id, "gtin,serial\n09520123456788,F-1\n");
            final BlockingQueue<String> taken = new LinkedBlockingQueue<>();
            a.dispatch(taken::add);
            assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo(id);
            // B takes it as if A had been silent for a lease: now A's writes are refused
            REDIS.commands().hset("st:import:" + id, "owner", "someone-else");
            assertThatThrownBy(() -> a.settle(job.advance(2, 1, 0, 0), List.of()))
                    .isInstanceOf(ImportStore.ClaimLostException.class);
            assertThat(b.get(id)).as("unchanged").isEqualTo(job);
        }
    }

    @Test
    void theConsumersOfReplicasLongGoneAreForgottenButNotOneThatHoldsAnImport() throws Exception {
        final String id = "held-" + System.nanoTime();
        final io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(REDIS.url());
        try (RedisImportStore a = replica();
                var bytes = client.connect(io.lettuce.core.codec.RedisCodec.of(io.lettuce.core.codec.StringCodec.UTF8,
                        io.lettuce.core.codec.ByteArrayCodec.INSTANCE))) {
            accept(a, id, "gtin,serial\n09520123456788,H-1\n");
            final BlockingQueue<String> taken = new LinkedBlockingQueue<>();
            a.dispatch(taken::add);
            assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo(id);
            // an api that started, took nothing and went away
            REDIS.commands().xreadgroup(io.lettuce.core.Consumer.from(ImportQueue.GROUP, "gone-empty-handed"),
                    io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(ImportQueue.QUEUE));

            assertThat(new ImportQueue(bytes::sync, LEASE).forgetGone(Duration.ZERO)).isGreaterThanOrEqualTo(1);
            assertThat(REDIS.commands().xinfoConsumers(ImportQueue.QUEUE, ImportQueue.GROUP).toString())
                    .doesNotContain("gone-empty-handed");
            assertThat(REDIS.commands().xpending(ImportQueue.QUEUE, ImportQueue.GROUP).getCount())
                    .as("the import a holds is still its own").isEqualTo(1);
            a.finish(a.get(id).finished(ImportJob.State.DONE, ""));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aRedisThatMayLoseWhatItAcknowledgedIsRefusedAsTheSharedStore() {
        try (RedisServer volatileRedis = RedisServer.start()) {
            assertThatThrownBy(() -> new RedisImportStore(volatileRedis.url(), LEASE, JSON))
                    .hasMessageContaining("appendonly yes");
        }
        try (RedisServer evicting = RedisServer.startDurable()) {
            evicting.commands().configSet("maxmemory-policy", "allkeys-lru");
            assertThatThrownBy(() -> new RedisImportStore(evicting.url(), LEASE, JSON))
                    .hasMessageContaining("never evicts an import");
        }
    }
}
