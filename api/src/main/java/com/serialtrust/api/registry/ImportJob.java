package com.serialtrust.api.registry;

import java.time.Instant;

/**
 * The progress of one CSV import, as its status file and {@code GET /api/imports/{id}} show it.
 * {@code registered} rows are committed on the ledger: acknowledged, never lost.
 *
 * @param nextRow the first data row (1-based, after the header) not yet known to be settled
 */
public record ImportJob(
        String id,
        String organisation,
        State state,
        long rows,
        long nextRow,
        long registered,
        long alreadyRegistered,
        long failed,
        Instant createdAt,
        Instant updatedAt,
        String detail) {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    ImportJob advance(final long settledUpTo, final long newlyRegistered, final long newlyAlready, final long newlyFailed) {
        return new ImportJob(id, organisation, State.RUNNING, Math.max(rows, settledUpTo - 1), settledUpTo,
                registered + newlyRegistered, alreadyRegistered + newlyAlready, failed + newlyFailed, createdAt,
                Instant.now(), detail);
    }

    ImportJob finished(final State end, final String why) {
        return new ImportJob(id, organisation, end, rows, nextRow, registered, alreadyRegistered, failed, createdAt,
                Instant.now(), why);
    }
}
