package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.LedgerFailedException;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import io.grpc.Status;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.client.GatewayException;

/**
 * Fabric's failures in the ledger port's terms: the contract's refusals, the contract's own failure
 * (a peer relayed a chaincode error without a code), or an unavailable ledger.
 */
final class FabricErrors {

    private FabricErrors() {}

    static RuntimeException translate(final String function, final GatewayException e) {
        final StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        e.getDetails().forEach(d -> text.append(" | ").append(d.getMessage()));
        // the gateway's message and each endorser's detail carry the same refusal: read it from one of
        // them, so that the caller reads the contract's words once, not the gateway's account of them
        final Optional<LedgerRefusal> refusal = LedgerRefusal.parse(String.valueOf(e.getMessage()), Optional.empty())
                .or(() -> e.getDetails().stream().map(d -> LedgerRefusal.parse(d.getMessage(), Optional.empty()))
                        .flatMap(Optional::stream).findFirst());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        final Status.Code code = e.getStatus().getCode();
        if (text.indexOf("chaincode response 500") >= 0) {
            return new LedgerFailedException(function + ": the chaincode failed without a code", e);
        }
        return new LedgerUnavailableException(function + ": " + code + " from the Fabric gateway", e);
    }

    /** A transaction that reached the orderer but was invalidated at commit: nothing was written. */
    static RuntimeException notCommitted(final String function, final TxValidationCode code, final String txId) {
        return new LedgerRefusal(LedgerRefusal.TRANSACTION_INVALID,
                function + " was not committed: " + code + " (transaction " + txId + ")", Optional.empty());
    }
}
