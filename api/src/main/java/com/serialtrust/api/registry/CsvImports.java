package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.problem.ProblemTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV imports of items: the upload is spooled to disk as it streams in (so a crash loses no accepted
 * upload), then registered in batches by one background worker, which records its progress after every
 * committed batch and resumes unfinished imports at start. Rows already registered are reported, not
 * registered twice, so resuming or re-uploading is safe.
 */
@Service
public class CsvImports {

    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final long MAX_ROWS = 200_000;
    /** Batches signed ahead of the one the ledger is registering. */
    private static final int SIGNED_AHEAD = 1; // two ahead measured no faster: the ledger, not signing, sets the pace
    private static final Logger LOG = LoggerFactory.getLogger(CsvImports.class);

    private final Path dir;
    private final RegistrationService registration;
    private final LedgerProperties orgs;
    private final JsonMapper json;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    /** Imports found unfinished on disk at start; those queued by this process are running already. */
    private final List<String> unfinishedAtStart = new java.util.ArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "csv-import"));
    private final ExecutorService signer = Executors.newSingleThreadExecutor(r -> daemon(r, "csv-import-sign"));

    private static Thread daemon(final Runnable r, final String name) {
        final Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    CsvImports(@Value("${serialtrust.data-dir}") final Path dataDir, final RegistrationService registration,
            final LedgerProperties orgs, final JsonMapper json) {
        this.dir = dataDir.resolve("imports");
        this.registration = registration;
        this.orgs = orgs;
        this.json = json;
    }

    /** Spools an upload and queues it; completes once the whole upload is safely on disk. */
    public Mono<ImportJob> start(final Organisation as, final Flux<DataBuffer> body) {
        final String id = UUID.randomUUID().toString();
        final Path part = dir.resolve(id + ".csv.part");
        final AtomicLong size = new AtomicLong();
        final Flux<DataBuffer> limited = body.doOnNext(buffer -> {
            if (size.addAndGet(buffer.readableByteCount()) > MAX_BYTES) {
                DataBufferUtils.release(buffer);
                throw new ApiProblem(ProblemTypes.PAYLOAD_TOO_LARGE, "an import is at most " + MAX_BYTES / (1024 * 1024) + " MB");
            }
        });
        return Mono.fromCallable(() -> Files.createDirectories(dir)).subscribeOn(Schedulers.boundedElastic())
                .then(DataBufferUtils.write(limited, part))
                .then(Mono.fromCallable(() -> {
                    final long rows = CsvRows.count(part, MAX_ROWS);
                    Files.move(part, spool(id), StandardCopyOption.ATOMIC_MOVE);
                    final Instant now = Instant.now();
                    final ImportJob job = new ImportJob(id, as.name(), ImportJob.State.QUEUED, rows, 1, 0, 0, 0, now, now, "");
                    save(job);
                    worker.submit(() -> run(id));
                    return job;
                }).subscribeOn(Schedulers.boundedElastic()))
                .doOnError(e -> deleteQuietly(part));
    }

    /** An import of the caller's organisation. */
    public Optional<ImportJob> status(final Organisation as, final String id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.organisation().equals(as.name()));
    }

    /** The caller's organisation's latest imports, newest first: at most {@code limit}. */
    public List<ImportJob> recent(final Organisation as, final int limit) {
        return jobs.values().stream().filter(job -> job.organisation().equals(as.name()))
                .sorted(java.util.Comparator.comparing(ImportJob::createdAt).reversed()).limit(limit).toList();
    }

    /** The report: {@code line,serial,status,code,message}, one line per row not newly registered, by spreadsheet line. */
    public Optional<Path> errors(final Organisation as, final String id) {
        return status(as, id).map(job -> errorFile(id));
    }

    /** Every import's last recorded state, readable from the first request on. */
    @jakarta.annotation.PostConstruct
    void load() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                final ImportJob job = json.readValue(file.toFile(), ImportJob.class);
                jobs.put(job.id(), job);
                if (job.state() == ImportJob.State.QUEUED || job.state() == ImportJob.State.RUNNING) {
                    unfinishedAtStart.add(job.id());
                }
            }
        }
    }

    /** Unfinished imports go on where they stopped, once the api is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        unfinishedAtStart.stream().map(jobs::get)
                .sorted(java.util.Comparator.comparing(ImportJob::createdAt))
                .forEach(job -> {
                    LOG.info("resuming import {} at row {}", job.id(), job.nextRow());
                    worker.submit(() -> run(job.id()));
                });
    }

    private void run(final String id) {
        ImportJob job = jobs.get(id);
        final Organisation as = orgs.require(job.organisation());
        try (CsvRows rows = CsvRows.open(spool(id));
                Writer report = Files.newBufferedWriter(errorFile(id), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            // the first line that names each item: a later line naming it again is reported, not registered
            final Map<String, Long> firstLine = new java.util.HashMap<>();
            Batch batch = new Batch();
            // a full batch is signed while the one before it goes through the ledger (SIGNED_AHEAD)
            final java.util.ArrayDeque<Batch> ahead = new java.util.ArrayDeque<>();
            Optional<CsvRows.Row> next;
            while ((next = rows.next()).isPresent()) {
                final CsvRows.Row row = next.get();
                final Optional<Long> earlier = row.item().flatMap(item -> Optional.ofNullable(
                        firstLine.putIfAbsent(ItemRow.key(item), row.line())));
                if (row.index() < job.nextRow()) {
                    continue; // settled before a restart; still remembered above for duplicates
                }
                if (row.problem().isPresent()) {
                    batch.bad.put(row.line(), CsvRows.Report.line(row.line(), row.serial(), "FAILED", row.problem().get().code(),
                            row.problem().get().message()));
                } else if (earlier.isPresent()) {
                    batch.bad.put(row.line(), CsvRows.Report.line(row.line(), row.serial(), "FAILED", "DUPLICATE_IN_FILE",
                            "the same item as line " + earlier.get() + ": registered once"));
                } else {
                    batch.items.add(row.item().get());
                    batch.lines.add(row.line());
                }
                if (batch.items.size() == RegistrationService.BATCH) {
                    batch.prepare(as, row.index() + 1);
                    ahead.add(batch);
                    if (ahead.size() > SIGNED_AHEAD) {
                        job = settle(job, as, ahead.poll(), report);
                    }
                    batch = new Batch();
                }
            }
            while (!ahead.isEmpty()) {
                job = settle(job, as, ahead.poll(), report);
            }
            batch.prepare(as, job.rows() + 1);
            job = settle(job, as, batch, report);
            finish(job.finished(ImportJob.State.DONE, ""));
        } catch (LedgerUnavailableException e) {
            LOG.warn("import {} paused: the ledger is unavailable ({}); it resumes at the next start", id, e.getMessage());
            finish(jobs.get(id).finished(ImportJob.State.RUNNING, "waiting for the ledger"));
        } catch (IOException | RuntimeException e) {
            LOG.error("import {} failed", id, e);
            finish(jobs.get(id).finished(ImportJob.State.FAILED, "the import stopped: " + e.getClass().getSimpleName()));
        }
    }

    /** Rows waiting for the ledger, and the report lines of rows already decided. */
    private final class Batch {
        final List<ItemRow> items = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        /** Report lines of rows refused before the ledger, by spreadsheet line. */
        final java.util.TreeMap<Long, String> bad = new java.util.TreeMap<>();
        /** The batch checked and signed, being made on another thread. */
        java.util.concurrent.Future<RegistrationService.Prepared> prepared;
        /** The import's next row once this batch is settled. */
        long settlesUpTo;

        void prepare(final Organisation as, final long upTo) {
            settlesUpTo = upTo;
            final List<ItemRow> rows = List.copyOf(items);
            prepared = signer.submit(() -> registration.prepare(as, rows));
        }

        List<RegistrationService.RowOutcome> register(final Organisation as) {
            if (items.isEmpty()) {
                return List.of();
            }
            try {
                return registration.register(as, prepared.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while signing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Registers a batch and writes, in line order, a report line for every row of it that was not newly
     * registered (refused, or registered already), then records how far the import has settled.
     */
    private ImportJob settle(final ImportJob job, final Organisation as, final Batch batch, final Writer report)
            throws IOException {
        if (batch.items.isEmpty() && batch.bad.isEmpty()) {
            return job;
        }
        final List<RegistrationService.RowOutcome> outcomes = batch.register(as);
        long registered = 0;
        long already = 0;
        final long failed = batch.bad.size() + outcomes.stream().filter(o -> o.status() == RegistrationService.Status.FAILED).count();
        final java.util.TreeMap<Long, String> lines = new java.util.TreeMap<>(batch.bad);
        for (RegistrationService.RowOutcome o : outcomes) {
            final long line = batch.lines.get(o.index());
            final String serial = batch.items.get(o.index()).serial();
            switch (o.status()) {
                case REGISTERED -> registered++;
                case ALREADY_REGISTERED -> {
                    already++;
                    lines.put(line, CsvRows.Report.line(line, serial, "ALREADY_REGISTERED", "ITEM_EXISTS",
                            "registered by this organisation before: not registered twice"));
                }
                case FAILED -> lines.put(line, CsvRows.Report.line(line, serial, "FAILED", o.code().orElse(""),
                        o.message().orElse("")));
            }
        }
        for (String line : lines.values()) {
            report.write(line);
        }
        report.flush();
        final ImportJob next = job.advance(batch.settlesUpTo, registered, already, failed);
        save(next);
        return next;
    }

    private void finish(final ImportJob job) {
        save(job);
    }

    /** The status file is replaced atomically: a crash leaves the old one or the new one. */
    private void save(final ImportJob job) {
        jobs.put(job.id(), job);
        try {
            final Path tmp = dir.resolve(job.id() + ".json.tmp");
            Files.write(tmp, json.writeValueAsBytes(job));
            Files.move(tmp, dir.resolve(job.id() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path spool(final String id) {
        return dir.resolve(id + ".csv");
    }

    private Path errorFile(final String id) {
        return dir.resolve(id + ".errors.csv");
    }

    private static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is never read
        }
    }
}
