package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where imports live: each accepted upload, its state, its report of rows not newly registered, and
 * which replica works on it. {@link DiskImportStore} keeps them in the data folder, for one api alone;
 * {@link RedisImportStore} in a shared Redis, so that several replicas act as one service.
 * Every write of an import's progress is fenced: a replica that has lost an import to another
 * ({@link ClaimLostException}) writes nothing more of it.
 */
interface ImportStore {

    /** The largest upload. */
    long MAX_BYTES = 64L * 1024 * 1024;

    /** Where an upload is spooled while it streams in, before it is accepted. */
    Path uploads();

    /**
     * Streams an upload to {@code <id>.csv.part} under {@link #uploads()}, at most {@link #MAX_BYTES};
     * the caller counts it and {@link #accept}s it. A failed upload leaves nothing behind.
     */
    default Mono<Path> receive(final String id, final Flux<DataBuffer> body) {
        final Path part = uploads().resolve(id + ".csv.part");
        final AtomicLong size = new AtomicLong();
        final Flux<DataBuffer> limited = body.doOnNext(buffer -> {
            if (size.addAndGet(buffer.readableByteCount()) > MAX_BYTES) {
                DataBufferUtils.release(buffer);
                throw new ApiProblem(ApiError.PAYLOAD_TOO_LARGE, "an import is at most " + MAX_BYTES / (1024 * 1024) + " MB");
            }
        });
        return Mono.fromCallable(() -> Files.createDirectories(uploads())).subscribeOn(Schedulers.boundedElastic())
                .then(DataBufferUtils.write(limited, part))
                .thenReturn(part)
                .doOnError(e -> deleteQuietly(part));
    }

    /** Makes a received upload an import, durably, and queues it: once this returns, it is never lost. */
    void accept(Path part, ImportJob job) throws IOException;

    /**
     * Hands imports to {@code run}, one at a time per call of {@code run}: those left unfinished, and
     * each accepted from now on (by this api, or by any replica sharing the store).
     */
    void dispatch(Consumer<String> run);

    /** An import's last recorded state. */
    ImportJob get(String id);

    /** An import of the caller's organisation. */
    Optional<ImportJob> of(Organisation as, String id);

    /** The organisation's latest imports, newest first: at most {@code limit}. */
    List<ImportJob> recent(Organisation as, int limit);

    /** The accepted upload, as a file this api can read now. */
    Path spool(String id) throws IOException;

    /**
     * Records the spreadsheet lines of the rows about to be sent to the ledger, before they are: if this
     * api dies before their batch settles, the api that goes on finds them registered and knows that this
     * import registered them, not an earlier one.
     */
    void submitting(String id, Collection<Long> lines);

    /** The lines recorded by {@link #submitting} since the last settled batch. */
    Set<Long> submitting(String id);

    /** Records a settled batch: its report lines and the import's new state, together. */
    void settle(ImportJob next, List<String> reportLines);

    /** Records a change of state that settles no rows (paused, failed). */
    void save(ImportJob job);

    /** Records the end of an import (done or failed) and lets go of it. */
    void finish(ImportJob job);

    /** The report lines, in order. */
    String report(String id) throws IOException;

    /**
     * Whether {@code e} says the store itself is out of reach for now (so an import waits and tries
     * again), rather than that something failed for good. The data folder never is.
     */
    default boolean unavailable(final RuntimeException e) {
        return false;
    }

    /** Removes a file nothing will read again (an upload that was not accepted); a failure leaves it unread. */
    static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is never read
        }
    }

    /** This api no longer holds the import: another replica took it over. */
    final class ClaimLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLostException(final String id) {
            super("import " + id + " is held by another replica now");
        }
    }
}
