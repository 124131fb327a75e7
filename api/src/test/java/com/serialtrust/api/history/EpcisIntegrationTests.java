package com.serialtrust.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.DemoIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * An item's history exported as EPCIS 2.0 is valid by GS1's own JSON schema, for every event type the
 * export emits: an assembly, a sale, a return and a decommissioning, on the embedded ledger.
 */
// a resolver under a host name, as in production: epcis2.js's hash generator takes a link under
// localhost:PORT for some other URI and leaves it as it is, where the api (and CBV) read it as a Digital Link
@org.springframework.test.context.TestPropertySource(properties = "serialtrust.qr.resolver-base=https://id.serialtrust.test")
class EpcisIntegrationTests extends DemoIntegrationTest {

    private static final String GTIN = DemoApi.GTIN;

    private JsonNode post(final String org, final String path, final Object body) {
        final var result = http.post().uri(path).header("Authorization", bearer(org)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectBody().returnResult();
        final String text = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(result.getStatus().is2xxSuccessful()).as("POST %s: %s", path, text).isTrue();
        return json.readTree(text);
    }

    private JsonNode epcis(final String serial) {
        return json.readTree(http.get().uri("/api/items/" + GTIN + "/" + serial + "/history.epcis")
                .header("Authorization", bearer("brand")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    @Test
    void everyEventTypeTheExportEmitsIsValidByGs1sSchema() throws Exception {
        post("brand", "/api/items", List.of(Map.of("gtin", GTIN, "serial", "EPC-WATCH"), Map.of("gtin", GTIN, "serial", "EPC-STRAP")));
        post("brand", "/api/items/" + GTIN + "/EPC-WATCH/components",
                Map.of("components", List.of(Map.of("gtin", GTIN, "serial", "EPC-STRAP"))));
        final List<Map<String, String>> watch = List.of(Map.of("gtin", GTIN, "serial", "EPC-WATCH"));
        post("brand", "/api/shipments", Map.of("items", watch, "to", "RetailMSP"));
        post("retail", "/api/receipts", Map.of("items", watch));
        final String secret = post("retail", "/api/items/" + GTIN + "/EPC-WATCH/sale", Map.of()).get("claimSecret").asString();
        post("retail", "/api/items/" + GTIN + "/EPC-WATCH/return", Map.of("secret", secret));
        post("retail", "/api/items/" + GTIN + "/EPC-WATCH/decommission", Map.of("reason", "water damage"));
        final String recall = post("brand", "/api/recalls", Map.of("scope", Map.of("gtin", GTIN, "serial", "EPC-STRAP"),
                "notice", "The strap's pin may break")).get("result").get("id").asString();
        final String lifted = post("brand", "/api/recalls", Map.of("scope", Map.of("gtin", GTIN, "serial", "EPC-WATCH"),
                "notice", "Check the crown")).get("result").get("id").asString();
        assertThat(http.delete().uri("/api/recalls/" + lifted).header("Authorization", bearer("brand")).exchange()
                .expectBody().returnResult().getStatus().is2xxSuccessful()).isTrue();

        final TreeSet<String> types = new TreeSet<>();
        final TreeSet<String> steps = new TreeSet<>();
        final java.util.Set<String> ids = new java.util.HashSet<>();
        for (String serial : List.of("EPC-WATCH", "EPC-STRAP")) {
            final JsonNode document = epcis(serial);
            assertThat(com.serialtrust.api.Gs1Schemas.epcisErrors(document)).as("%s: %s", serial, document).isEmpty();
            // each event's id is its CBV 2.0 event hash, as GS1 France's generator computes it
            final List<String> expected = com.serialtrust.api.Gs1Schemas.eventHashes(document);
            final List<String> actual = new java.util.ArrayList<>();
            document.get("epcisBody").get("eventList").forEach(e -> actual.add(e.get("eventID").asString()));
            assertThat(actual).as("%s", document).hasSize(document.get("epcisBody").get("eventList").size()).isEqualTo(expected);
            actual.forEach(id -> assertThat(ids.add(id)).as("one id per event: %s", id).isTrue());
            assertThat(epcis(serial).get("epcisBody").get("eventList").get(0).get("eventID").asString())
                    .as("a second export names the event alike").isEqualTo(actual.get(0));
            document.get("epcisBody").get("eventList").forEach(e -> {
                types.add(e.get("type").asString());
                steps.add(e.get("bizStep").asString());
            });
        }
        assertThat(types).containsExactly("AggregationEvent", "ObjectEvent", "TransactionEvent");
        // the recall in force is an event of the item it covers, last in time, read at the recalling brand
        final JsonNode strap = epcis("EPC-STRAP").get("epcisBody").get("eventList");
        final JsonNode recalled = strap.get(strap.size() - 1);
        assertThat(recalled.get("disposition").asString()).isEqualTo("recalled");
        assertThat(recalled.get("serialtrust:recallId").asString()).isEqualTo(recall);
        assertThat(recalled.get("readPoint").get("id").asString()).isEqualTo("urn:serialtrust:msp:BrandMSP");
        // the watch holds the strap: the strap's recall is in the watch's history too, naming the strap;
        // the watch's own recall, withdrawn, is two events, the second giving back its disposition then
        final List<JsonNode> watchRecalls = new java.util.ArrayList<>();
        epcis("EPC-WATCH").get("epcisBody").get("eventList").forEach(e -> {
            if (e.has("serialtrust:recallId") || e.has("serialtrust:recallWithdrawn")) {
                watchRecalls.add(e);
            }
        });
        assertThat(watchRecalls).hasSize(3);
        assertThat(watchRecalls.get(0).get("serialtrust:recallId").asString()).isEqualTo(recall);
        assertThat(watchRecalls.get(0).get("serialtrust:recallVia").asString()).endsWith("/01/" + GTIN + "/21/EPC-STRAP");
        assertThat(watchRecalls.get(1).get("serialtrust:recallId").asString()).isEqualTo(lifted);
        assertThat(watchRecalls.get(1).has("serialtrust:recallVia")).isFalse();
        assertThat(watchRecalls.get(2).get("serialtrust:recallWithdrawn").asString()).isEqualTo(lifted);
        // the strap's recall is still in force when the watch's is withdrawn
        assertThat(watchRecalls.get(2).get("disposition").asString()).isEqualTo("recalled");
        assertThat(steps).contains("commissioning", "assembling", "shipping", "receiving", "retail_selling", "destroying");
    }

    private JsonNode query(final String org, final String parameters) {
        return json.readTree(http.get().uri("/api/epcis/events?" + parameters).header("Authorization", bearer(org)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("GS1-EPCIS-Version", "2.0.0")
                .expectBody().returnResult().getResponseBody());
    }

    private static List<String> ids(final JsonNode events) {
        final List<String> ids = new java.util.ArrayList<>();
        events.forEach(e -> ids.add(e.get("eventID").asString()));
        return ids;
    }

    @Test
    void anEpcisToolQueriesTheEventsOfAnItemOrALotNarrowedByTimeStepAndType() throws Exception {
        final String lot = "EPCQ-LOT";
        post("brand", "/api/items", List.of(Map.of("gtin", GTIN, "serial", "EPCQ-1", "lot", lot),
                Map.of("gtin", GTIN, "serial", "EPCQ-2", "lot", lot), Map.of("gtin", GTIN, "serial", "EPCQ-3", "lot", "EPCQ-OTHER")));
        post("brand", "/api/shipments", Map.of("items", List.of(Map.of("gtin", GTIN, "serial", "EPCQ-2")), "to", "RetailMSP"));
        final String item = "https://id.gs1.org/01/" + GTIN + "/21/EPCQ-2";

        // one lot: the events of its two items, in time order, in an EPCISQueryDocument valid by GS1's schema
        final JsonNode byLot = query("retail", "MATCH_epcClass=https://id.gs1.org/01/" + GTIN + "/10/" + lot);
        assertThat(com.serialtrust.api.Gs1Schemas.epcisErrors(byLot)).as("%s", byLot).isEmpty();
        assertThat(byLot.get("type").asString()).isEqualTo("EPCISQueryDocument");
        assertThat(byLot.get("epcisBody").get("queryResults").get("queryName").asString()).isEqualTo("SimpleEventQuery");
        final JsonNode events = byLot.get("epcisBody").get("queryResults").get("resultsBody").get("eventList");
        assertThat(events).hasSize(3);
        assertThat(events.toString()).contains("EPCQ-1", "EPCQ-2").doesNotContain("EPCQ-3");
        // the very events of the item's export, by their hashes
        final List<String> exported = ids(epcis("EPCQ-2").get("epcisBody").get("eventList"));
        final JsonNode byItem = query("police", "MATCH_epc=" + item).get("epcisBody").get("queryResults").get("resultsBody").get("eventList");
        assertThat(ids(byItem)).isEqualTo(exported).hasSize(2);
        assertThat(ids(events)).containsAll(exported);

        // narrowed: by step (short or as its CBV URI), by type, by time window
        final String shipping = query("retail", "MATCH_epc=" + item + "&EQ_bizStep=https://ref.gs1.org/cbv/BizStep-shipping")
                .get("epcisBody").get("queryResults").get("resultsBody").get("eventList").toString();
        assertThat(shipping).contains("\"bizStep\":\"shipping\"").doesNotContain("commissioning");
        assertThat(query("retail", "MATCH_epcClass=https://id.gs1.org/01/" + GTIN + "/10/" + lot + "&eventType=TransactionEvent")
                .get("epcisBody").get("queryResults").get("resultsBody").get("eventList")).isEmpty();
        final String registered = byItem.get(0).get("eventTime").asString();
        assertThat(query("retail", "MATCH_epc=" + item + "&LT_eventTime=" + registered)
                .get("epcisBody").get("queryResults").get("resultsBody").get("eventList")).as("before the first event").isEmpty();
        assertThat(query("retail", "MATCH_epc=" + item + "&GE_eventTime=" + registered + "&MATCH_epc=https://id.gs1.org/01/" + GTIN
                + "/21/NO-SUCH-ITEM").get("epcisBody").get("queryResults").get("resultsBody").get("eventList"))
                .as("from the first event on; an unknown item has none").hasSize(2);
    }
}
