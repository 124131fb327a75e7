package com.serialtrust.api.analytics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.LedgerRoles;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** A brand's suspect codes alone, with the scan analytics (Redis) and the roles the ledger states faked. */
@WebFluxTest(SuspectController.class)
@Import(StaffSlice.class)
class SuspectControllerTests {

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private ScanAnalytics analytics;

    @MockitoBean
    private LedgerRoles roles;

    @BeforeEach
    void brandIsAManufacturer() {
        when(roles.require(any(), eq(Role.MANUFACTURER), any())).thenAnswer(call -> "BrandMSP".equals(
                ((com.serialtrust.api.ledger.Organisation) call.getArgument(0)).mspId()) ? Mono.empty()
                : Mono.error(new ApiProblem(ErrorCode.NOT_AUTHORISED, "suspect codes are for their manufacturer")));
    }

    @Test
    void aBrandClearsItsOwnCodeNamedByAnyLengthOfGtin() {
        when(analytics.clear(any(), any(), any(), any())).thenReturn(Mono.just(true));

        http.delete().uri("/api/suspects/9520123456788/DEMO-0003").header("Authorization", StaffSlice.bearer("brand"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.gtin").isEqualTo("09520123456788").jsonPath("$.cleared").isEqualTo(true);
        verify(analytics).clear(eq("BrandMSP"), eq("09520123456788"), eq("DEMO-0003"), any());
    }

    @Test
    void aCodeNotOnTheBrandsListIsNotFound() {
        when(analytics.clear(any(), any(), any(), any())).thenReturn(Mono.just(false));

        http.delete().uri("/api/suspects/09520123456788/DEMO-0003").header("Authorization", StaffSlice.bearer("brand"))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("SUSPECT_NOT_FOUND");
    }

    @Test
    void withoutRedisNothingIsClearedAndTheBrandIsToldToTryAgain() {
        when(analytics.clear(any(), any(), any(), any())).thenReturn(Mono.empty());

        http.delete().uri("/api/suspects/09520123456788/DEMO-0003").header("Authorization", StaffSlice.bearer("brand"))
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("ANALYTICS_UNAVAILABLE");
    }

    @Test
    void anotherOrganisationSeesNoSuspectsAndClearsNone() {
        http.get().uri("/api/suspects").header("Authorization", StaffSlice.bearer("retail"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        http.delete().uri("/api/suspects/09520123456788/DEMO-0003").header("Authorization", StaffSlice.bearer("retail"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        verifyNoInteractions(analytics);
    }
}
