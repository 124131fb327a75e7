package com.serialtrust.api.verify;

import com.serialtrust.contract.Transaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.RedisServer;
import com.serialtrust.api.ScanClients;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.Organisation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Verification with a real Redis: the cache that events invalidate, scan analytics and SUSPECT_COPY. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "serialtrust.demo.enabled=true")
class RedisIntegrationTests extends DemoIntegrationTest {

    static final RedisServer REDIS = RedisServer.start();

    @DynamicPropertySource
    static void redis(final DynamicPropertyRegistry registry) {
        registry.add("serialtrust.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Autowired
    Ledger ledger;

    @LocalServerPort
    int port;

    JsonNode verify(final String serial, final String place) {
        return verifyFrom(http, labelPath(serial), place);
    }

    JsonNode verifyFrom(final WebTestClient client, final String path, final String place) {
        return ScanClients.verify(json, client, path, place);
    }

    WebTestClient from(final int network) {
        return ScanClients.from(port, network);
    }

    List<String> scanInFivePlaces(final String path, final java.util.function.IntFunction<WebTestClient> client) {
        return ScanClients.scanInFivePlaces(json, path, client);
    }

    @Nested
    class Cache {

        @Test
        void aVerificationIsCachedAndAnEventAboutTheItemDropsIt() throws Exception {
            assertThat(verify("DEMO-0002", "u09tv").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(REDIS.commands().keys("v:*:09520123456788:DEMO-0002")).singleElement().asString().contains("DEMO-0002");

            ledger.submit(new Organisation("brand", "BrandMSP"), Transaction.REPORT_THEFT,
                    List.of("09520123456788", "DEMO-0002", "{\"date\":\"2026-11-01\"}"), Map.of()).block();

            // never the cached GENUINE beyond the event lag
            final long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            String verdict = verify("DEMO-0002", "u09tv").get("verdict").asString();
            while (!verdict.equals("STOLEN") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                verdict = verify("DEMO-0002", "u09tv").get("verdict").asString();
            }
            assertThat(verdict).isEqualTo("STOLEN");
        }

        @Test
        void aLabelCheckedAgainIsAnsweredByThisProcessForAMomentOrUntilAnEventAboutItsItem() throws Exception {
            http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", "NEAR-1"))).exchange().expectStatus().isOk()
                    .expectBody(Void.class);
            final String label = labelPath("NEAR-1");
            assertThat(verifyFrom(http, label, null).get("verdict").asString()).isEqualTo("GENUINE");
            final String key = "v:*:09520123456788:NEAR-1";
            assertThat(REDIS.commands().keys(key)).hasSize(1);
            REDIS.commands().del(REDIS.commands().keys(key).toArray(String[]::new));

            // neither Redis (emptied) nor the ledger (which would have cached its answer in Redis again) answered
            assertThat(verifyFrom(http, label, null).get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(REDIS.commands().keys(key)).isEmpty();
            // held for a moment only: then the ledger is asked again (and Redis holds its answer again)
            Thread.sleep(VerificationCache.NEAR_TTL.toMillis() + 200);
            assertThat(verifyFrom(http, label, null).get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(REDIS.commands().keys(key)).hasSize(1);

            // held afresh just now; the theft's event, not the end of its moment, must drop it
            ledger.submit(new Organisation("brand", "BrandMSP"), Transaction.REPORT_THEFT,
                    List.of("09520123456788", "NEAR-1", "{\"date\":\"2026-11-01\"}"), Map.of()).block();
            final long deadline = System.nanoTime() + VerificationCache.NEAR_TTL.toNanos() / 2;
            String verdict = verifyFrom(http, label, null).get("verdict").asString();
            while (!verdict.equals("STOLEN") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                verdict = verifyFrom(http, label, null).get("verdict").asString();
            }
            assertThat(verdict).as("the held GENUINE, once the theft's event arrived").isEqualTo("STOLEN");
        }
    }

    static long count(final String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    @Nested
    class ScanCounts {

        @Test
        void eachCheckIsCountedWithTheFirstAndLastTimeAndTheClientsMinuteWindowExpires() {
            final String key = "scan:09520123456788/DEMO-0003";
            final String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            final long before = count(REDIS.commands().hget(key, "count"));
            final long checksBefore = count(REDIS.commands().hget("tally:checks:BrandMSP", day));
            final Double cellBefore = REDIS.commands().zscore("tally:check-cells:BrandMSP", "u09tv");
            for (int i = 0; i < 3; i++) {
                assertThat(verify("DEMO-0003", "u09tv").get("item").get("serial").asString()).isEqualTo("DEMO-0003");
            }
            final Map<String, String> counts = REDIS.commands().hgetall(key);
            assertThat(counts).containsEntry("count", Long.toString(before + 3)).containsKeys("first", "last");
            // and in the brand's tallies for its dashboard: the day's checks and the place's cell
            assertThat(count(REDIS.commands().hget("tally:checks:BrandMSP", day))).isEqualTo(checksBefore + 3);
            assertThat(REDIS.commands().zscore("tally:check-cells:BrandMSP", "u09tv"))
                    .isEqualTo((cellBefore == null ? 0 : cellBefore) + 3);
            assertThat(java.time.Instant.parse(counts.get("first"))).isBeforeOrEqualTo(java.time.Instant.parse(counts.get("last")));
            assertThat(REDIS.commands().keys("rl:*")).isNotEmpty().allSatisfy(window ->
                    assertThat(REDIS.commands().ttl(window)).isBetween(1L, 61L));
        }
    }

    @Nested
    class SuspectCopies {

        @Test
        void aLabelFiveClientsScannedInFivePlacesIsSuspectToEveryCheckUntilItsBrandClearsIt() {
            final String label = labelPath("DEMO-0003");
            final List<String> verdicts = scanInFivePlaces(label, n -> from(10 + n));
            assertThat(verdicts.subList(0, 7)).containsOnly("GENUINE");
            assertThat(verdicts.get(7)).isEqualTo("SUSPECT_COPY");

            // every later check, with no place, from anyone, with or without the label's signature
            final JsonNode noPlace = verifyFrom(from(99), label, null);
            assertThat(noPlace.get("verdict").asString()).isEqualTo("SUSPECT_COPY");
            assertThat(noPlace.get("suspectReason").asString()).contains("many places");
            assertThat(verifyFrom(http, "/01/09520123456788/21/DEMO-0003", null).get("verdict").asString()).isEqualTo("SUSPECT_COPY");

            http.get().uri("/api/suspects").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$[0].serial").isEqualTo("DEMO-0003")
                    .jsonPath("$[0].reason").value(reason -> assertThat(String.valueOf(reason)).contains("many places"));
            http.get().uri("/api/suspects").header("Authorization", bearer("retail")).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
            http.delete().uri("/api/suspects/09520123456788/DEMO-0003").header("Authorization", bearer("retail")).exchange()
                    .expectStatus().isForbidden().expectBody(Void.class);

            http.delete().uri("/api/suspects/09520123456788/DEMO-0003").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.cleared").isEqualTo(true);
            assertThat(verifyFrom(from(99), label, null).get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(REDIS.commands().xlen("suspects-cleared:BrandMSP")).as("the clearing is recorded").isEqualTo(1L);
            http.delete().uri("/api/suspects/09520123456788/DEMO-0003").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("SUSPECT_NOT_FOUND");
        }

        @Test
        void oneClientInFivePlacesOrTypingTheSerialNeverFlagsACode() {
            http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", "ONE-1"))).exchange().expectStatus().isOk().expectBody(Void.class);
            final String label = labelPath("ONE-1");
            assertThat(scanInFivePlaces(label, n -> from(40))).as("one client, five places").containsOnly("GENUINE");
            assertThat(verifyFrom(from(40), label, "dr5re").get("verdict").asString())
                    .as("the same client in New York a moment later").isEqualTo("GENUINE");
            // without the label's signature a scan proves nothing: five clients typing the serial change nothing
            assertThat(scanInFivePlaces("/01/09520123456788/21/DEMO-0001", n -> from(50 + n))).containsOnly("SIGNATURE_MISSING");
            assertThat(verify("DEMO-0001", null).get("verdict").asString()).isEqualTo("GENUINE");
        }

        @Test
        void aLabelScannedInParisThenInNewYorkAMomentLaterByAnotherClientIsASuspectCopy() {
            http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", "SPEED-1"))).exchange().expectStatus().isOk().expectBody(Void.class);
            final String label = labelPath("SPEED-1");
            // geohash cells: u09tv and its neighbour u09ty in Paris, dr5re in New York, 5,837 km away
            assertThat(verifyFrom(from(60), label, "u09tv").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(verifyFrom(from(61), label, "u09ty").get("verdict").asString()).isEqualTo("GENUINE");
            final JsonNode copied = verifyFrom(from(62), label, "dr5re");
            assertThat(copied.get("verdict").asString()).isEqualTo("SUSPECT_COPY");
            assertThat(copied.get("suspectReason").asString()).contains("too far apart");
            http.get().uri("/api/suspects").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).contains("SPEED-1"));
        }

        @Test
        void aPlaceIsAFiveCharacterGeohashOrTheCheckIsRefused() {
            for (String place : List.of("a", "Paris", "u09t", "u09tvv", "u09ta")) {
                http.get().uri(labelPath("DEMO-0001")).accept(MediaType.APPLICATION_JSON).header("X-Scan-Place", place)
                        .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PLACE_INVALID");
            }
        }
    }

    @Nested
    class StolenSightings {

        JsonNode sightings(final String org) {
            return json.readTree(http.get().uri("/api/police/sightings?limit=1000").header("Authorization", bearer(org))
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        }

        @Test
        void everyCheckOfAStolenItemReachesThePoliceWithItsPlaceAndNothingAboutTheScanner() {
            final int before = sightings("police").size();
            final Double cellBefore = REDIS.commands().zscore("tally:stolen-cells:BrandMSP", "u05kq");
            assertThat(verify("DEMO-0004", "u05kq").get("verdict").asString()).isEqualTo("STOLEN");
            assertThat(REDIS.commands().zscore("tally:stolen-cells:BrandMSP", "u05kq")).as("on the brand's map of stolen items seen")
                    .isEqualTo((cellBefore == null ? 0 : cellBefore) + 1);
            assertThat(verify("DEMO-0004", "ez3fh").get("verdict").asString()).isEqualTo("STOLEN");
            assertThat(verify("DEMO-0001", "u09tv").get("verdict").asString()).isEqualTo("GENUINE");

            final JsonNode latest = sightings("police");
            assertThat(latest.size()).isEqualTo(before + 2);
            // newest first, each with the item, the coarse place (and its cell's centre) and the time, and no other field
            assertThat(latest.get(0).propertyNames()).containsExactlyInAnyOrder("gtin", "serial", "place", "at", "latitude", "longitude");
            assertThat(latest.get(0).get("serial").asString()).isEqualTo("DEMO-0004");
            assertThat(latest.get(0).get("place").asString()).isEqualTo("ez3fh");
            assertThat(latest.get(1).get("place").asString()).isEqualTo("u05kq");
            assertThat(java.time.Instant.parse(latest.get(0).get("at").asString()))
                    .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
            assertThat(latest.findValuesAsString("serial")).doesNotContain("DEMO-0001");

            // the roles on the ledger decide who reads them
            http.get().uri("/api/police/sightings").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        }
    }
}
