package com.serialtrust.crypto;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs a loop of independent, CPU-only steps (a batch's signatures, made or checked) on every core.
 *
 * <p>The caller works through the loop with its helpers, claiming a few steps at a time, and then waits
 * parked for the steps already begun, never for a helper that has not started. A parallel stream's caller
 * instead scans the pool's queues while it waits: with several batches at once on two cores, that scan was
 * 11 % of the api's CPU during a registration ({@code bench/profile.sh register}, OpenJDK 17).
 */
public final class OnEveryCore {

    /** Steps claimed at once: about half a millisecond of signature checks, so claiming costs nothing. */
    private static final int CLAIM = 8;

    private OnEveryCore() {}

    /** Runs {@code step} for 0 to {@code count - 1}, in no given order, on the caller and the common pool. */
    public static void forEach(final int count, final IntConsumer step) {
        forEach(count, step, ForkJoinPool.commonPool(), Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * Runs {@code step} for 0 to {@code count - 1} on the caller and at most {@code helpers} tasks of
     * {@code pool}. The first exception a step throws is thrown here once every begun step has ended.
     */
    static void forEach(final int count, final IntConsumer step, final Executor pool, final int helpers) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(pool, "pool");
        final int wanted = Math.min(helpers, (count - 1) / CLAIM);
        if (wanted <= 0) {
            for (int i = 0; i < count; i++) {
                step.accept(i);
            }
            return;
        }
        final Loop loop = new Loop(count, step, Thread.currentThread());
        for (int h = 0; h < wanted; h++) {
            pool.execute(loop::work);
        }
        loop.work();
        loop.awaitEnd();
    }

    private static final class Loop {
        private final int count;
        private final IntConsumer step;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger ended = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Loop(final int count, final IntConsumer step, final Thread caller) {
            this.count = count;
            this.step = step;
            this.caller = caller;
        }

        void work() {
            for (int from = next.getAndAdd(CLAIM); from < count; from = next.getAndAdd(CLAIM)) {
                final int to = Math.min(count, from + CLAIM);
                try {
                    for (int i = from; i < to && failure.get() == null; i++) {
                        step.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    if (ended.addAndGet(to - from) == count) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        void awaitEnd() {
            while (ended.get() < count) {
                LockSupport.park(this);
            }
            final Throwable thrown = failure.get();
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
        }
    }
}
