package com.serialtrust.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.Recall;
import com.serialtrust.chaincode.ItemStatus;
import com.serialtrust.chaincode.LedgerEvent;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.HistoryEntry;
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

/** An item's history alone, with the ledger faked: the timeline as the contract gives it, and as EPCIS 2.0. */
@WebFluxTest(HistoryController.class)
@Import({StaffSlice.class, Epcis.class, ItemEvents.class})
class HistoryControllerTests {

    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Chaincode chaincode;

    @Test
    void theTimelineIsReadAsTheCallersOrganisation() {
        when(chaincode.query(any(), any())).thenReturn(Mono.just((Object) List.of(
                new HistoryEntry("tx-1", AT, Optional.of(item(ItemStatus.REGISTERED, "REGISTERED", "BrandMSP"))))));

        http.get().uri("/api/items/09520123456788/DEMO-0002/history").header("Authorization", StaffSlice.bearer("retail"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].txId").isEqualTo("tx-1").jsonPath("$[0].item.status").isEqualTo("REGISTERED");

        final Call<?> call = LedgerCalls.queried(chaincode, new Organisation("retail", "RetailMSP"));
        assertThat(call.transaction()).isEqualTo(Transaction.GET_ITEM_HISTORY);
        assertThat(call.args()).containsExactly("09520123456788", "DEMO-0002");
    }

    @Test
    void asEpcisEachVersionIsAnEventWithItsCbvStepAndTheSaleIsATransactionEvent() {
        final List<HistoryEntry> history = List.of(
                new HistoryEntry("tx-1", AT, Optional.of(item(ItemStatus.REGISTERED, "REGISTERED", "BrandMSP"))),
                new HistoryEntry("tx-2", AT.plusSeconds(60), Optional.of(item(ItemStatus.SOLD, "SOLD", "RetailMSP"))),
                new HistoryEntry("tx-3", AT.plusSeconds(120), Optional.empty()));
        // a recall of the item's GTIN issued between its registration and its sale, and one of another lot
        final List<Recall> recalls = List.of(
                new Recall("r-1", "BrandMSP", new Recall.Scope("09520123456788", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), "Check the clasp", AT.plusSeconds(30), Optional.empty()),
                new Recall("r-2", "BrandMSP", new Recall.Scope("09520123456788", Optional.of("L9"), Optional.empty(),
                        Optional.empty(), Optional.empty()), "Lot L9", AT.plusSeconds(30), Optional.empty()));
        when(chaincode.query(any(), any())).thenAnswer(call -> Mono.just((Object) (
                ((Call<?>) call.getArgument(1)).transaction() == Transaction.LIST_RECALLS ? recalls : history)));

        http.get().uri("/api/items/09520123456788/DEMO-0002/history.epcis").header("Authorization", StaffSlice.bearer("brand"))
                .accept(MediaType.parseMediaType("application/ld+json"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/ld+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("EPCISDocument")
                .jsonPath("$.epcisBody.eventList.length()").isEqualTo(3)
                .jsonPath("$.epcisBody.eventList[0].type").isEqualTo("ObjectEvent")
                .jsonPath("$.epcisBody.eventList[0].action").isEqualTo("ADD")
                .jsonPath("$.epcisBody.eventList[0].bizStep").isEqualTo("commissioning")
                .jsonPath("$.epcisBody.eventList[0].epcList[0]").isEqualTo("http://localhost:8080/01/09520123456788/21/DEMO-0002")
                .jsonPath("$.epcisBody.eventList[1].disposition").isEqualTo("recalled")
                .jsonPath("$.epcisBody.eventList[1]['serialtrust:recallId']").isEqualTo("r-1")
                .jsonPath("$.epcisBody.eventList[2].type").isEqualTo("TransactionEvent")
                .jsonPath("$.epcisBody.eventList[2].bizStep").isEqualTo("retail_selling")
                .jsonPath("$.epcisBody.eventList[2].readPoint.id").isEqualTo("urn:serialtrust:msp:RetailMSP");
    }

    private static Item item(final ItemStatus status, final String event, final String actor) {
        return new Item("09520123456788", "DEMO-0002", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "BrandMSP", "key-1", "digest-1", AT, status, Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1,
                new LedgerEvent(event, "tx", AT, actor, Optional.empty()), Optional.empty());
    }
}
