package com.serialtrust.api.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

/** A peer's refusal reaches the caller in the contract's words, once; an unreachable peer is unavailable. */
class FabricErrorsTest {

    private static final String REFUSAL = "chaincode response 500, ITEM_NOT_FOUND: no item (01)09520123456788(21)NOPE";

    private static GatewayException gateway(final int code, final String message, final String... details) {
        final com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code).setMessage(message);
        for (String detail : details) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder().setAddress("peer0.brand:7051").setMspId("BrandMSP")
                    .setMessage(detail).build()));
        }
        return new GatewayException(StatusProto.toStatusRuntimeException(status.build()));
    }

    @Test
    void aRefusalCarriesItsCodeAndTheContractsMessageOnce() {
        final RuntimeException e = FabricErrors.translate("GetItem",
                gateway(2, "evaluate call to endorser returned error: " + REFUSAL, REFUSAL));
        assertThat(e).isInstanceOfSatisfying(LedgerRefusal.class, refusal -> {
            assertThat(refusal.code()).isEqualTo("ITEM_NOT_FOUND");
            assertThat(refusal.getMessage()).isEqualTo("no item (01)09520123456788(21)NOPE");
        });
    }

    @Test
    void aRefusalOnlyAnEndorserReportedIsStillARefusal() {
        final RuntimeException e = FabricErrors.translate("RegisterItems", gateway(10, "failed to endorse transaction", REFUSAL));
        assertThat(e).isInstanceOfSatisfying(LedgerRefusal.class, refusal -> {
            assertThat(refusal.code()).isEqualTo("ITEM_NOT_FOUND");
            assertThat(refusal.getMessage()).doesNotContain("chaincode response").doesNotContain("|");
        });
    }

    @Test
    void anUnreachablePeerIsUnavailableNotARefusal() {
        assertThat(FabricErrors.translate("GetItem", gateway(14, "connection refused")))
                .isInstanceOf(LedgerUnavailableException.class);
    }
}
