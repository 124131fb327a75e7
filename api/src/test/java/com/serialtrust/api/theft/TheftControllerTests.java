package com.serialtrust.api.theft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.LedgerRoles;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.Role;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The police's endpoints alone, with the ledger and the roles it states faked. */
@WebFluxTest(TheftController.class)
@Import(StaffSlice.class)
class TheftControllerTests {

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Chaincode chaincode;

    @MockitoBean
    private LedgerRoles roles;

    @MockitoBean
    private StolenSightings sightings;

    @Test
    void aPastedListIsCheckedAsOneCallWithEachLineAsTheOfficerTypedIt() {
        when(roles.require(any(), eq(Role.POLICE), any())).thenReturn(Mono.empty());
        when(chaincode.query(any(), any())).thenReturn(Mono.just((Object) List.of()));

        http.post().uri("/api/police/checks").header("Authorization", StaffSlice.bearer("police"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"serials\":[{\"serial\":\"DEMO-0004\"},{\"serial\":\"DEM0-OOO1\",\"gtin\":\"09520123456788\"},"
                        + "{\"serial\":\"X\",\"gtin\":\" \"}]}")
                .exchange().expectStatus().isOk().expectBody().json("[]");

        final Call<?> call = LedgerCalls.queried(chaincode, new Organisation("police", "PoliceMSP"));
        assertThat(call.transaction()).isEqualTo(Transaction.CHECK_SERIALS);
        assertThat(call.args()).containsExactly(
                "[{\"serial\":\"DEMO-0004\"},{\"gtin\":\"09520123456788\",\"serial\":\"DEM0-OOO1\"},{\"serial\":\"X\"}]");
    }

    @Test
    void anOrganisationWithoutThePoliceRoleOnTheLedgerIsRefusedAndTheLedgerIsNotAsked() {
        when(roles.require(any(), eq(Role.POLICE), any()))
                .thenReturn(Mono.error(new ApiProblem(ErrorCode.NOT_AUTHORISED, "this is for the police only")));

        http.post().uri("/api/police/checks").header("Authorization", StaffSlice.bearer("retail"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"serials\":[{\"serial\":\"DEMO-0004\"}]}")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        verifyNoInteractions(chaincode);
    }

    @Test
    void anEmptyListIsABadRequest() {
        http.post().uri("/api/police/checks").header("Authorization", StaffSlice.bearer("police"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"serials\":[]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        verifyNoInteractions(chaincode);
    }
}
