package com.serialtrust.api.registry;

import com.serialtrust.contract.ItemInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** An import that finds the ledger out of reach waits and goes on by itself, without a restart. */
class ImportWorkerTest {

    @TempDir
    Path dataDir;

    @Test
    void anImportPausedByAnUnreachableLedgerGoesOnWhereItStoppedOnceTheLedgerIsBack() throws Exception {
        final DiskImportStore store = new DiskImportStore(dataDir, JsonMapper.builder().build());
        store.load();
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> details = new CopyOnWriteArrayList<>();
        // a ledger that is out of reach for the first two attempts: a fake of the service that talks to it
        final RegistrationService ledgerDownTwice = new RegistrationService(null, null, null) {
            private int size;

            @Override
            Prepared prepare(final Organisation as, final List<ItemInput> rows) {
                size = rows.size();
                return super.prepare(as, rows);
            }

            @Override
            List<RowOutcome> register(final Organisation as, final Prepared batch,
                    final java.util.function.Consumer<List<Integer>> beforeSubmit) {
                if (attempts.incrementAndGet() <= 2) {
                    details.add(store.get("job").detail());
                    throw new LedgerUnavailableException("the peer does not answer", null);
                }
                return IntStream.range(0, size).mapToObj(i -> RowOutcome.ok(i, RegistrationService.Status.REGISTERED)).toList();
            }
        };
        final ImportWorker worker = new ImportWorker(store, ledgerDownTwice,
                new LedgerProperties(null, null, "authority", "brand", null),
                new ImportProperties(ImportProperties.Store.DISK, Duration.ofSeconds(30), Duration.ofMillis(200)));
        final StringBuilder csv = new StringBuilder("gtin,serial,signature\n");
        for (int i = 0; i < 3; i++) {
            csv.append("09520123456788,RETRY-").append(i).append(",c2ln\n");
        }
        final Path part = store.receive("job", Flux.just(DefaultDataBufferFactory.sharedInstance
                .wrap(csv.toString().getBytes(StandardCharsets.UTF_8)))).block();
        final Instant now = Instant.now();
        store.accept(part, new ImportJob("job", "brand", ImportJob.State.QUEUED, 3, 1, 0, 0, 0, now, now, ""));

        final long started = System.nanoTime();
        worker.submit("job");
        while (store.get("job").state() != ImportJob.State.DONE && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(20);
        }
        final Duration took = Duration.ofNanos(System.nanoTime() - started);

        final ImportJob done = store.get("job");
        assertThat(done.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(done.registered()).isEqualTo(3);
        assertThat(done.failed()).isZero();
        assertThat(attempts).hasValue(3);
        // the second wait is twice the first: 200 ms, then 400 ms
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(store.report("job")).isEmpty();
        final List<String> seen = new ArrayList<>(details);
        assertThat(seen).containsExactly("", "waiting for the ledger; trying again in 200 ms");
    }

    @Test
    void rowsThatAStoppedApiHadSentAndThatAreFoundRegisteredAreCountedAsRegisteredByTheImport() throws Exception {
        final DiskImportStore store = new DiskImportStore(dataDir, JsonMapper.builder().build());
        store.load();
        // the ledger has every row already: lines 2 and 3 because the stopped api's batch committed
        final RegistrationService allThere = new RegistrationService(null, null, null) {
            @Override
            List<RowOutcome> register(final Organisation as, final Prepared batch,
                    final java.util.function.Consumer<List<Integer>> beforeSubmit) {
                return IntStream.range(0, 3).mapToObj(i -> RowOutcome.ok(i, RegistrationService.Status.ALREADY_REGISTERED)).toList();
            }
        };
        final ImportWorker worker = new ImportWorker(store, allThere, new LedgerProperties(null, null, "authority", "brand", null),
                new ImportProperties(ImportProperties.Store.DISK, Duration.ofSeconds(30), Duration.ofMillis(200)));
        final String csv = "gtin,serial,signature\n09520123456788,SENT-1,c2ln\n09520123456788,SENT-2,c2ln\n09520123456788,OLD-3,c2ln\n";
        final Path part = store.receive("sent", Flux.just(DefaultDataBufferFactory.sharedInstance
                .wrap(csv.getBytes(StandardCharsets.UTF_8)))).block();
        final Instant now = Instant.now();
        store.accept(part, new ImportJob("sent", "brand", ImportJob.State.RUNNING, 3, 1, 0, 0, 0, now, now, ""));
        store.submitting("sent", List.of(2L, 3L));

        worker.submit("sent");
        final long started = System.nanoTime();
        while (store.get("sent").state() != ImportJob.State.DONE && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(20);
        }
        final ImportJob done = store.get("sent");
        assertThat(done.registered()).as("the two rows the stopped api had sent").isEqualTo(2);
        assertThat(done.alreadyRegistered()).as("the row registered before the import").isEqualTo(1);
        assertThat(store.report("sent")).startsWith("4,\"OLD-3\",ALREADY_REGISTERED,").doesNotContain("SENT-");
        assertThat(store.submitting("sent")).isEmpty();
    }

    @Test
    void aReportLineWrittenByABatchWhoseRecordACrashLostIsWrittenOnceWhenTheBatchSettlesAgain() throws Exception {
        final DiskImportStore store = new DiskImportStore(dataDir, JsonMapper.builder().build());
        store.load();
        final Instant now = Instant.now();
        final ImportJob job = new ImportJob("cut", "brand", ImportJob.State.RUNNING, 4, 1, 0, 0, 0, now, now, "");
        final Path part = store.receive("cut", Flux.just(DefaultDataBufferFactory.sharedInstance
                .wrap("gtin,serial\n".getBytes(StandardCharsets.UTF_8)))).block();
        store.accept(part, job);
        store.settle(job.advance(2, 0, 0, 1), List.of("2,A,FAILED,X,first\n"));
        // a crash after the next batch's report lines were written, before its record was
        Files.writeString(store.errorFile("cut"), "3,B,FAILED,X,second\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(store.report("cut")).as("only settled lines are shown").isEqualTo("2,A,FAILED,X,first\n");

        final DiskImportStore restarted = new DiskImportStore(dataDir, JsonMapper.builder().build());
        restarted.load();
        restarted.settle(restarted.get("cut").advance(3, 0, 0, 1), List.of("3,B,FAILED,X,second\n"));
        assertThat(restarted.report("cut")).isEqualTo("2,A,FAILED,X,first\n3,B,FAILED,X,second\n");
    }

    /** What a shared store throws while its Redis is out of reach. */
    static final class StoreDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreDown() {
            super("Connection closed");
        }
    }

    @Test
    void anImportWhoseStoreIsOutOfReachWaitsAndGoesOnInsteadOfFailing() throws Exception {
        final DiskImportStore disk = new DiskImportStore(dataDir, JsonMapper.builder().build());
        disk.load();
        final AtomicInteger settles = new AtomicInteger();
        // the data folder, but its first recording of a settled batch finds the store out of reach
        final ImportStore flaky = (ImportStore) java.lang.reflect.Proxy.newProxyInstance(ImportStore.class.getClassLoader(),
                new Class<?>[] {ImportStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unavailable")) {
                        return args[0] instanceof StoreDown;
                    }
                    if (method.getName().equals("settle") && settles.incrementAndGet() == 1) {
                        throw new StoreDown();
                    }
                    try {
                        return method.invoke(disk, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        // the first attempt registers both rows; the second finds them on the ledger
        final AtomicInteger registrations = new AtomicInteger();
        final RegistrationService allNew = new RegistrationService(null, null, null) {
            @Override
            List<RowOutcome> register(final Organisation as, final Prepared batch,
                    final java.util.function.Consumer<List<Integer>> beforeSubmit) {
                final RegistrationService.Status status = registrations.incrementAndGet() == 1
                        ? RegistrationService.Status.REGISTERED : RegistrationService.Status.ALREADY_REGISTERED;
                beforeSubmit.accept(List.of(0, 1));
                return IntStream.range(0, 2).mapToObj(i -> RowOutcome.ok(i, status)).toList();
            }
        };
        final ImportWorker worker = new ImportWorker(flaky, allNew, new LedgerProperties(null, null, "authority", "brand", null),
                new ImportProperties(ImportProperties.Store.DISK, Duration.ofSeconds(30), Duration.ofMillis(200)));
        final Path part = disk.receive("down", Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(
                "gtin,serial,signature\n09520123456788,DOWN-1,c2ln\n09520123456788,DOWN-2,c2ln\n".getBytes(StandardCharsets.UTF_8))))
                .block();
        final Instant now = Instant.now();
        disk.accept(part, new ImportJob("down", "brand", ImportJob.State.QUEUED, 2, 1, 0, 0, 0, now, now, ""));

        worker.submit("down");
        final long started = System.nanoTime();
        while (disk.get("down").state() != ImportJob.State.DONE && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(20);
        }
        final ImportJob done = disk.get("down");
        assertThat(done.state()).as("not FAILED: it waited for the store").isEqualTo(ImportJob.State.DONE);
        assertThat(settles).as("settled again once the store was back").hasValue(2);
        assertThat(registrations).hasValue(2);
        assertThat(done.registered()).as("the rows sent before the store went away count as this import's").isEqualTo(2);
        assertThat(done.alreadyRegistered()).isZero();
        assertThat(done.failed()).isZero();
        assertThat(disk.report("down")).isEmpty();
    }
}
