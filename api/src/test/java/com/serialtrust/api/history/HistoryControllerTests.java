package com.serialtrust.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.AppliedRecall;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.ItemStatus;
import com.serialtrust.chaincode.LedgerEvent;
import com.serialtrust.chaincode.Recall;
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
        // the contract's recalls of the item: one of its GTIN issued before its sale and withdrawn after it,
        // and one that reaches it through a component
        final Recall.Scope gtin = new Recall.Scope("09520123456788", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        final List<AppliedRecall> recalls = List.of(
                new AppliedRecall(new Recall("r-1", "BrandMSP", gtin, "Check the clasp", AT.plusSeconds(30),
                        Optional.of(AT.plusSeconds(90))), Optional.empty()),
                new AppliedRecall(new Recall("r-2", "BrandMSP", gtin, "Strap pin", AT.plusSeconds(100), Optional.empty()),
                        Optional.of(new ItemRef("09520123456788", "PIN-1"))));
        when(chaincode.query(any(), any())).thenAnswer(call -> Mono.just((Object) (
                ((Call<?>) call.getArgument(1)).transaction() == Transaction.LIST_ITEM_RECALLS ? recalls : history)));

        http.get().uri("/api/items/09520123456788/DEMO-0002/history.epcis").header("Authorization", StaffSlice.bearer("brand"))
                .accept(MediaType.parseMediaType("application/ld+json"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/ld+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("EPCISDocument")
                .jsonPath("$.epcisBody.eventList.length()").isEqualTo(5)
                .jsonPath("$.epcisBody.eventList[0].type").isEqualTo("ObjectEvent")
                .jsonPath("$.epcisBody.eventList[0].action").isEqualTo("ADD")
                .jsonPath("$.epcisBody.eventList[0].bizStep").isEqualTo("commissioning")
                .jsonPath("$.epcisBody.eventList[0].epcList[0]").isEqualTo("http://localhost:8080/01/09520123456788/21/DEMO-0002")
                .jsonPath("$.epcisBody.eventList[1].disposition").isEqualTo("recalled")
                .jsonPath("$.epcisBody.eventList[1]['serialtrust:recallId']").isEqualTo("r-1")
                .jsonPath("$.epcisBody.eventList[2].type").isEqualTo("TransactionEvent")
                .jsonPath("$.epcisBody.eventList[2].bizStep").isEqualTo("retail_selling")
                .jsonPath("$.epcisBody.eventList[2].readPoint.id").isEqualTo("urn:serialtrust:msp:RetailMSP")
                // withdrawn after the sale: the item is sold again, not recalled
                .jsonPath("$.epcisBody.eventList[3].eventTime").isEqualTo(AT.plusSeconds(90).toString())
                .jsonPath("$.epcisBody.eventList[3].disposition").isEqualTo("retail_sold")
                .jsonPath("$.epcisBody.eventList[3]['serialtrust:recallWithdrawn']").isEqualTo("r-1")
                .jsonPath("$.epcisBody.eventList[4].disposition").isEqualTo("recalled")
                .jsonPath("$.epcisBody.eventList[4]['serialtrust:recallVia']")
                .isEqualTo("http://localhost:8080/01/09520123456788/21/PIN-1");
    }

    private static Item item(final ItemStatus status, final String event, final String actor) {
        return new Item("09520123456788", "DEMO-0002", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "BrandMSP", "key-1", "digest-1", AT, status, Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1,
                new LedgerEvent(event, "tx", AT, actor, Optional.empty()), Optional.empty());
    }
}
