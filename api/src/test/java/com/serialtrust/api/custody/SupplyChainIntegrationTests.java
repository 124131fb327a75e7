package com.serialtrust.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The life of one item through the api's staff and owner endpoints on the embedded ledger: shipped,
 * received, sold with a claim secret, transferred, stolen and recovered, serviced, recalled, and its
 * history exported as EPCIS.
 */
class SupplyChainIntegrationTests extends DemoIntegrationTest {

    static final String GTIN = "09520123456788";
    static final String SERIAL = "DEMO-0003";
    static final String ITEM = "/api/items/" + GTIN + "/" + SERIAL;

    private JsonNode post(final String org, final String path, final Object body) {
        var request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (org != null) {
            request = request.header("Authorization", bearer(org));
        }
        final var result = request.bodyValue(body).exchange().expectBody().returnResult();
        final String text = new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getStatus().is2xxSuccessful()).as("POST %s: %s", path, text).isTrue();
        return json.readTree(text);
    }

    private JsonNode get(final String org, final String path) {
        return json.readTree(http.get().uri(path).header("Authorization", bearer(org)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private String verdict() {
        return json.readTree(http.get().uri(labelPath(SERIAL)).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("verdict").asString();
    }

    @Test
    void anItemsWholeLife() throws Exception {
        final List<Map<String, String>> items = List.of(Map.of("gtin", GTIN, "serial", SERIAL));
        final JsonNode shipped = post("brand", "/api/shipments", Map.of("items", items, "to", "RetailMSP"));
        assertThat(shipped.get("txId").asString()).matches("[0-9a-f]{64}");
        assertThat(shipped.get("block").asLong()).isPositive();
        post("retail", "/api/receipts", Map.of("items", items));
        assertThat(get("retail", ITEM).get("status").asString()).isEqualTo("IN_STOCK");

        final String claimSecret = post("retail", ITEM + "/sale", Map.of()).get("claimSecret").asString();
        assertThat(claimSecret).hasSizeGreaterThan(20);
        assertThat(get("brand", ITEM + "/warranty").get("warranty").get("status").asString()).isEqualTo("ACTIVE");

        // the buyer claims with the receipt's code and a secret of their own; then resells
        post(null, "/owner/items/" + GTIN + "/" + SERIAL + "/claim", Map.of("secret", claimSecret, "newSecret", "first-owner-secret"));
        post(null, "/owner/items/" + GTIN + "/" + SERIAL + "/transfer",
                Map.of("secret", "first-owner-secret", "newSecret", "second-owner-secret"));
        http.post().uri("/owner/items/" + GTIN + "/" + SERIAL + "/transfer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("secret", "first-owner-secret", "newSecret", "thief-secret-123")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("OWNER_PROOF_INVALID");

        post(null, "/owner/items/" + GTIN + "/" + SERIAL + "/contact",
                Map.of("secret", "second-owner-secret", "contact", Map.of("phone", "+33 1 23 45 67 89")));
        post(null, "/owner/items/" + GTIN + "/" + SERIAL + "/theft", Map.of("secret", "second-owner-secret",
                "date", "2026-11-01", "place", "12 Rue Garibaldi, Lyon", "policeReport", "PR-2026-77"));
        assertThat(verdict()).isEqualTo("STOLEN");
        // where, and the report number, are for the police: not in the public JSON, the page or any staff view
        for (String publicView : List.of(
                http.get().uri(labelPath(SERIAL)).accept(MediaType.APPLICATION_JSON).exchange().expectBody(String.class)
                        .returnResult().getResponseBody(),
                http.get().uri(labelPath(SERIAL)).accept(MediaType.TEXT_HTML).exchange().expectBody(String.class)
                        .returnResult().getResponseBody(),
                get("retail", ITEM).toString(), get("brand", ITEM + "/history").toString())) {
            assertThat(publicView).contains("2026-11-01").doesNotContain("Garibaldi").doesNotContain("PR-2026-77");
        }
        assertThat(get("police", "/api/police/items/" + GTIN + "/" + SERIAL + "/theft").get("place").asString())
                .isEqualTo("12 Rue Garibaldi, Lyon");
        assertThat(get("police", "/api/police/stolen").toString()).contains(SERIAL);
        // a search finds the item in public state; its private details come with it, for the police
        assertThat(get("police", "/api/police/close-serials?serial=DEM0-OOO3").toString()).contains(SERIAL)
                .contains("\"place\":\"12 Rue Garibaldi, Lyon\"").contains("\"policeReport\":\"PR-2026-77\"");
        assertThat(post("police", "/api/police/checks", Map.of("serials", List.of(Map.of("serial", SERIAL)))).toString())
                .contains("\"stolen\":true").contains("\"place\":\"12 Rue Garibaldi, Lyon\"");
        assertThat(get("police", "/api/police/items/" + GTIN + "/" + SERIAL + "/owner-contact").get("phone").asString())
                .isEqualTo("+33 1 23 45 67 89");
        post("police", "/api/police/items/" + GTIN + "/" + SERIAL + "/recovery", Map.of("note", "found at a market"));
        assertThat(verdict()).isEqualTo("GENUINE");

        post("service", ITEM + "/service-records", Map.of("description", "new strap", "replacedParts",
                List.of(Map.of("gtin", GTIN, "removedSerial", "STRAP-0001", "installedSerial", "STRAP-0442"))));
        assertThat(get("service", ITEM + "/warranty").get("serviceRecords").toString()).contains("new strap")
                .contains("\"removedSerial\":\"STRAP-0001\"").contains("\"installedSerial\":\"STRAP-0442\"");

        final String recall = post("brand", "/api/recalls", Map.of("scope", Map.of("gtin", GTIN, "serial", SERIAL),
                "notice", "Clasp may open")).get("result").get("id").asString();
        assertThat(verdict()).isEqualTo("RECALLED");
        assertThat(get("brand", "/api/recalls?gtin=" + GTIN).toString()).contains("Clasp may open");
        http.delete().uri("/api/recalls/" + recall).header("Authorization", bearer("brand")).exchange().expectStatus().isOk().expectBody(Void.class);
        assertThat(verdict()).isEqualTo("GENUINE");

        final JsonNode epcis = get("brand", ITEM + "/history.epcis");
        assertThat(epcis.get("type").asString()).isEqualTo("EPCISDocument");
        final List<String> steps = new java.util.ArrayList<>();
        epcis.get("epcisBody").get("eventList").forEach(e -> steps.add(e.has("bizStep") ? e.get("bizStep").asString() : "-"));
        assertThat(steps).startsWith("commissioning", "shipping", "receiving", "retail_selling").contains("holding", "repairing");
        assertThat(steps).as("one retail sale: the owner's claim and resale are not sales").containsOnlyOnce("retail_selling");
        assertThat(epcis.get("epcisBody").get("eventList").get(0).get("epcList").get(0).asString())
                .endsWith("/01/" + GTIN + "/21/" + SERIAL);
        assertThat(com.serialtrust.api.Gs1Schemas.epcisErrors(epcis)).as("by GS1's EPCIS 2.0 schema: %s", epcis).isEmpty();
    }
}
