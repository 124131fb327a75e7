package com.serialtrust.api.ledger;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads on which a ledger's work blocks (SQLite reads, Gateway calls), never a request's event
 * loop. Work asked for on one of them (a verification's block number, after its query there) runs
 * at once on the same thread: moving it to another would cost a wake-up and a queue for nothing.
 */
public final class LedgerThreads implements Disposable {

    private static final int IDLE_SECONDS = 60;

    /** Threads that read a SQLite state (the embedded ledger, the Fabric ledger's read model), each with its own connection. */
    public static final int SQLITE_READERS = 8;

    private final Scheduler scheduler;

    /** At most {@code threads} threads named {@code name-1, name-2...}, each ending after a minute idle. */
    public LedgerThreads(final String name, final int threads) {
        Objects.requireNonNull(name, "name");
        final AtomicInteger made = new AtomicInteger();
        this.scheduler = Schedulers.newBoundedElastic(threads, 10_000, work -> {
            final Thread thread = new Own(this, work, name + "-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, IDLE_SECONDS);
    }

    /** Runs {@code work} on one of these threads when subscribed: this one if it is one of them. A null result is empty. */
    public <T> Mono<T> run(final Callable<T> work) {
        final Mono<T> call = Mono.fromCallable(work);
        return Mono.defer(() -> Thread.currentThread() instanceof Own own && own.pool == this ? call : call.subscribeOn(scheduler));
    }

    @Override
    public void dispose() {
        scheduler.dispose();
    }

    @Override
    public boolean isDisposed() {
        return scheduler.isDisposed();
    }

    private static final class Own extends Thread {

        private final LedgerThreads pool;

        Own(final LedgerThreads pool, final Runnable work, final String name) {
            super(work, name);
            this.pool = pool;
        }
    }
}
