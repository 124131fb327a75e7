package com.serialtrust.api.registry;

import com.serialtrust.contract.ItemInput;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.chaincode.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers imports in batches, one import at a time, signing each batch on a second thread while the
 * ledger registers the one before. Progress is recorded after every settled batch. An import that finds
 * the ledger out of reach waits and tries again on its own, after a delay that doubles up to
 * {@link #MAX_RETRY_AFTER}, from where it stopped.
 */
@Component
class ImportWorker {

    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
    private static final int SIGNED_AHEAD = 1; // two ahead measured no faster: the ledger, not signing, sets the pace
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportStore store;
    private final RegistrationService registration;
    private final LedgerProperties orgs;
    private final Duration retryAfter;
    /** The delay before an import that waits for the ledger tries again, by import. */
    private final Map<String, Duration> pauses = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "csv-import"));
    private final ExecutorService signer = Executors.newSingleThreadExecutor(r -> daemon(r, "csv-import-sign"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "csv-import-retry"));

    ImportWorker(final ImportStore store, final RegistrationService registration, final LedgerProperties orgs,
            final ImportProperties settings) {
        this.store = store;
        this.registration = registration;
        this.orgs = orgs;
        this.retryAfter = settings.retryAfter();
    }

    private static Thread daemon(final Runnable r, final String name) {
        final Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues an import; imports run one after another, in the order queued. */
    void submit(final String id) {
        worker.submit(() -> run(id));
    }

    /** The ledger is out of reach: the import keeps its place and tries again after a delay. */
    private void pause(final String id, final String what, final RuntimeException e) {
        final Duration delay = pauses.merge(id, retryAfter, (last, first) -> min(last.multipliedBy(2), MAX_RETRY_AFTER));
        final String when = delay.toMillis() < 1000 ? delay.toMillis() + " ms" : delay.toSeconds() + " s";
        LOG.warn("import {} paused: the {} is unavailable ({}); trying again in {}", id, what, e.getMessage(), when);
        try {
            store.save(store.get(id).finished(ImportJob.State.RUNNING, "waiting for the " + what + "; trying again in " + when));
        } catch (ImportStore.ClaimLostException lost) {
            pauses.remove(id);
            return;
        } catch (RuntimeException storeDown) {
            if (!store.unavailable(storeDown)) {
                throw storeDown;
            }
            // the state says so once the store is back; the retry goes on regardless
        }
        retries.schedule(() -> submit(id), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Works on an import; if the import store itself is out of reach (a shared Redis down), the import
     * waits and tries again like one that finds the ledger out of reach, rather than failing or being
     * left held by an api that no longer works on it.
     */
    private void run(final String id) {
        try {
            attempt(id);
        } catch (RuntimeException e) {
            if (!store.unavailable(e)) {
                throw e;
            }
            pause(id, "import store", e);
        }
    }

    private void attempt(final String id) {
        ImportJob job = store.get(id);
        final Organisation as = orgs.require(job.organisation());
        // rows a replica that stopped had sent to the ledger: found registered now, they were registered by this import
        final Set<Long> sentBefore = store.submitting(id);
        try (CsvRows rows = CsvRows.open(store.spool(id))) {
            // the first line that names each item: a later line naming it again is reported, not registered
            final Map<String, Long> firstLine = new java.util.HashMap<>();
            Batch batch = new Batch();
            // a full batch is signed while the one before it goes through the ledger (SIGNED_AHEAD)
            final java.util.ArrayDeque<Batch> ahead = new java.util.ArrayDeque<>();
            Optional<CsvRows.Row> next;
            while ((next = rows.next()).isPresent()) {
                final CsvRows.Row row = next.get();
                final Optional<Long> earlier = row.item().flatMap(item -> Optional.ofNullable(
                        firstLine.putIfAbsent(ItemBatches.key(item), row.line())));
                if (row.index() < job.nextRow()) {
                    continue; // settled before a restart; still remembered above for duplicates
                }
                if (row.problem().isPresent()) {
                    batch.bad.put(row.line(), CsvRows.Report.line(row.line(), row.serial(), RegistrationService.Status.FAILED.name(), row.problem().get().code(),
                            row.problem().get().message()));
                } else if (earlier.isPresent()) {
                    batch.bad.put(row.line(), CsvRows.Report.line(row.line(), row.serial(), RegistrationService.Status.FAILED.name(), ApiError.DUPLICATE_IN_FILE.name(),
                            "the same item as line " + earlier.get() + ": registered once"));
                } else {
                    batch.items.add(row.item().get());
                    batch.lines.add(row.line());
                }
                if (batch.items.size() == RegistrationService.BATCH) {
                    batch.prepare(as, row.index() + 1);
                    ahead.add(batch);
                    if (ahead.size() > SIGNED_AHEAD) {
                        job = settle(job, as, ahead.poll(), sentBefore);
                    }
                    batch = new Batch();
                }
            }
            while (!ahead.isEmpty()) {
                job = settle(job, as, ahead.poll(), sentBefore);
            }
            batch.prepare(as, job.rows() + 1);
            job = settle(job, as, batch, sentBefore);
            pauses.remove(id);
            store.finish(job.finished(ImportJob.State.DONE, ""));
        } catch (ImportStore.ClaimLostException e) {
            pauses.remove(id);
            LOG.warn("import {}: {}; this api stops working on it", id, e.getMessage());
        } catch (LedgerUnavailableException e) {
            pause(id, "ledger", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && store.unavailable(r)) {
                throw r; // not the import's failure: it waits for the store (run)
            }
            LOG.error("import {} failed", id, e);
            pauses.remove(id);
            try {
                store.finish(store.get(id).finished(ImportJob.State.FAILED, "the import stopped: " + e.getClass().getSimpleName()));
            } catch (ImportStore.ClaimLostException lost) {
                LOG.warn("import {}: {}", id, lost.getMessage());
            }
        }
    }

    /** Rows waiting for the ledger, and the report lines of rows already decided. */
    private final class Batch {
        final List<ItemInput> items = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        /** Report lines of rows refused before the ledger, by spreadsheet line. */
        final java.util.TreeMap<Long, String> bad = new java.util.TreeMap<>();
        /** The batch checked and signed, being made on another thread. */
        java.util.concurrent.Future<RegistrationService.Prepared> prepared;
        /** The import's next row once this batch is settled. */
        long settlesUpTo;

        void prepare(final Organisation as, final long upTo) {
            settlesUpTo = upTo;
            final List<ItemInput> rows = List.copyOf(items);
            prepared = signer.submit(() -> registration.prepare(as, rows));
        }

        List<RegistrationService.RowOutcome> register(final Organisation as, final String id) {
            if (items.isEmpty()) {
                return List.of();
            }
            try {
                return registration.register(as, prepared.get(),
                        indexes -> store.submitting(id, indexes.stream().map(lines::get).toList()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while signing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Registers a batch and records, with the import's progress, a report line in line order for every
     * row of it that was not newly registered (refused, or registered before this import).
     */
    private ImportJob settle(final ImportJob job, final Organisation as, final Batch batch, final Set<Long> sentBefore) {
        if (batch.items.isEmpty() && batch.bad.isEmpty()) {
            return job;
        }
        final List<RegistrationService.RowOutcome> outcomes = batch.register(as, job.id());
        long registered = 0;
        long already = 0;
        long sentByAnother = 0;
        final long failed = batch.bad.size() + outcomes.stream().filter(o -> o.status() == RegistrationService.Status.FAILED).count();
        final java.util.TreeMap<Long, String> lines = new java.util.TreeMap<>(batch.bad);
        for (RegistrationService.RowOutcome o : outcomes) {
            final long line = batch.lines.get(o.index());
            final String serial = batch.items.get(o.index()).serial();
            switch (o.status()) {
                case REGISTERED -> registered++;
                case ALREADY_REGISTERED -> {
                    if (sentBefore.contains(line)) {
                        registered++; // by this import, in a batch whose api stopped before recording it
                        sentByAnother++;
                        continue;
                    }
                    already++;
                    lines.put(line, CsvRows.Report.line(line, serial, RegistrationService.Status.ALREADY_REGISTERED.name(), ErrorCode.ITEM_EXISTS.name(),
                            "registered by this organisation before: not registered twice"));
                }
                case FAILED -> lines.put(line, CsvRows.Report.line(line, serial, RegistrationService.Status.FAILED.name(), o.code().orElse(""),
                        o.message().orElse("")));
            }
        }
        if (sentByAnother > 0) {
            LOG.info("import {}: {} rows sent to the ledger by an api that stopped were registered then", job.id(), sentByAnother);
        }
        final ImportJob next = job.advance(batch.settlesUpTo, registered, already, failed);
        store.settle(next, List.copyOf(lines.values()));
        return next;
    }
}
