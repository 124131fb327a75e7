package com.serialtrust.api.registry;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which replica works on which import: a Redis stream ({@value #QUEUE}) read by one consumer group
 * ({@value #GROUP}) with one consumer per running api. A replica takes a new entry, or one whose
 * consumer has been silent for longer than the lease ({@code XAUTOCLAIM}), and renews its lease on the
 * import it holds while it works. The holder is also written in the import's hash, and every write of
 * an import's progress checks it in the same script: a replica that lost its import writes nothing.
 */
final class ImportQueue {

    static final String QUEUE = "st:imports:queue";
    static final String GROUP = "importers";
    private static final Logger LOG = LoggerFactory.getLogger(ImportQueue.class);

    /** Takes a new entry, else one whose consumer fell silent, and records this replica as the holder. */
    private static final String TAKE = """
            local r = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
            local entries
            if r then entries = r[1][2] else entries = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', 1)[2] end
            for _, e in ipairs(entries) do
              if e and e[2] then
                redis.call('HSET', ARGV[4] .. e[2][2], 'owner', ARGV[2])
                return {e[1], e[2][2]}
              end
            end
            return {}
            """;
    /** Renews the lease of an import this replica holds: 0 if another has it now. */
    private static final String RENEW = """
            if redis.call('HGET', KEYS[2], 'owner') ~= ARGV[2] then return 0 end
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
            return 1
            """;
    /** Sets fields of an import this replica holds and appends report lines: 0 if another has it now. */
    private static final String FENCED = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
            local n = tonumber(ARGV[2])
            for i = 3, 2 + 2 * n, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            for i = 3 + 2 * n, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
            return 1
            """;
    /**
     * Records the end of an import this replica holds, acknowledges its entry, drops its upload, and
     * gives its state and report a deadline ({@link #KEPT}).
     */
    private static final String FINISH = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'job', ARGV[2])
            redis.call('HDEL', KEYS[1], 'owner', 'submitting')
            redis.call('XACK', KEYS[2], ARGV[3], ARGV[4])
            redis.call('XDEL', KEYS[2], ARGV[4])
            redis.call('DEL', KEYS[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[4], ARGV[5])
            return 1
            """;
    /** How long a finished import's state and report stay readable. */
    static final Duration KEPT = Duration.ofDays(90);

    private final Supplier<RedisCommands<String, byte[]>> redis;
    private final Duration lease;
    private final String consumer = UUID.randomUUID().toString();
    /** Imports this replica holds, with their stream entry. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread t = new Thread(r, "imports-lease");
        t.setDaemon(true);
        return t;
    });

    ImportQueue(final Supplier<RedisCommands<String, byte[]>> redis, final Duration lease) {
        this.redis = redis;
        this.lease = lease;
        try {
            redis.get().xgroupCreate(XReadArgs.StreamOffset.from(QUEUE, "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException exists) {
            // made by another replica, or an earlier start
        }
    }

    static String key(final String id) {
        return "st:import:" + id;
    }

    private static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Renews this replica's leases, hands {@code run} each import it takes (one at a time), and now and
     * then forgets the consumers of replicas long gone.
     */
    void dispatch(final Consumer<String> run) {
        final long every = Math.max(100, lease.toMillis() / 3);
        timer.scheduleWithFixedDelay(() -> guard("renew", this::renew), every, every, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> guard("take", () -> take(run)), 0, 500, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> guard("forget", () -> forgetGone(Duration.ofHours(1))), 1, 60, TimeUnit.MINUTES);
    }

    /**
     * Removes from the group every consumer that holds no entry and has been silent for {@code silent}:
     * each api that ever started left one. Answers how many.
     */
    int forgetGone(final Duration silent) {
        int gone = 0;
        for (Object info : redis.get().xinfoConsumers(QUEUE, GROUP)) {
            final Map<String, Object> consumerInfo = new java.util.HashMap<>();
            final List<?> pairs = (List<?>) info;
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                consumerInfo.put(text(pairs.get(i)), pairs.get(i + 1));
            }
            final String name = text(consumerInfo.get("name"));
            if (!name.equals(consumer) && ((Number) consumerInfo.get("pending")).longValue() == 0
                    && ((Number) consumerInfo.get("idle")).longValue() >= silent.toMillis()) {
                redis.get().xgroupDelconsumer(QUEUE, io.lettuce.core.Consumer.from(GROUP, name));
                gone++;
            }
        }
        return gone;
    }

    private static String text(final Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private void take(final Consumer<String> run) {
        if (!held.isEmpty()) {
            return;
        }
        final List<byte[]> taken = redis.get().eval(TAKE, ScriptOutputType.MULTI, new String[] {QUEUE},
                bytes(GROUP), bytes(consumer), bytes(Long.toString(lease.toMillis())), bytes(key("")));
        if (taken.isEmpty()) {
            return;
        }
        final String id = new String(taken.get(1), StandardCharsets.UTF_8);
        held.put(id, new String(taken.get(0), StandardCharsets.UTF_8));
        run.accept(id);
    }

    private void renew() {
        held.forEach((id, entry) -> {
            final Long mine = redis.get().eval(RENEW, ScriptOutputType.INTEGER, new String[] {QUEUE, key(id)},
                    bytes(GROUP), bytes(consumer), bytes(entry));
            if (mine == 0) {
                LOG.warn("import {} was taken over by another replica: this one stops working on it", id);
                held.remove(id);
            }
        });
    }

    private static void guard(final String what, final Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("imports: cannot {} now: {}", what, e.toString());
        }
    }

    /** Sets fields of an import and appends report lines, if this replica still holds it. */
    void fenced(final String id, final Map<String, String> fields, final List<String> reportLines) {
        final List<byte[]> args = new ArrayList<>();
        args.add(bytes(consumer));
        args.add(bytes(Integer.toString(fields.size())));
        fields.forEach((field, value) -> {
            args.add(bytes(field));
            args.add(bytes(value));
        });
        reportLines.forEach(line -> args.add(bytes(line)));
        final Long done = held.containsKey(id) ? redis.get().eval(FENCED, ScriptOutputType.INTEGER,
                new String[] {key(id), key(id) + ":errors"}, args.toArray(byte[][]::new)) : 0L;
        if (done == 0) {
            held.remove(id);
            throw new ImportStore.ClaimLostException(id);
        }
    }

    /** Records an import's end, acknowledges its entry and drops its upload, if this replica still holds it. */
    void finish(final String id, final byte[] job) {
        final String entry = held.remove(id);
        final Long done = entry == null ? 0L : redis.get().eval(FINISH, ScriptOutputType.INTEGER,
                new String[] {key(id), QUEUE, key(id) + ":csv", key(id) + ":errors"}, bytes(consumer), job, bytes(GROUP),
                bytes(entry), bytes(Long.toString(KEPT.toMillis())));
        if (done == 0) {
            throw new ImportStore.ClaimLostException(id);
        }
    }

    void stop() {
        timer.shutdownNow();
    }
}
