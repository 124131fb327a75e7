package com.serialtrust.api.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.ScanClients;
import com.serialtrust.api.RedisServer;
import com.serialtrust.api.Zbar;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.network.FabricNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api's story on the real Fabric network of {@code network/network.sh}: the same demo consortium,
 * verdicts, labels, registration and problems as on the embedded ledger, each organisation acting
 * through its own peer's gateway. Queries are answered by the api's read model of the brand peer's
 * blocks (private data excepted), which an audit finds equal to the peer's state, key by key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "serialtrust.ledger.mode=fabric", "serialtrust.demo.enabled=true",
    "serialtrust.qr.resolver-base=https://id.serialtrust.test"})
@AutoConfigureWebTestClient(timeout = "PT60S")
@org.springframework.test.annotation.DirtiesContext // its ledger is the network this class stops
class FabricStoryIT {

    /** Serials unique to this run: the network's ledger outlives a test run. */
    static final String PREFIX = FabricSettings.uniquePrefix("F");

    @TempDir
    static Path dataDir;

    static FabricNetwork network;

    static final RedisServer REDIS = RedisServer.start();

    @DynamicPropertySource
    static void fabric(final DynamicPropertyRegistry registry) {
        network = FabricSettings.apply(registry, dataDir, PREFIX);
        registry.add("serialtrust.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopNetwork() {
        REDIS.close();
        if (network != null) {
            network.close();
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    JsonMapper json;

    @Autowired
    Ledger ledger;

    @Autowired
    com.serialtrust.api.qr.LabelService labels;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private String bearer(final String org) {
        return "Bearer " + DemoApi.apiKey(dataDir, org);
    }

    /** The path and query of a demo item's printed label. */
    private String labelPath(final String serial) {
        final String uri = labels.uri(new Organisation("brand", "BrandMSP"), "09520123456788", serial).block();
        return uri.substring(uri.indexOf("/01/"));
    }

    private JsonNode verify(final String path) {
        return json.readTree(http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    @Test
    void theLedgerIsFabric() {
        assertThat(ledger.kind()).isEqualTo("fabric");
    }

    @Test
    void aDemoLabelVerifiesGenuineWithItsBlockFromThePeer() throws Exception {
        final byte[] png = http.get().uri("/api/items/09520123456788/{s}/label.png", PREFIX + "0001")
                .header("Authorization", bearer("brand")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        final String uri = Zbar.decode(png);
        final JsonNode v = verify(uri.substring(uri.indexOf("/01/")));
        assertThat(v.get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(v.get("proof").get("block").asLong()).isPositive();
        // the same label as GS1's toolkit compresses it, for a small QR code
        final String compressed = com.serialtrust.api.Gs1Schemas.compressedByGs1(uri, false);
        final JsonNode viaCompressed = verify(compressed.substring(compressed.indexOf('/', "https://".length())));
        assertThat(viaCompressed.get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(viaCompressed.get("proof")).isEqualTo(v.get("proof"));
        final String sig = DemoApi.sig(uri);
        assertThat(verify("/01/09520123456788/21/" + PREFIX + "0001?sig=" + "A".repeat(86)).get("verdict").asString())
                .as("another signature").isEqualTo("SIGNATURE_INVALID");
        assertThat(verify("/01/09520123456788/21/" + PREFIX + "0001").get("verdict").asString())
                .as("no sig").isEqualTo("SIGNATURE_MISSING");
        assertThat(verify("/01/09520123456788/10/L8/21/" + PREFIX + "0001?sig=" + sig).get("verdict").asString())
                .as("a lot the brand did not sign").isEqualTo("SIGNATURE_INVALID");
        assertThat(verify("/01/09520123456788/21/" + PREFIX + "0001?17=291231&sig=" + sig).get("verdict").asString())
                .as("an expiry the brand did not sign").isEqualTo("SIGNATURE_INVALID");
        http.get().uri("/01/09520123456788/21/" + PREFIX + "0001?sig=AAAA").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("SIGNATURE_MALFORMED");
        assertThat(verify("/01/09520123456788/21/" + PREFIX + "NONE").get("verdict").asString()).isEqualTo("UNREGISTERED");
        assertThat(verify("/01/09520123456788/21/" + PREFIX + "0004").get("verdict").asString()).isEqualTo("STOLEN");
    }

    @Test
    void aCheckOfTheStolenItemReachesThePoliceWhoseRoleTheLedgerStates() {
        http.get().uri("/01/09520123456788/21/{s}", PREFIX + "0004").accept(MediaType.APPLICATION_JSON)
                .header("X-Scan-Place", "u05kq").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("STOLEN");
        final JsonNode sightings = json.readTree(http.get().uri("/api/police/sightings?limit=10")
                .header("Authorization", bearer("police")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(sightings.get(0).get("serial").asString()).isEqualTo(PREFIX + "0004");
        assertThat(sightings.get(0).get("place").asString()).isEqualTo("u05kq");
        // the brand's roles, read from the peer, do not include POLICE
        http.get().uri("/api/police/sightings").header("Authorization", bearer("brand")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
    }

    @Test
    void aLabelOfAKeyDeclaredCompromisedFromBeforeItsRegistrationIsInvalid() {
        final JsonNode[] story = com.serialtrust.api.Stories.compromisedKey(http, json, org -> bearer(org), PREFIX + "LEAK");
        assertThat(story[0].get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(story[1].get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
        assertThat(story[1].get("reason").asString()).isEqualTo("KEY_COMPROMISED");
    }

    @Test
    void aCodeFiveClientsSawInFivePlacesIsSuspectToACheckWithoutAPlace() {
        final String label = labelPath(PREFIX + "0002");
        final java.util.List<String> verdicts = ScanClients.scanInFivePlaces(json, label, n -> ScanClients.from(port, 20 + n));
        assertThat(verdicts.get(7)).isEqualTo("SUSPECT_COPY");
        assertThat(ScanClients.verify(json, ScanClients.from(port, 99), label, null).get("verdict").asString())
                .isEqualTo("SUSPECT_COPY");
        http.delete().uri("/api/suspects/09520123456788/" + PREFIX + "0002").header("Authorization", bearer("brand")).exchange()
                .expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void theStolenItemsPublicVerificationAndPageNameNoPlace() {
        final String path = "/01/09520123456788/21/" + PREFIX + "0004";
        assertThat(verify(path).toString()).doesNotContain("Demo warehouse");
        http.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).contains("STOLEN").doesNotContain("Demo warehouse"));
        http.get().uri("/api/items/09520123456788/{s}", PREFIX + "0004").header("Authorization", bearer("retail")).exchange()
                .expectBody(String.class).value(item -> assertThat(item).doesNotContain("Demo warehouse"));
        http.get().uri("/api/police/items/09520123456788/{s}/theft", PREFIX + "0004").header("Authorization", bearer("police"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.place").isEqualTo("Demo warehouse");
        // a search is answered by the read model (the peer keeps no index); the place comes from a peer that holds it
        final String slip = (PREFIX + "0004").replace('0', 'O');
        http.get().uri("/api/police/close-serials?serial={s}", slip).header("Authorization", bearer("police")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.matches[?(@.item.serial == '" + PREFIX + "0004')].theft.place").isEqualTo("Demo warehouse");
        http.post().uri("/api/police/checks").header("Authorization", bearer("police")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("serials", List.of(Map.of("serial", PREFIX + "0004")))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].matches[0].theft.place").isEqualTo("Demo warehouse");
    }

    @Test
    void aLinkWithoutSerialAnswersTheProductWithALotsRecallFromTheLedger() {
        final String lot = PREFIX + "PL";
        http.post().uri("/api/recalls").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", Map.of("gtin", "09520123456788", "lot", lot), "notice", "Lot " + lot + ": check the clasp."))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Void.class);
        http.get().uri("/01/09520123456788/10/{lot}", lot).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.productName").isEqualTo("Trail watch")
                .jsonPath("$.recalls[0].notice").isEqualTo("Lot " + lot + ": check the clasp.");
        http.get().uri("/01/09520123456788").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Lot " + lot + " is recalled"));
    }

    private JsonNode post(final String org, final String path, final Object body) {
        return json.readTree(http.post().uri(path).header("Authorization", bearer(org)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful().expectBody().returnResult().getResponseBody());
    }

    @Test
    void anAssemblysEpcisHistoryHoldsItsComponentsRecallAndItsOwnWithdrawnOneFromTheLedger() throws Exception {
        final String gtin = "09520123456788";
        final String bike = PREFIX + "RBIKE";
        final String bolt = PREFIX + "RBOLT";
        post("brand", "/api/items", List.of(Map.of("gtin", gtin, "serial", bike), Map.of("gtin", gtin, "serial", bolt)));
        post("brand", "/api/items/" + gtin + "/" + bike + "/components", Map.of("components", List.of(Map.of("gtin", gtin, "serial", bolt))));
        final String boltRecall = post("brand", "/api/recalls", Map.of("scope", Map.of("gtin", gtin, "serial", bolt),
                "notice", "The bolt may shear")).get("result").get("id").asString();
        final String bikeRecall = post("brand", "/api/recalls", Map.of("scope", Map.of("gtin", gtin, "serial", bike),
                "notice", "Check the brakes")).get("result").get("id").asString();
        http.delete().uri("/api/recalls/" + bikeRecall).header("Authorization", bearer("brand")).exchange()
                .expectStatus().is2xxSuccessful().expectBody(Void.class);

        final JsonNode document = json.readTree(http.get().uri("/api/items/" + gtin + "/" + bike + "/history.epcis")
                .header("Authorization", bearer("retail")).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(com.serialtrust.api.Gs1Schemas.epcisErrors(document)).as("%s", document).isEmpty();
        final List<String> recallEvents = new java.util.ArrayList<>();
        document.get("epcisBody").get("eventList").forEach(e -> {
            if (e.has("serialtrust:recallId")) {
                recallEvents.add("issued " + e.get("serialtrust:recallId").asString() + " via "
                        + (e.has("serialtrust:recallVia") ? e.get("serialtrust:recallVia").asString().replaceAll(".*/", "") : "-"));
            } else if (e.has("serialtrust:recallWithdrawn")) {
                recallEvents.add("withdrawn " + e.get("serialtrust:recallWithdrawn").asString() + " " + e.get("disposition").asString());
            }
        });
        assertThat(recallEvents).containsExactly("issued " + boltRecall + " via " + bolt, "issued " + bikeRecall + " via -",
                "withdrawn " + bikeRecall + " recalled");
    }

    @Test
    void theLinksABrandSetsOnTheLedgerAreServedByTheResolverAndNoOtherOrganisationMaySetThem() {
        final String recalls = "https://brand.example/recalls/" + PREFIX;
        try {
            http.put().uri("/api/products/09520123456788/links").header("Authorization", bearer("brand"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("links", List.of(Map.of("linkType", "gs1:recallStatus",
                            "href", recalls, "title", "Recall status")))).exchange().expectStatus().isOk().expectBody(Void.class);
            http.get().uri("/01/09520123456788/21/{serial}?linkType=gs1:recallStatus&sig=x", PREFIX + "0001").exchange()
                    .expectStatus().isEqualTo(307).expectHeader().location(recalls + "?sig=x").expectBody(Void.class);
            http.get().uri("/01/09520123456788?linkType=linkset").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.linkset[0]['https://ref.gs1.org/voc/recallStatus'][0].href").isEqualTo(recalls);
            // the contract, not only the api, refuses a retailer: its own peer endorses nothing of the kind
            http.put().uri("/api/products/09520123456788/links").header("Authorization", bearer("retail"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("links", List.of())).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        } finally {
            http.put().uri("/api/products/09520123456788/links").header("Authorization", bearer("brand"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("links", List.of())).exchange().expectStatus().isOk().expectBody(Void.class);
        }
    }

    @Test
    void theServiceCentreIsAChannelMemberThatRecordsRepairsAndVoidsAWarranty() {
        final String item = "/api/items/09520123456788/" + PREFIX + "0003";
        http.post().uri(item + "/service-records").header("Authorization", bearer("service")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "new crystal", "replacedParts", List.of())).exchange().expectStatus().isOk().expectBody(Void.class);
        http.get().uri(item + "/warranty").header("Authorization", bearer("service")).exchange()
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).contains("new crystal"));
        http.post().uri(item + "/warranty/void").header("Authorization", bearer("service")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "opened by an unauthorised shop")).exchange().expectStatus().isOk().expectBody(Void.class);
        // the police hold no SERVICE role on the ledger: refused there, not only by the api
        http.post().uri(item + "/service-records").header("Authorization", bearer("police")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "x", "replacedParts", List.of())).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
    }

    @Test
    void badInputIsTheSameProblemAsOnTheEmbeddedLedger() {
        http.get().uri("/01/09520123456789/21/X").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("GTIN_INVALID");
        http.get().uri("/api/items/09520123456788/{s}", PREFIX + "NONE").header("Authorization", bearer("brand")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_FOUND");
    }

    @Test
    void registrationThroughTheApiIsRefusedOnChainForRetailAndHeardAsAnEvent() {
        // retail's roles, read from the peers, do not include MANUFACTURER: refused before any row is tried
        http.post().uri("/api/items").header("Authorization", bearer("retail")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", PREFIX + "FAKE", "signature", "A".repeat(86))))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");

        StepVerifier.create(ledger.events().filter(e -> e.name().equals("ItemsRegistered")
                        && new String(e.payload(), StandardCharsets.UTF_8).contains(PREFIX + "EVT")).take(1))
                .then(() -> http.post().uri("/api/items").header("Authorization", bearer("brand"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", PREFIX + "EVT")))
                        .exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.items[0].status").isEqualTo("REGISTERED"))
                .assertNext(event -> assertThat(event.block()).isPositive())
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void aBatchWithBadRowsGetsEachRowsOutcomeFromOneReadOnlyRoundOnThePeer() {
        // rows 1 and 3 carry a signature that is not the brand's: the first refusal sends the rest to ValidateItems
        // (an evaluate with the signatures as transient data), which names the other; the good rows commit once
        final List<Map<String, String>> rows = List.of(
                Map.of("gtin", "09520123456788", "serial", PREFIX + "VAL-0"),
                Map.of("gtin", "09520123456788", "serial", PREFIX + "VAL-1", "signature", "A".repeat(86)),
                Map.of("gtin", "09520123456788", "serial", PREFIX + "VAL-2"),
                Map.of("gtin", "09520123456788", "serial", PREFIX + "VAL-3", "signature", "B".repeat(86)));
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rows).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].status").isEqualTo("REGISTERED")
                .jsonPath("$.items[1].status").isEqualTo("FAILED")
                .jsonPath("$.items[1].code").isEqualTo("SIGNATURE_INVALID")
                .jsonPath("$.items[2].status").isEqualTo("REGISTERED")
                .jsonPath("$.items[3].status").isEqualTo("FAILED")
                .jsonPath("$.items[3].code").isEqualTo("SIGNATURE_INVALID")
                .jsonPath("$.counts.REGISTERED").isEqualTo(2);
    }

    private JsonNode readModelHealth() {
        return json.readTree(http.get().uri("/actuator/health/readModel").header("Authorization", bearer("authority"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    @Test
    void aWritersNextReadIsAnsweredByTheReadModelAndSeesTheWrite() {
        final long before = readModelHealth().get("details").get("queriesAnsweredHere").asLong();
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", PREFIX + "RYW"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].status").isEqualTo("REGISTERED");
        // typed without its label: registered, so not UNREGISTERED, and never GENUINE without a signature
        assertThat(verify("/01/09520123456788/21/" + PREFIX + "RYW").get("verdict").asString()).isEqualTo("SIGNATURE_MISSING");
        final JsonNode health = readModelHealth();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("details").get("answersQueries").asBoolean()).isTrue();
        assertThat(health.get("details").get("hashChain").asString()).isEqualTo("intact");
        assertThat(health.get("details").get("queriesAnsweredHere").asLong()).as("the verification was answered by the read model")
                .isGreaterThan(before);
    }

    @Test
    void theReadModelHoldsEveryKeyOfThePeerWithTheSameValue() throws Exception {
        // whatever ran before, the audit has at least these items of its own to compare
        final int written = 120;
        final List<Map<String, String>> items = new java.util.ArrayList<>();
        for (int i = 0; i < written; i++) {
            items.add(Map.of("gtin", "09520123456788", "serial", PREFIX + "AU-" + i));
        }
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(items).exchange().expectStatus().isOk().expectBody(Void.class);
        final ReadModelAudit.Report report = ((FabricLedger) ledger).auditReadModel();
        System.out.println("read model audit after the story: " + report);
        assertThat(report.listed()).isEmpty();
        assertThat(report.differences()).isZero();
        assertThat(report.keys()).as("keys compared").isGreaterThanOrEqualTo(written);
        assertThat(report.readModelBlock()).isGreaterThanOrEqualTo(report.peerBlock());
    }

    @Test
    void theReadModelAnswersAQueryWithTheVeryBytesThePeerDoesAndRefusesWhatItRefuses() {
        final FabricLedger fabric = (FabricLedger) ledger;
        final Organisation brand = new Organisation("brand", "BrandMSP");
        final Organisation police = new Organisation("police", "PoliceMSP");
        final var item = new com.serialtrust.chaincode.ItemRef("09520123456788", PREFIX + "EQ-1");
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", PREFIX + "EQ-1"),
                        Map.of("gtin", "09520123456788", "serial", PREFIX + "EQ-2")))
                .exchange().expectStatus().isOk().expectBody(Void.class);
        final Map<com.serialtrust.contract.Call<?>, Organisation> queries = Map.of(
                com.serialtrust.contract.Calls.getItem(item), brand,
                com.serialtrust.contract.Calls.getItemHistory(item), brand,
                com.serialtrust.contract.Calls.getOrganisation("BrandMSP"), brand,
                com.serialtrust.contract.Calls.checkSerials(List.of(new com.serialtrust.contract.SerialCheck(
                        java.util.Optional.of(item.gtin()), item.serial()))), police);
        queries.forEach((query, as) -> {
            final String function = query.transaction().function();
            final byte[] peer = fabric.evaluateOnPeer(as, function, query.args(), Map.of());
            assertThat(fabric.evaluateOnReadModel(as, function, query.args()))
                    .as(function).hasValueSatisfying(local -> assertThat(new String(local, StandardCharsets.UTF_8))
                            .isEqualTo(new String(peer, StandardCharsets.UTF_8)));
        });
        // a search needs the index, which only the read model keeps: the peer refuses it rather than find nothing
        final var search = com.serialtrust.contract.Calls.findCloseSerials(PREFIX + "EQ-I");
        final String searchFunction = search.transaction().function();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fabric.evaluateOnPeer(police, searchFunction, search.args(), Map.of()))
                .isInstanceOfSatisfying(com.serialtrust.api.ledger.LedgerRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("SEARCH_INDEX_UNAVAILABLE"));
        assertThat(fabric.evaluateOnReadModel(police, searchFunction, search.args())).hasValueSatisfying(found ->
                assertThat(new String(found, StandardCharsets.UTF_8)).contains(PREFIX + "EQ-1").contains(PREFIX + "EQ-2"));
        // the brand holds no POLICE role: the same refusal from either
        final var close = com.serialtrust.contract.Calls.findCloseSerials(item.serial());
        final String function = close.transaction().function();
        for (Runnable attempt : List.<Runnable>of(() -> fabric.evaluateOnPeer(brand, function, close.args(), Map.of()),
                () -> fabric.evaluateOnReadModel(brand, function, close.args()))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(attempt::run)
                    .isInstanceOfSatisfying(com.serialtrust.api.ledger.LedgerRefusal.class,
                            refusal -> assertThat(refusal.code()).isEqualTo("NOT_AUTHORISED"));
        }
    }
}
