package com.serialtrust.api.security;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this replica knows of each client's requests in the current one-minute window: how many it
 * counted itself, how many of those Redis has added to the shared count, and the shared count Redis
 * gave last (every replica's). A client known to be below half the limit is decided here, and its
 * counts go to Redis in the background, one batch at a time; from half the limit on, each of its
 * requests asks Redis with whatever this replica has not sent yet, so the limit holds exactly where
 * it bites. A replica that has not heard from Redis yet lets a client have at most half the limit.
 */
final class ClientWindows {

    /** The most clients tracked in one window; a client beyond it is counted in Redis request by request. */
    static final int MAX_CLIENTS = 100_000;

    private final int limit;
    private volatile Window window = new Window(Long.MIN_VALUE, new ConcurrentHashMap<>());

    private record Window(long minute, ConcurrentHashMap<String, Client> clients) {}

    ClientWindows(final int limit) {
        this.limit = limit;
    }

    /** The client's counts in {@code minute}; empty when the window already tracks {@link #MAX_CLIENTS} others. */
    Optional<Client> of(final String client, final long minute) {
        Window current = window;
        if (current.minute() != minute) {
            synchronized (this) {
                if (window.minute() < minute) {
                    window = new Window(minute, new ConcurrentHashMap<>());
                }
                current = window;
            }
        }
        final Client known = current.clients().get(client);
        if (known != null || current.clients().size() >= MAX_CLIENTS) {
            return Optional.ofNullable(known);
        }
        return Optional.of(current.clients().computeIfAbsent(client, c -> new Client(limit)));
    }

    /**
     * What to do with one request: decide it here ({@code batch} counts to send in the background, 0 while
     * a batch is on its way), or ask Redis, sending {@code batch} counts with the question.
     */
    record Step(boolean local, long batch) {}

    /** One client's counts in one window. Its methods are called from any thread. */
    static final class Client {

        private final int limit;
        /** Requests this replica counted. */
        private long counted;
        /** Of those, the ones sent to Redis. */
        private long sent;
        /** Of those, the ones Redis confirmed: they are in {@link #shared}. */
        private long confirmed;
        /** The shared count Redis gave last. */
        private long shared;
        /** Whether a background batch is on its way. */
        private boolean sending;

        Client(final int limit) {
            this.limit = limit;
        }

        /** Counts a request, and says how to decide it. */
        synchronized Step count() {
            counted++;
            if (2 * known() < limit) {
                if (sending) {
                    return new Step(true, 0);
                }
                sending = true;
                return new Step(true, take());
            }
            return new Step(false, take());
        }

        /**
         * Redis added {@code batch} counts and gave the shared count {@code total}. After a background
         * batch, the next one (what was counted meanwhile) if any, else 0.
         */
        synchronized long confirmed(final long batch, final long total, final boolean background) {
            confirmed += batch;
            shared = Math.max(shared, total);
            if (!background) {
                return 0;
            }
            sending = counted > sent;
            return sending ? take() : 0;
        }

        /**
         * Redis did not answer a batch: it may or may not have added it, so the batch is not sent again,
         * and this replica keeps it in what it knows.
         */
        synchronized void unanswered(final boolean background) {
            if (background) {
                sending = false;
            }
        }

        /** Whether a request counted here is within the limit as far as this replica knows. */
        synchronized boolean withinLimit() {
            return known() <= limit;
        }

        private long known() {
            return shared + counted - confirmed;
        }

        private long take() {
            final long batch = counted - sent;
            sent = counted;
            return batch;
        }
    }
}
