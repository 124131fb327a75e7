package com.serialtrust.api.dashboard;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.analytics.ScanAnalytics;
import com.serialtrust.api.analytics.Tallies;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.registry.CsvImports;
import com.serialtrust.api.security.LedgerRoles;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The brand's dashboard alone, with its sources (Redis tallies, suspects, imports) and the ledger's roles faked. */
@WebFluxTest(DashboardController.class)
@Import(StaffSlice.class)
class DashboardControllerTests {

    private static final Organisation BRAND = new Organisation("brand", "BrandMSP");

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Tallies tallies;

    @MockitoBean
    private ScanAnalytics analytics;

    @MockitoBean
    private CsvImports imports;

    @MockitoBean
    private LedgerRoles roles;

    @Test
    void withoutRedisTheDashboardSaysSoAndStillListsTheImports() {
        when(roles.require(any(), eq(Role.MANUFACTURER), any())).thenReturn(Mono.empty());
        when(tallies.of(eq("BrandMSP"), any(), eq(7), anyInt()))
                .thenReturn(Mono.just(new Tallies.Counts(false, List.of(), List.of(), List.of())));
        when(analytics.suspects("BrandMSP")).thenReturn(Mono.empty());
        when(imports.recent(BRAND, 20)).thenReturn(List.of());

        http.get().uri("/api/dashboard?days=7").header("Authorization", StaffSlice.bearer("brand"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.manufacturer").isEqualTo("BrandMSP")
                .jsonPath("$.analyticsAvailable").isEqualTo(false)
                .jsonPath("$.suspects").isEmpty()
                .jsonPath("$.imports").isArray();
        verify(imports).recent(BRAND, 20);
    }

    @Test
    void anotherOrganisationIsRefusedAndNothingOfTheBrandsIsRead() {
        when(roles.require(any(), eq(Role.MANUFACTURER), any()))
                .thenReturn(Mono.error(new ApiProblem(ErrorCode.NOT_AUTHORISED, "the dashboard is for manufacturers")));

        http.get().uri("/api/dashboard").header("Authorization", StaffSlice.bearer("retail"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        verifyNoInteractions(tallies, analytics);
        verify(imports, never()).recent(any(), anyInt());
    }

    @Test
    void aSpanOutsideOneToNinetyDaysIsRefusedBeforeAnythingIsRead() {
        for (String days : List.of("0", "91")) {
            http.get().uri("/api/dashboard?days=" + days).header("Authorization", StaffSlice.bearer("brand"))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").isEqualTo("days is 1 to 90, not " + days);
        }
        verifyNoInteractions(roles, tallies, analytics);
        verify(imports, never()).recent(any(), anyInt());
    }
}
