package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.problem.ProblemTypes;
import java.io.BufferedReader;
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
import java.util.Locale;
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
    private static final Logger LOG = LoggerFactory.getLogger(CsvImports.class);
    private static final List<String> COLUMNS = List.of("gtin", "serial", "cpv", "lot", "productiondate", "expirydate", "signature");

    private final Path dir;
    private final RegistrationService registration;
    private final LedgerProperties orgs;
    private final JsonMapper json;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    /** Imports found unfinished on disk at start; those queued by this process are running already. */
    private final List<String> unfinishedAtStart = new java.util.ArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        final Thread t = new Thread(r, "csv-import");
        t.setDaemon(true);
        return t;
    });

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
                    final long rows = header(as, part);
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

    /** The per-row error report: {@code row,code,message}. */
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
        try (BufferedReader in = Files.newBufferedReader(spool(id), StandardCharsets.UTF_8);
                Writer errors = Files.newBufferedWriter(errorFile(id), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            final int[] columns = columns(in.readLine()).orElseThrow();
            long row = 0;
            final List<ItemRow> batch = new ArrayList<>();
            final List<Long> rowNumbers = new ArrayList<>();
            final List<String[]> bad = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                row++;
                if (row < job.nextRow()) {
                    continue;
                }
                final Optional<ItemRow> parsed = Csv.fields(line).map(fields -> item(fields, columns));
                if (parsed.isEmpty()) {
                    bad.add(new String[] {Long.toString(row), "CSV_INVALID", "not a well-formed CSV line"});
                } else {
                    batch.add(parsed.get());
                    rowNumbers.add(row);
                }
                if (batch.size() == RegistrationService.BATCH) {
                    job = settle(job, as, batch, rowNumbers, bad, row + 1, errors);
                }
            }
            job = settle(job, as, batch, rowNumbers, bad, row + 1, errors);
            finish(job.finished(ImportJob.State.DONE, ""));
        } catch (LedgerUnavailableException e) {
            LOG.warn("import {} paused: the ledger is unavailable ({}); it resumes at the next start", id, e.getMessage());
            finish(jobs.get(id).finished(ImportJob.State.RUNNING, "waiting for the ledger"));
        } catch (IOException | RuntimeException e) {
            LOG.error("import {} failed", id, e);
            finish(jobs.get(id).finished(ImportJob.State.FAILED, "the import stopped: " + e.getClass().getSimpleName()));
        }
    }

    /** Registers a batch, appends its row errors, and records how far the import has settled. */
    private ImportJob settle(final ImportJob job, final Organisation as, final List<ItemRow> batch,
            final List<Long> rowNumbers, final List<String[]> bad, final long settledUpTo, final Writer errors)
            throws IOException {
        if (batch.isEmpty() && bad.isEmpty()) {
            return job;
        }
        final List<RegistrationService.RowOutcome> outcomes = batch.isEmpty() ? List.of()
                : registration.registerBlocking(as, batch);
        long registered = 0;
        long already = 0;
        for (RegistrationService.RowOutcome o : outcomes) {
            switch (o.status()) {
                case REGISTERED -> registered++;
                case ALREADY_REGISTERED -> already++;
                case FAILED -> bad.add(new String[] {Long.toString(rowNumbers.get(o.index())), o.code().orElse(""),
                        o.message().orElse("")});
            }
        }
        for (String[] e : bad) {
            errors.write(e[0] + "," + e[1] + "," + quote(e[2]) + "\n");
        }
        errors.flush();
        final ImportJob next = job.advance(settledUpTo, registered, already, bad.size());
        batch.clear();
        rowNumbers.clear();
        bad.clear();
        save(next);
        return next;
    }

    private long header(final Organisation as, final Path file) throws IOException {
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (columns(in.readLine()).isEmpty()) {
                throw new ApiProblem("CSV_INVALID", "the first line must name the columns: gtin,serial and optionally "
                        + "lot,cpv,productionDate,expiryDate,signature");
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && ++rows > MAX_ROWS) {
                    throw new ApiProblem("LIMIT_EXCEEDED", "an import is at most " + MAX_ROWS + " rows");
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ApiProblem("CSV_INVALID", "an import is UTF-8 text");
        }
        if (rows == 0) {
            throw new ApiProblem("CSV_INVALID", "the file has no rows after its header");
        }
        return rows;
    }

    /** Column positions by name, in the order of {@link #COLUMNS}; -1 where absent. */
    private static Optional<int[]> columns(final String header) {
        if (header == null) {
            return Optional.empty();
        }
        final Optional<List<String>> names = Csv.fields(header.replace("\uFEFF", ""));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        final int[] positions = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            positions[c] = -1;
        }
        final List<String> given = names.get();
        for (int i = 0; i < given.size(); i++) {
            final int c = COLUMNS.indexOf(given.get(i).strip().toLowerCase(Locale.ROOT).replace("_", ""));
            if (c >= 0) {
                positions[c] = i;
            }
        }
        return positions[0] < 0 || positions[1] < 0 ? Optional.empty() : Optional.of(positions);
    }

    private static ItemRow item(final List<String> fields, final int[] columns) {
        return new ItemRow(field(fields, columns[0]).orElse(""), field(fields, columns[1]).orElse(""),
                field(fields, columns[2]), field(fields, columns[3]), field(fields, columns[4]),
                field(fields, columns[5]), field(fields, columns[6]));
    }

    private static Optional<String> field(final List<String> fields, final int position) {
        return position < 0 || position >= fields.size() ? Optional.empty() : Optional.of(fields.get(position).strip());
    }

    private static String quote(final String text) {
        return "\"" + text.replace("\"", "\"\"").replace('\n', ' ') + "\"";
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
