package com.serialtrust.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * One call of a contract transaction, as {@link Calls} builds it: the transaction, its arguments, the
 * transient data that travels beside them (never written to a block), and the type of its result. The
 * api's ledger client runs a call and reads its result as that type; nothing else names a transaction.
 *
 * <p>{@code callersOwnSecrets}: the transient data is the calling organisation's own, for its implicit
 * private collection only (a brand's label signatures), so the client names the endorsers that may see it.
 *
 * @param <R> what the transaction returns
 */
public record Call<R>(Transaction transaction, List<String> args, Map<String, byte[]> transientData, TypeReference<R> result,
        boolean callersOwnSecrets) {

    public Call {
        Objects.requireNonNull(transaction, "transaction");
        args = List.copyOf(args);
        transientData = Map.copyOf(transientData);
        Objects.requireNonNull(result, "result");
    }

    /** A call without transient data. */
    static <R> Call<R> of(final Transaction transaction, final TypeReference<R> result, final String... args) {
        return new Call<>(transaction, List.of(args), Map.of(), result, false);
    }

    /** The same call with transient data beside its arguments. */
    public Call<R> withTransient(final Map<String, byte[]> data) {
        return new Call<>(transaction, args, data, result, callersOwnSecrets);
    }

    /** The same call with more transient data beside what it carries (a field named twice is refused). */
    public Call<R> plusTransient(final Map<String, byte[]> more) {
        final Map<String, byte[]> all = new java.util.HashMap<>(transientData);
        more.forEach((field, value) -> {
            if (all.putIfAbsent(field, value) != null) {
                throw new IllegalArgumentException("transient field " + field + " is set twice");
            }
        });
        return new Call<>(transaction, args, all, result, callersOwnSecrets);
    }

    /** Transient data is secret: a call prints its transaction and the names of its transient fields only. */
    @Override
    public String toString() {
        return "Call[" + transaction.function() + ", " + args.size() + " args, transient " + transientData.keySet() + "]";
    }
}
