package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where imports live on disk: each upload's spooled CSV ({@code <id>.csv}), its report of rows not newly
 * registered ({@code <id>.errors.csv}), and its status file ({@code <id>.json}, replaced atomically), with
 * every import's last recorded state in memory, read back at start.
 */
@Component
class ImportStore {

    /** The largest upload. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path dir;
    private final JsonMapper json;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final List<String> unfinishedAtStart = new java.util.ArrayList<>();

    ImportStore(@Value("${serialtrust.data-dir}") final Path dataDir, final JsonMapper json) {
        this.dir = dataDir.resolve("imports");
        this.json = json;
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

    /**
     * Streams an upload to {@code <id>.csv.part}, at most {@link #MAX_BYTES}; the caller counts it and
     * {@link #accept}s it. A failed upload leaves nothing behind.
     */
    Mono<Path> receive(final String id, final Flux<DataBuffer> body) {
        final Path part = dir.resolve(id + ".csv.part");
        final AtomicLong size = new AtomicLong();
        final Flux<DataBuffer> limited = body.doOnNext(buffer -> {
            if (size.addAndGet(buffer.readableByteCount()) > MAX_BYTES) {
                DataBufferUtils.release(buffer);
                throw new ApiProblem(ApiError.PAYLOAD_TOO_LARGE, "an import is at most " + MAX_BYTES / (1024 * 1024) + " MB");
            }
        });
        return Mono.fromCallable(() -> Files.createDirectories(dir)).subscribeOn(Schedulers.boundedElastic())
                .then(DataBufferUtils.write(limited, part))
                .thenReturn(part)
                .doOnError(e -> deleteQuietly(part));
    }

    /** Makes a received upload an import: its spool in place, its first status recorded. */
    void accept(final Path part, final ImportJob job) throws IOException {
        Files.move(part, spool(job.id()), StandardCopyOption.ATOMIC_MOVE);
        save(job);
    }

    /** Records an import's state: the status file is replaced atomically, so a crash leaves the old one or the new. */
    void save(final ImportJob job) {
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

    ImportJob get(final String id) {
        return jobs.get(id);
    }

    /** An import of the caller's organisation. */
    Optional<ImportJob> of(final Organisation as, final String id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.organisation().equals(as.name()));
    }

    /** The organisation's latest imports, newest first: at most {@code limit}. */
    List<ImportJob> recent(final Organisation as, final int limit) {
        return jobs.values().stream().filter(job -> job.organisation().equals(as.name()))
                .sorted(Comparator.comparing(ImportJob::createdAt).reversed()).limit(limit).toList();
    }

    /** Imports that were not finished when the api last stopped (queued, running or waiting for the ledger), oldest first. */
    List<ImportJob> unfinishedAtStart() {
        return unfinishedAtStart.stream().map(jobs::get).sorted(Comparator.comparing(ImportJob::createdAt)).toList();
    }

    Path spool(final String id) {
        return dir.resolve(id + ".csv");
    }

    Path errorFile(final String id) {
        return dir.resolve(id + ".errors.csv");
    }

    /** Removes a file nothing will read again (an upload that was not accepted); a failure leaves it unread. */
    static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is never read
        }
    }
}
