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
        final ImportStore store = new ImportStore(dataDir, JsonMapper.builder().build());
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
            List<RowOutcome> register(final Organisation as, final Prepared batch) {
                if (attempts.incrementAndGet() <= 2) {
                    details.add(store.get("job").detail());
                    throw new LedgerUnavailableException("the peer does not answer", null);
                }
                return IntStream.range(0, size).mapToObj(i -> RowOutcome.ok(i, RegistrationService.Status.REGISTERED)).toList();
            }
        };
        final ImportWorker worker = new ImportWorker(store, ledgerDownTwice,
                new LedgerProperties(null, null, "authority", "brand", null), Duration.ofMillis(200));
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
        assertThat(Files.readString(store.errorFile("job"))).isEmpty();
        final List<String> seen = new ArrayList<>(details);
        assertThat(seen).containsExactly("", "waiting for the ledger; trying again in 200 ms");
    }
}
