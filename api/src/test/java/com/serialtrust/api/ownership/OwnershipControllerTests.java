package com.serialtrust.api.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.OwnerProofs;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.TheftDetails;
import com.serialtrust.contract.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * An owner's actions alone, with the ledger faked: the proof travels as transient data, never as an
 * argument a block keeps, and the api acts with the resolver operator's identity, not the owner's.
 */
@WebFluxTest(OwnershipController.class)
@Import(StaffSlice.class)
class OwnershipControllerTests {

    private static final Organisation OPERATOR = new Organisation("brand", "BrandMSP");

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Chaincode chaincode;

    @Test
    void aClaimSendsTheOldSecretAsTransientDataAndOnlyTheNewSecretsCommitmentAsAnArgument() {
        when(chaincode.submit(any(), any())).thenReturn(Mono.error(new LedgerRefusal("OWNER_PROOF_INVALID", "no", Optional.empty())));

        http.post().uri("/owner/items/09520123456788/DEMO-0001/claim").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"secret\":\"claim code from the receipt\",\"newSecret\":\"my own secret 42\"}")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("OWNER_PROOF_INVALID");

        final Call<?> call = submitted();
        assertThat(call.transaction()).isEqualTo(Transaction.CLAIM_OWNERSHIP);
        assertThat(call.args()).hasSize(3).startsWith("09520123456788", "DEMO-0001");
        assertThat(call.args().get(2)).startsWith("scrypt:").doesNotContain("my own secret 42");
        assertThat(call.args()).noneMatch(arg -> arg.contains("claim code"));
        assertThat(new String(call.transientData().get(OwnerProofs.SECRET), StandardCharsets.UTF_8))
                .isEqualTo("claim code from the receipt");
    }

    @Test
    void aTheftReportKeepsThePlaceAndPoliceNumberOutOfTheArguments() {
        when(chaincode.submit(any(), any())).thenReturn(Mono.error(new LedgerRefusal("ITEM_STOLEN", "already", Optional.empty())));

        http.post().uri("/owner/items/09520123456788/DEMO-0001/theft").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"secret\":\"my own secret 42\",\"date\":\"2026-11-20\",\"place\":\"Lyon\",\"policeReport\":\"PR-1\"}")
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("ITEM_STOLEN");

        final Call<?> call = submitted();
        assertThat(call.transaction()).isEqualTo(Transaction.REPORT_THEFT);
        assertThat(call.args()).containsExactly("09520123456788", "DEMO-0001", "{\"date\":\"2026-11-20\"}");
        assertThat(new String(call.transientData().get(TheftDetails.TRANSIENT_FIELD), StandardCharsets.UTF_8))
                .contains("\"place\":\"Lyon\"").contains("\"policeReport\":\"PR-1\"").contains("\"salt\":");
        assertThat(call.transientData()).containsKey(OwnerProofs.SECRET);
    }

    @Test
    void aNewSecretTooShortToResistGuessingIsRefusedBeforeTheLedger() {
        http.post().uri("/owner/items/09520123456788/DEMO-0001/transfer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"secret\":\"my own secret 42\",\"newSecret\":\"short\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        verifyNoInteractions(chaincode);
    }

    private Call<?> submitted() {
        return LedgerCalls.submitted(chaincode, OPERATOR);
    }
}
