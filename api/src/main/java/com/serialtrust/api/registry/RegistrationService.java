package com.serialtrust.api.registry;

import com.serialtrust.contract.ItemInput;
import com.serialtrust.contract.BatchCheck;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.ItemRefusal;
import com.serialtrust.contract.SerialCheck;
import com.serialtrust.contract.SerialCheckResult;
import com.serialtrust.contract.SerialMatch;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemCode;
import com.serialtrust.api.analytics.Tallies;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.crypto.OnEveryCore;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Registers items idempotently: an item the caller already registered is reported, not refused, so
 * that sending the same rows twice (a re-upload, a retry after a crash) registers nothing twice.
 * A row the ledger refuses is reported with its code and the rest of the batch goes on.
 */
@Service
public class RegistrationService {

    /** The most rows one ledger transaction carries (the contract's existence check takes 1,000). */
    public static final int BATCH = 1000;

    /** What became of one row. */
    public record RowOutcome(int index, Status status, Optional<String> code, Optional<String> message) {
        static RowOutcome ok(final int index, final Status status) {
            return new RowOutcome(index, status, Optional.empty(), Optional.empty());
        }

        static RowOutcome failed(final int index, final ProblemCode code, final String message) {
            return new RowOutcome(index, Status.FAILED, Optional.of(code.name()), Optional.of(message));
        }

        static RowOutcome refused(final int index, final LedgerRefusal refusal, final String message) {
            return new RowOutcome(index, Status.FAILED, Optional.of(refusal.code()), Optional.of(message));
        }
    }

    public enum Status { REGISTERED, ALREADY_REGISTERED, FAILED }

    private final Chaincode chaincode;
    private final SigningKeys signingKeys;
    private final Tallies tallies;

    RegistrationService(final Chaincode chaincode, final SigningKeys signingKeys, final Tallies tallies) {
        this.tallies = tallies;
        this.chaincode = chaincode;
        this.signingKeys = signingKeys;
    }

    /**
     * Registers up to {@link #BATCH} rows as {@code as}, blocking: for background jobs and bounded-elastic
     * threads. Outcomes come back in row order; a ledger that cannot be reached throws.
     */
    public List<RowOutcome> registerBlocking(final Organisation as, final List<ItemInput> rows) {
        return register(as, prepare(as, rows));
    }

    /** A batch checked and signed, not yet sent: what only needs the CPU, so it can overlap the ledger's work. */
    static final class Prepared {
        private final RowOutcome[] outcomes;
        private final Map<Integer, ItemInput> pending = new java.util.LinkedHashMap<>();

        private Prepared(final int size) {
            this.outcomes = new RowOutcome[size];
        }
    }

