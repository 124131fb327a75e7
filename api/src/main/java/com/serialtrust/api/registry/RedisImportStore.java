package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Organisation;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in a shared Redis, so that every replica of the api sees every import and any of them
 * finishes one whose replica died: an import is its hash (state, holder, rows being sent), its upload
 * in chunks, its report, and an entry of the {@link ImportQueue}, which says which replica works on it.
 * The Redis must keep what it acknowledged (append-only file on, no eviction of keys without a
 * deadline): the api refuses to start on one that does not.
 */
final class RedisImportStore implements ImportStore, AutoCloseable {

    private static final int CHUNK = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(RedisImportStore.class);

    /** Records an accepted import and queues it, in one step; the organisation's index forgets imports past their deadline. */
    private static final String ACCEPT = """
            redis.call('HSET', KEYS[1], 'job', ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
            redis.call('XADD', KEYS[3], '*', 'id', ARGV[3])
            return 1
            """;

    private final JsonMapper json;
    private final Path uploads;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ImportQueue queue;

    RedisImportStore(final String url, final Duration lease, final JsonMapper json) throws IOException {
        this.json = json;
        this.uploads = Files.createTempDirectory("serialtrust-imports");
        this.client = RedisClient.create();
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), RedisURI.create(url));
        try {
            requireDurable();
        } catch (RuntimeException refused) {
            close(); // a refused store leaves no connection behind
            throw refused;
        }
        this.queue = new ImportQueue(this::redis, lease);
    }

    /**
     * An acknowledged import must survive a restart of Redis, and memory pressure: without an append-only
     * file, or with a policy that may evict any key, it might not.
     */
    private void requireDurable() {
        if (!redis().info("persistence").contains("aof_enabled:1")) {
            throw new IllegalStateException("serialtrust.imports.store=redis needs a Redis that keeps what it acknowledged: "
                    + "turn its append-only file on (appendonly yes)");
        }
        final String policy = maxmemoryPolicy();
        if (policy.startsWith("allkeys-")) {
            throw new IllegalStateException("serialtrust.imports.store=redis needs a Redis that never evicts an import: its "
                    + "maxmemory-policy is " + policy + "; use noeviction or a volatile- policy");
        }
    }

    /** The eviction policy, or empty where CONFIG is not allowed (a managed Redis says it elsewhere). */
    private String maxmemoryPolicy() {
        try {
            return Optional.ofNullable(redis().configGet("maxmemory-policy").get("maxmemory-policy")).orElse("");
        } catch (io.lettuce.core.RedisCommandExecutionException notAllowed) {
            LOG.info("imports: cannot read Redis's maxmemory-policy ({}); make sure it never evicts keys without a deadline",
                    notAllowed.getMessage());
            return "";
        }
    }

    private RedisCommands<String, byte[]> redis() {
        return connection.sync();
    }

    private static String job(final String id) {
        return ImportQueue.key(id);
    }

    private static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A lost connection or a deadline passed, not an error reply (a script or a command refused). */
    @Override
    public boolean unavailable(final RuntimeException e) {
        return e instanceof io.lettuce.core.RedisException && !(e instanceof io.lettuce.core.RedisCommandExecutionException);
    }

    @Override
    public Path uploads() {
        return uploads;
    }

    @Override
    public void accept(final Path part, final ImportJob job) throws IOException {
        final String chunks = job(job.id()) + ":csv";
        try (InputStream in = Files.newInputStream(part)) {
            byte[] chunk;
            while ((chunk = in.readNBytes(CHUNK)).length > 0) {
                redis().rpush(chunks, chunk);
            }
        }
        redis().eval(ACCEPT, ScriptOutputType.INTEGER, new String[] {job(job.id()), "st:imports:by-org:" + job.organisation(), ImportQueue.QUEUE},
                json.writeValueAsBytes(job), bytes(Long.toString(job.createdAt().toEpochMilli())), bytes(job.id()),
                bytes(Long.toString(job.createdAt().minus(ImportQueue.KEPT).toEpochMilli())));
        ImportStore.deleteQuietly(part);
    }

    @Override
    public void dispatch(final Consumer<String> run) {
        queue.dispatch(id -> {
            LOG.info("import {} taken from the shared queue at row {}", id, get(id).nextRow());
            run.accept(id);
        });
    }

    @Override
    public ImportJob get(final String id) {
        return read(id).orElseThrow(() -> new IllegalStateException("no import " + id));
    }

    private Optional<ImportJob> read(final String id) {
        return Optional.ofNullable(redis().hget(job(id), "job")).map(b -> json.readValue(b, ImportJob.class));
    }

    @Override
    public Optional<ImportJob> of(final Organisation as, final String id) {
        return read(id).filter(job -> job.organisation().equals(as.name()));
    }

    @Override
    public List<ImportJob> recent(final Organisation as, final int limit) {
        final List<ImportJob> jobs = new ArrayList<>();
        for (byte[] id : redis().zrevrange("st:imports:by-org:" + as.name(), 0, limit - 1L)) {
            read(new String(id, StandardCharsets.UTF_8)).ifPresent(jobs::add);
        }
        return jobs;
    }

    @Override
    public Path spool(final String id) throws IOException {
        final Path file = uploads.resolve(id + ".csv");
        final Path tmp = uploads.resolve(id + ".csv.copy");
        final String chunks = job(id) + ":csv";
        try (OutputStream out = Files.newOutputStream(tmp)) {
            final long n = redis().llen(chunks);
            for (long i = 0; i < n; i++) {
                out.write(redis().lindex(chunks, i));
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void submitting(final String id, final Collection<Long> lines) {
        queue.fenced(id, Map.of("submitting", lines.stream().map(String::valueOf).collect(Collectors.joining(","))), List.of());
    }

    @Override
    public Set<Long> submitting(final String id) {
        final byte[] lines = redis().hget(job(id), "submitting");
        final Set<Long> set = new TreeSet<>();
        if (lines != null && lines.length > 0) {
            Arrays.stream(new String(lines, StandardCharsets.US_ASCII).split(",")).map(Long::parseLong).forEach(set::add);
        }
        return set;
    }

    @Override
    public void settle(final ImportJob next, final List<String> reportLines) {
        queue.fenced(next.id(), Map.of("job", new String(json.writeValueAsBytes(next), StandardCharsets.UTF_8), "submitting", ""), reportLines);
    }

    @Override
    public void save(final ImportJob job) {
        queue.fenced(job.id(), Map.of("job", new String(json.writeValueAsBytes(job), StandardCharsets.UTF_8)), List.of());
    }

    @Override
    public void finish(final ImportJob job) {
        try {
            queue.finish(job.id(), json.writeValueAsBytes(job));
        } finally {
            ImportStore.deleteQuietly(uploads.resolve(job.id() + ".csv"));
        }
    }

    @Override
    public String report(final String id) {
        final StringBuilder out = new StringBuilder();
        redis().lrange(job(id) + ":errors", 0, -1).forEach(line -> out.append(new String(line, StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.stop();
        }
        connection.close();
        client.shutdown();
    }
}
