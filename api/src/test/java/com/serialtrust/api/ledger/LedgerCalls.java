package com.serialtrust.api.ledger;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import com.serialtrust.contract.Call;
import org.mockito.ArgumentCaptor;

/** For slice tests with the ledger faked: the one call a controller made of it, as an organisation. */
public final class LedgerCalls {

    private LedgerCalls() {}

    /** The one write the controller asked of the ledger as {@code as}; fails if there was none or several. */
    public static Call<?> submitted(final Chaincode chaincode, final Organisation as) {
        final ArgumentCaptor<Call<?>> call = captor();
        verify(chaincode).submit(eq(as), call.capture());
        return call.getValue();
    }

    /** The one query the controller asked of the ledger as {@code as}; fails if there was none or several. */
    public static Call<?> queried(final Chaincode chaincode, final Organisation as) {
        final ArgumentCaptor<Call<?>> call = captor();
        verify(chaincode).query(eq(as), call.capture());
        return call.getValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ArgumentCaptor<Call<?>> captor() {
        return (ArgumentCaptor) ArgumentCaptor.forClass(Call.class);
    }
}
