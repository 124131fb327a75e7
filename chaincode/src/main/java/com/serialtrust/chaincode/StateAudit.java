package com.serialtrust.chaincode;

import com.serialtrust.contract.StatePage;
import com.serialtrust.crypto.P256;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The public world state as pages of key hashes, in the ledger's key order, type after type of
 * {@link StateKeys#TYPES}: so that an organisation can check its copy of the state (the api's read
 * model) against its peer's, key by key, without moving the values.
 */
final class StateAudit {

    private StateAudit() {}

    static StatePage page(final Tx tx, final String after, final int limit) {
        tx.require(Role.values());
        final String from = after == null ? "" : after;
        final String fromType = from.isEmpty() ? "" : tx.stub().splitCompositeKey(from).getObjectType();
        final List<StatePage.Entry> entries = new ArrayList<>();
        for (String type : StateKeys.TYPES) {
            if (type.compareTo(fromType) < 0) {
                continue;
            }
            final String bookmark = type.equals(fromType) ? from : "";
            // what is left to fill, the bookmark (a page starts with it), and one more to know whether any follows
            try (QueryResultsIteratorWithMetadata<KeyValue> page = tx.stub().getStateByPartialCompositeKeyWithPagination(
                    tx.stub().createCompositeKey(type), limit - entries.size() + 2, bookmark)) {
                for (KeyValue kv : page) {
                    if (entries.size() == limit) {
                        return new StatePage(entries, false);
                    }
                    if (!kv.getKey().equals(from)) {
                        entries.add(new StatePage.Entry(kv.getKey(), HexFormat.of().formatHex(P256.sha256(kv.getValue()))));
                    }
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("range query failed", e);
            }
        }
        return new StatePage(entries, true);
    }
}
