package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Organisation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * CSV imports of items: the upload is spooled as it streams in and kept in the import store before it
 * is acknowledged (so a crash loses no accepted upload), then registered in batches by one background worker, which records its progress after every
 * settled batch and goes on with unfinished imports at start. Rows already registered are reported, not
 * registered twice, so resuming or re-uploading is safe.
 */
@Service
public class CsvImports {

    public static final long MAX_BYTES = ImportStore.MAX_BYTES;
    public static final long MAX_ROWS = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(CsvImports.class);

    private final ImportStore store;
    private final ImportWorker worker;

    CsvImports(final ImportStore store, final ImportWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    /** Spools an upload and queues it; completes once the whole upload is safely on disk. */
    public Mono<ImportJob> start(final Organisation as, final Flux<DataBuffer> body) {
        final String id = UUID.randomUUID().toString();
        return store.receive(id, body).flatMap(part -> Mono.fromCallable(() -> {
            final long rows = CsvRows.count(part, MAX_ROWS);
            final Instant now = Instant.now();
            final ImportJob job = new ImportJob(id, as.name(), ImportJob.State.QUEUED, rows, 1, 0, 0, 0, now, now, "");
            store.accept(part, job);
            return job;
        }).subscribeOn(Schedulers.boundedElastic()).doOnError(e -> ImportStore.deleteQuietly(part)));
    }

    /** An import of the caller's organisation. */
    public Optional<ImportJob> status(final Organisation as, final String id) {
        return store.of(as, id);
    }

    /** The caller's organisation's latest imports, newest first: at most {@code limit}. */
    public List<ImportJob> recent(final Organisation as, final int limit) {
        return store.recent(as, limit);
    }

    /**
     * The report's lines, {@code line,serial,status,code,message}, one per row not newly registered, by
     * spreadsheet line; blocking.
     */
    public Optional<String> errors(final Organisation as, final String id) {
        return status(as, id).map(job -> {
            try {
                return store.report(id);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Unfinished imports go on where they stopped, once the api is ready, and new ones as they come. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        store.dispatch(id -> {
            LOG.info("working on import {} from row {}", id, store.get(id).nextRow());
            worker.submit(id);
        });
    }
}
