package com.serialtrust.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OnEveryCoreTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runsEveryStepOnceSharedBetweenTheCallerAndItsHelpers() {
        final AtomicIntegerArray runs = new AtomicIntegerArray(1_000);
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        OnEveryCore.forEach(runs.length(), i -> {
            threads.add(Thread.currentThread());
            runs.incrementAndGet(i);
            sleepMillis(1);
        }, pool, 3);
        for (int i = 0; i < runs.length(); i++) {
            assertThat(runs.get(i)).as("runs of step %d", i).isEqualTo(1);
        }
        assertThat(threads).contains(Thread.currentThread()).hasSizeGreaterThan(1);
    }

    @Test
    void finishesAloneWhenNoHelperEverStarts() {
        final AtomicIntegerArray runs = new AtomicIntegerArray(100);
        OnEveryCore.forEach(runs.length(), runs::incrementAndGet, task -> { }, 3);
        for (int i = 0; i < runs.length(); i++) {
            assertThat(runs.get(i)).isEqualTo(1);
        }
    }

    @Test
    void aSmallLoopRunsOnTheCallerOnly() {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        OnEveryCore.forEach(8, i -> threads.add(Thread.currentThread()), pool, 3);
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void aStepsFailureReachesTheCallerAfterTheBegunStepsEnd() {
        final AtomicIntegerArray ended = new AtomicIntegerArray(200);
        assertThatThrownBy(() -> OnEveryCore.forEach(ended.length(), i -> {
            if (i == 50) {
                throw new IllegalStateException("step 50 failed");
            }
            sleepMillis(1);
            ended.incrementAndGet(i);
        }, pool, 3)).isInstanceOf(IllegalStateException.class).hasMessage("step 50 failed");
        final int[] before = snapshot(ended);
        sleepMillis(50);
        assertThat(snapshot(ended)).as("no step runs once the caller has the failure").isEqualTo(before);
    }

    private static int[] snapshot(final AtomicIntegerArray array) {
        final int[] copy = new int[array.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = array.get(i);
        }
        return copy;
    }

    private static void sleepMillis(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
