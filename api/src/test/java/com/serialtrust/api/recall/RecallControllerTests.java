package com.serialtrust.api.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.Recall;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The recall endpoints alone, on the api's security, with the ledger faked: what each asks of the contract. */
@WebFluxTest(RecallController.class)
@Import(StaffSlice.class)
class RecallControllerTests {

    private static final Recall RECALL = new Recall("R-1", "BrandMSP",
            new Recall.Scope("09520123456788", Optional.of("L7"), Optional.empty(), Optional.empty(), Optional.empty()),
            "Return this watch", Instant.parse("2026-11-30T08:00:00Z"), Optional.empty());

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Chaincode chaincode;

    @Test
    void aRecallIsIssuedAsTheCallersOrganisationWithItsScopeAndNotice() {
        when(chaincode.submit(any(), any())).thenReturn(Mono.just(new Written<Object>(RECALL, "tx-1", 12)));

        http.post().uri("/api/recalls").header("Authorization", StaffSlice.bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"scope\":{\"gtin\":\"09520123456788\",\"lot\":\"L7\"},\"notice\":\"Return this watch\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.result.id").isEqualTo("R-1")
                .jsonPath("$.result.scope.lot").isEqualTo("L7")
                .jsonPath("$.result.withdrawnAt").doesNotExist()
                .jsonPath("$.txId").isEqualTo("tx-1")
                .jsonPath("$.block").isEqualTo(12);

        final Call<?> call = LedgerCalls.submitted(chaincode, new Organisation("brand", "BrandMSP"));
        assertThat(call.transaction()).isEqualTo(Transaction.ISSUE_RECALL);
        assertThat(call.args()).containsExactly("{\"gtin\":\"09520123456788\",\"lot\":\"L7\"}", "Return this watch");
    }

    @Test
    void aRecallWithoutAScopeIsRefusedAndNeverReachesTheLedger() {
        http.post().uri("/api/recalls").header("Authorization", StaffSlice.bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"notice\":\"no scope\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        verifyNoInteractions(chaincode);
    }

    @Test
    void withoutAnApiKeyNothingIsAskedOfTheLedger() {
        http.get().uri("/api/recalls?gtin=09520123456788").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        verifyNoInteractions(chaincode);
    }

    @Test
    void aGtinsRecallsAreListedAsTheContractAnswersThem() {
        when(chaincode.query(any(), any())).thenReturn(Mono.just((Object) List.of(RECALL)));

        http.get().uri("/api/recalls?gtin=09520123456788").header("Authorization", StaffSlice.bearer("retail"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].notice").isEqualTo("Return this watch").jsonPath("$[0].withdrawnAt").doesNotExist();

        final Call<?> call = LedgerCalls.queried(chaincode, new Organisation("retail", "RetailMSP"));
        assertThat(call.transaction()).isEqualTo(Transaction.LIST_RECALLS);
        assertThat(call.args()).containsExactly("09520123456788");
    }
}
