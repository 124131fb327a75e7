package com.serialtrust.api.warranty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.ReplacedPart;
import com.serialtrust.contract.ServiceRecord;
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

/** Service records and warranty voiding alone, with the ledger faked: replaced parts reach the contract as it reads them. */
@WebFluxTest(WarrantyController.class)
@Import(StaffSlice.class)
class WarrantyControllerTests {

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Chaincode chaincode;

    @Test
    void aRepairWithItsReplacedPartsReachesTheContractAsItsServiceInput() {
        final ServiceRecord recorded = new ServiceRecord("tx-9", Instant.parse("2026-11-30T08:00:00Z"), "ServiceMSP",
                "Crown replaced", List.of(new ReplacedPart(Optional.of("09520123456788"), Optional.of("C-1"), Optional.of("C-2"))));
        when(chaincode.submit(any(), any())).thenReturn(Mono.just(new Written<Object>(recorded, "tx-9", 40)));

        http.post().uri("/api/items/09520123456788/DEMO-0003/service-records").header("Authorization", StaffSlice.bearer("service"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"description\":\"Crown replaced\",\"replacedParts\":[{\"gtin\":\"09520123456788\","
                        + "\"removedSerial\":\"C-1\",\"installedSerial\":\"C-2\"},{\"installedSerial\":\"C-3\"}]}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.result.replacedParts[0].installedSerial").isEqualTo("C-2").jsonPath("$.block").isEqualTo(40);

        final Call<?> call = LedgerCalls.submitted(chaincode, new Organisation("service", "ServiceMSP"));
        assertThat(call.transaction()).isEqualTo(Transaction.RECORD_SERVICE);
        assertThat(call.args()).containsExactly("09520123456788", "DEMO-0003",
                "{\"description\":\"Crown replaced\",\"replacedParts\":[{\"gtin\":\"09520123456788\",\"installedSerial\":\"C-2\","
                        + "\"removedSerial\":\"C-1\"},{\"installedSerial\":\"C-3\"}]}");
    }

    @Test
    void aVoidingWithoutAReasonIsRefusedBeforeTheLedger() {
        http.post().uri("/api/items/09520123456788/DEMO-0003/warranty/void").header("Authorization", StaffSlice.bearer("service"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\" \"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("reason is required");
        verifyNoInteractions(chaincode);
    }
}
