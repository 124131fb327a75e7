package com.serialtrust.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerThreadsTest {

    private final LedgerThreads threads = new LedgerThreads("test-ledger", 2);
    private final LedgerThreads other = new LedgerThreads("other-ledger", 2);

    @AfterEach
    void stop() {
        threads.dispose();
        other.dispose();
    }

    @Test
    void workAskedForOffTheLedgersThreadsRunsOnOneOfThem() {
        final Thread ran = threads.run(Thread::currentThread).block(Duration.ofSeconds(5));
        assertThat(ran).isNotSameAs(Thread.currentThread());
        assertThat(ran.getName()).startsWith("test-ledger-");
    }

    @Test
    void workAskedForOnOneOfItsThreadsRunsThereWithoutMoving() {
        final List<Thread> ran = threads.run(Thread::currentThread)
                .flatMap(first -> threads.run(Thread::currentThread).map(second -> List.of(first, second)))
                .block(Duration.ofSeconds(5));
        assertThat(ran.get(1)).as("the block number's read after the verification's query").isSameAs(ran.get(0));
    }

    @Test
    void anotherLedgersThreadIsNotOneOfItsOwn() {
        final List<Thread> ran = other.run(Thread::currentThread)
                .flatMap(first -> threads.run(Thread::currentThread).map(second -> List.of(first, second)))
                .block(Duration.ofSeconds(5));
        assertThat(ran.get(1).getName()).startsWith("test-ledger-");
    }

    @Test
    void aNullResultIsEmpty() {
        assertThat(threads.run(() -> null).blockOptional(Duration.ofSeconds(5))).isEmpty();
    }
}
