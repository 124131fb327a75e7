package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Organisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in the data folder, for one api alone: each upload's spool ({@code <id>.csv}), its report
 * ({@code <id>.errors.csv}) and its record ({@code <id>.status}: the state, the report's settled
 * length and the lines being submitted, replaced atomically), with every import's state in memory,
 * read back at start. A report line written by a batch whose record a crash did not replace is cut
 * off again when the import goes on, so no line is reported twice.
 */
final class DiskImportStore implements ImportStore {

    /** An import's record on disk. */
    record Status(ImportJob job, long reportBytes, List<Long> submitting) {}

    private final Path dir;
    private final JsonMapper json;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final List<String> unfinishedAtStart = new ArrayList<>();
    private volatile Consumer<String> runner;

    DiskImportStore(final Path dataDir, final JsonMapper json) {
        this.dir = dataDir.resolve("imports");
        this.json = json;
    }

    /** Every import's last recorded state, readable from the first request on. */
    void load() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                final String name = file.getFileName().toString();
                final Status status;
                if (name.endsWith(".status")) {
                    status = json.readValue(file.toFile(), Status.class);
                } else if (name.endsWith(".json") && !Files.exists(dir.resolve(name.replace(".json", ".status")))) {
                    // written by an api before records had a report length: its report is taken as settled
                    final ImportJob job = json.readValue(file.toFile(), ImportJob.class);
                    status = new Status(job, Files.exists(errorFile(job.id())) ? Files.size(errorFile(job.id())) : 0, List.of());
                } else {
                    continue;
                }
                statuses.put(status.job().id(), status);
                final ImportJob.State state = status.job().state();
                if (state == ImportJob.State.QUEUED || state == ImportJob.State.RUNNING) {
                    unfinishedAtStart.add(status.job().id());
                }
            }
        }
    }

    @Override
    public Path uploads() {
        return dir;
    }

    @Override
    public void accept(final Path part, final ImportJob job) throws IOException {
        Files.move(part, spool(job.id()), StandardCopyOption.ATOMIC_MOVE);
        write(new Status(job, 0, List.of()));
        final Consumer<String> run = runner;
        if (run != null) {
            run.accept(job.id());
        }
    }

    @Override
    public synchronized void dispatch(final Consumer<String> run) {
        runner = run;
        unfinishedAtStart.stream().map(this::get).sorted(Comparator.comparing(ImportJob::createdAt))
                .forEach(job -> run.accept(job.id()));
    }

    @Override
    public ImportJob get(final String id) {
        return statuses.get(id).job();
    }

    @Override
    public Optional<ImportJob> of(final Organisation as, final String id) {
        return Optional.ofNullable(statuses.get(id)).map(Status::job).filter(job -> job.organisation().equals(as.name()));
    }

    @Override
    public List<ImportJob> recent(final Organisation as, final int limit) {
        return statuses.values().stream().map(Status::job).filter(job -> job.organisation().equals(as.name()))
                .sorted(Comparator.comparing(ImportJob::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public Path spool(final String id) {
        return dir.resolve(id + ".csv");
    }

    @Override
    public void submitting(final String id, final Collection<Long> lines) {
        final Status status = statuses.get(id);
        write(new Status(status.job(), status.reportBytes(), List.copyOf(lines)));
    }

    @Override
    public Set<Long> submitting(final String id) {
        return new TreeSet<>(statuses.get(id).submitting());
    }

    @Override
    public void settle(final ImportJob next, final List<String> reportLines) {
        final Status status = statuses.get(next.id());
        try (FileChannel report = FileChannel.open(errorFile(next.id()), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // what a crash left after the last settled batch is written again now, once
            report.truncate(status.reportBytes());
            report.position(status.reportBytes());
            report.write(ByteBuffer.wrap(String.join("", reportLines).getBytes(StandardCharsets.UTF_8)));
            report.force(false);
            write(new Status(next, report.size(), List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void save(final ImportJob job) {
        final Status status = statuses.get(job.id());
        write(new Status(job, status.reportBytes(), status.submitting()));
    }

    @Override
    public void finish(final ImportJob job) {
        save(job);
    }

    @Override
    public String report(final String id) throws IOException {
        final Path file = errorFile(id);
        if (!Files.exists(file)) {
            return "";
        }
        final byte[] bytes = Files.readAllBytes(file);
        final int settled = (int) Math.min(bytes.length, statuses.get(id).reportBytes());
        return new String(bytes, 0, settled, StandardCharsets.UTF_8);
    }

    Path errorFile(final String id) {
        return dir.resolve(id + ".errors.csv");
    }

    /** The record is replaced atomically: a crash leaves the old one or the new. */
    private void write(final Status status) {
        statuses.put(status.job().id(), status);
        try {
            final Path tmp = dir.resolve(status.job().id() + ".status.tmp");
            Files.write(tmp, json.writeValueAsBytes(status));
            Files.move(tmp, dir.resolve(status.job().id() + ".status"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
