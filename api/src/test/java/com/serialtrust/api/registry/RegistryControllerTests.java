package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.LedgerRoles;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.Product;
import com.serialtrust.chaincode.Role;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.ItemInput;
import com.serialtrust.contract.Transaction;
import com.serialtrust.gs1.SerialScheme;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** A manufacturer's registry alone, on the api's security, with the ledger, the roles it states and the imports faked. */
@WebFluxTest(RegistryController.class)
@Import(StaffSlice.class)
class RegistryControllerTests {

    private static final Organisation BRAND = new Organisation("brand", "BrandMSP");

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Chaincode chaincode;

    @MockitoBean
    private LedgerRoles roles;

    @MockitoBean
    private RegistrationService registration;

    @MockitoBean
    private CsvImports imports;

    @Test
    void aJsonBatchReachesTheRegistrationAsTheContractsItemsWithEachRowsOutcomeInOrder() {
        when(roles.require(any(), eq(Role.MANUFACTURER), any())).thenReturn(Mono.empty());
        when(registration.registerBlocking(any(), any())).thenReturn(List.of(
                RegistrationService.RowOutcome.ok(0, RegistrationService.Status.REGISTERED),
                RegistrationService.RowOutcome.ok(1, RegistrationService.Status.ALREADY_REGISTERED)));

        http.post().uri("/api/items").header("Authorization", StaffSlice.bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"gtin\":\"09520123456788\",\"serial\":\"S-1\",\"lot\":\"L7\"},"
                        + "{\"gtin\":\"09520123456788\",\"serial\":\"S-2\",\"signature\":\"sig\",\"keyId\":\"k1\"}]")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.counts.REGISTERED").isEqualTo(1)
                .jsonPath("$.counts.ALREADY_REGISTERED").isEqualTo(1)
                .jsonPath("$.items[1].status").isEqualTo("ALREADY_REGISTERED");

        @SuppressWarnings("unchecked")
        final ArgumentCaptor<List<ItemInput>> rows = ArgumentCaptor.forClass(List.class);
        verify(registration).registerBlocking(eq(BRAND), rows.capture());
        assertThat(rows.getValue()).containsExactly(
                new ItemInput("09520123456788", "S-1", Optional.empty(), Optional.of("L7"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                new ItemInput("09520123456788", "S-2", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of("sig"), Optional.of("k1")));
    }

    @Test
    void anEmptyBatchOrAnUnknownFieldIsRefusedBeforeAnythingIsRegistered() {
        http.post().uri("/api/items").header("Authorization", StaffSlice.bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("LIMIT_EXCEEDED");
        http.post().uri("/api/items").header("Authorization", StaffSlice.bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[{\"gtin\":\"09520123456788\",\"serial\":\"S-1\",\"lott\":\"L7\"}]")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.detail").isEqualTo("unknown field \"lott\"; the fields are cpv, expiryDate, gtin, keyId, lot,"
                        + " productionDate, serial, signature");
        verifyNoInteractions(registration);
    }

    @Test
    void anOrganisationWithoutTheManufacturerRoleStartsNoImportAndNoRowIsRead() {
        when(roles.require(any(), eq(Role.MANUFACTURER), any()))
                .thenReturn(Mono.error(new ApiProblem(ErrorCode.NOT_AUTHORISED, "only a manufacturer registers items")));

        http.post().uri("/api/imports").header("Authorization", StaffSlice.bearer("retail"))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("gtin,serial\n09520123456788,S-1\n")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        verifyNoInteractions(imports);
    }

    @Test
    void anImportIsLookedUpAmongTheCallersOwnOnly() {
        when(imports.status(any(), any())).thenReturn(Optional.empty());

        http.get().uri("/api/imports/imp-1").header("Authorization", StaffSlice.bearer("retail"))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("IMPORT_NOT_FOUND");
        verify(imports).status(new Organisation("retail", "RetailMSP"), "imp-1");
    }

    @Test
    void aProductModelLeftWithoutWarrantyOrSchemeIsRegisteredWithNoneAndGs1() {
        final Product product = new Product("09520123456795", "BrandMSP", "Trail watch", 0, SerialScheme.GS1,
                Instant.parse("2026-11-30T09:00:00Z"));
        when(chaincode.submit(any(), any())).thenReturn(Mono.just(new Written<Object>(product, "tx-1", 2)));

        http.post().uri("/api/products").header("Authorization", StaffSlice.bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"gtin\":\"09520123456795\",\"name\":\"Trail watch\"}")
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.scheme").isEqualTo("GS1");

        final Call<?> call = LedgerCalls.submitted(chaincode, BRAND);
        assertThat(call.transaction()).isEqualTo(Transaction.REGISTER_PRODUCT);
        assertThat(call.args()).containsExactly("09520123456795", "Trail watch", "0", "GS1");
    }
}