    /** Checks each row's identifiers and signs those without a signature, on every core; the ledger is not asked. */
    Prepared prepare(final Organisation as, final List<ItemInput> rows) {
        if (rows.size() > BATCH) {
            throw new IllegalArgumentException("at most " + BATCH + " rows per batch");
        }
        final Prepared batch = new Prepared(rows.size());
        final Set<String> seen = new HashSet<>();
        final Map<Integer, String> toSign = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            final ItemInput row = rows.get(i);
            try {
                final ElementString element = row.element();
                if (!seen.add(ItemBatches.key(row))) {
                    batch.outcomes[i] = RowOutcome.failed(i, ProblemCode.of(ErrorCode.ITEM_DUPLICATE_IN_BATCH), "this item appears earlier in the same batch");
                    continue;
                }
                batch.pending.put(i, row);
                if (row.signature().isEmpty()) {
                    toSign.put(i, element.canonical());
                }
            } catch (InvalidIdentifierException e) {
                batch.outcomes[i] = RowOutcome.failed(i, ProblemCode.of(e.reason()), e.getMessage());
            } catch (RuntimeException e) {
                batch.outcomes[i] = RowOutcome.failed(i, ProblemCode.of(ErrorCode.INVALID_ARGUMENT), "gtin and serial are required");
            }
        }
        sign(as, batch.pending, toSign);
        return batch;
    }

    /** Sends a prepared batch: rows already on the ledger are reported, the rest registered in one transaction. */
    List<RowOutcome> register(final Organisation as, final Prepared batch) {
        return register(as, batch, indexes -> { });
    }

    /**
     * As {@link #register(Organisation, Prepared)}; {@code beforeSubmit} hears the indexes of the rows
     * about to be sent to the ledger, before each transaction that carries them.
     */
    List<RowOutcome> register(final Organisation as, final Prepared batch, final Consumer<List<Integer>> beforeSubmit) {
        final RowOutcome[] outcomes = batch.outcomes;
        final Map<Integer, ItemInput> pending = batch.pending;
        existing(as, pending, outcomes);
        pending.entrySet().removeIf(e -> {
            if (e.getValue().signature().isEmpty()) {
                outcomes[e.getKey()] = RowOutcome.failed(e.getKey(), ProblemCode.of(ApiError.SIGNATURE_MISSING),
                        "no signature, and this api holds no signing key of " + as.mspId());
                return true;
            }
            return false;
        });
        submit(as, pending, outcomes, beforeSubmit);
        // for the brand's dashboard; counted in the background, never holding up the registration
        tallies.registered(as.mspId(), java.util.Arrays.stream(outcomes).filter(o -> o.status() == Status.REGISTERED).count(),
                java.time.Instant.now()).subscribe();
        return List.of(outcomes);
    }

    /** Signs the rows that came without a signature, on every core: signing is most of a row's cost. */
    private void sign(final Organisation as, final Map<Integer, ItemInput> pending, final Map<Integer, String> toSign) {
        if (toSign.isEmpty() || !signingKeys.has(as)) {
            return;
        }
        final List<Map.Entry<Integer, String>> rows = List.copyOf(toSign.entrySet());
        final String[] signatures = new String[rows.size()];
        OnEveryCore.forEach(rows.size(), i -> signatures[i] = signingKeys.sign(as, rows.get(i).getValue()).orElse(null));
        final Optional<String> keyId = signingKeys.keyId(as);
        for (int i = 0; i < signatures.length; i++) {
            if (signatures[i] != null) {
                final int row = rows.get(i).getKey();
                pending.put(row, pending.get(row).signedWith(signatures[i], keyId));
            }
        }
    }

    /** Items already on the ledger: the caller's are done; anyone else's are a conflict. */
    private void existing(final Organisation as, final Map<Integer, ItemInput> pending, final RowOutcome[] outcomes) {
        if (pending.isEmpty()) {
            return;
        }
        final List<Integer> indexes = new ArrayList<>(pending.keySet());
        final List<SerialCheck> query = new ArrayList<>();
        for (Integer i : indexes) {
            query.add(new SerialCheck(Optional.of(Gtin.parse(pending.get(i).gtin()).value()), pending.get(i).serial()));
        }
        final List<SerialCheckResult> results = chaincode.query(as, Calls.checkSerials(query)).block();
        for (int k = 0; k < indexes.size(); k++) {
            final List<SerialMatch> matches = results.get(k).matches();
            if (matches.isEmpty()) {
                continue;
            }
            final int i = indexes.get(k);
            final String owner = matches.get(0).manufacturer();
            outcomes[i] = owner.equals(as.mspId()) ? RowOutcome.ok(i, Status.ALREADY_REGISTERED)
                    : RowOutcome.failed(i, ProblemCode.of(ErrorCode.ITEM_EXISTS), "registered already by " + owner);
            pending.remove(i);
        }
    }

    /**
     * One transaction. When the contract refuses a row, one read-only round ({@code ValidateItems}) names
     * every row it would refuse, and the rest go in one more transaction: two submits for a batch with
     * any number of refused rows, not one per refused row. A row refused only by a later submit (the
     * ledger changed in between) is set aside the same way.
     */
    private void submit(final Organisation as, final Map<Integer, ItemInput> pending, final RowOutcome[] outcomes,
            final Consumer<List<Integer>> beforeSubmit) {
        boolean validated = false;
        while (!pending.isEmpty()) {
            final List<Integer> indexes = new ArrayList<>(pending.keySet());
            final List<ItemInput> rows = indexes.stream().map(pending::get).toList();
            beforeSubmit.accept(indexes);
            try {
                ItemBatches.register(chaincode, as, rows).block();
                indexes.forEach(i -> outcomes[i] = RowOutcome.ok(i, Status.REGISTERED));
                return;
            } catch (LedgerRefusal refusal) {
                if (refusal.index().isEmpty() || refusal.index().get() >= indexes.size()) {
                    indexes.forEach(i -> outcomes[i] = RowOutcome.refused(i, refusal, refusal.getMessage()));
                    return;
                }
                final int at = indexes.get(refusal.index().get());
                outcomes[at] = RowOutcome.refused(at, refusal, refusal.getMessage().replaceFirst("^item \\d+: ", ""));
                pending.remove(at);
                if (!validated && !pending.isEmpty()) {
                    validated = true;
                    setAsideEveryRefusal(as, pending, outcomes);
                }
            }
        }
    }

    /** Asks the contract, writing nothing, which of the pending rows it would refuse, and sets them aside. */
    private void setAsideEveryRefusal(final Organisation as, final Map<Integer, ItemInput> pending, final RowOutcome[] outcomes) {
        final List<Integer> indexes = new ArrayList<>(pending.keySet());
        final List<ItemInput> rows = indexes.stream().map(pending::get).toList();
        final BatchCheck check = ItemBatches.validation(chaincode, as, rows).block();
        for (ItemRefusal refusal : check.refusals()) {
            final int at = indexes.get(refusal.index());
            outcomes[at] = RowOutcome.failed(at, ProblemCode.of(refusal.code()), refusal.message());
            pending.remove(at);
        }
    }

    /** Counts of a batch's outcomes by status. */
    public static Map<Status, Integer> count(final List<RowOutcome> outcomes) {
        final Map<Status, Integer> counts = new HashMap<>();
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        return counts;
    }
}
