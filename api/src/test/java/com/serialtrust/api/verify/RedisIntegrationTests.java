package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.RedisServer;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Verification with a real Redis: the cache that events invalidate, scan analytics and SUSPECT_COPY. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"serialtrust.demo.enabled=true", "serialtrust.redis.suspect-places=4"})
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

    JsonNode verify(final String serial, final String place) {
        return json.readTree(http.get().uri("/01/09520123456788/21/{s}", serial).accept(MediaType.APPLICATION_JSON)
                .header("X-Scan-Place", place).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    @Nested
    class Cache {

        @Test
        void aVerificationIsCachedAndAnEventAboutTheItemDropsIt() throws Exception {
            assertThat(verify("DEMO-0002", "Paris").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(REDIS.command("KEYS v:*:09520123456788:DEMO-0002")).contains("DEMO-0002");

            ledger.submit(new Organisation("brand", "BrandMSP"), "ReportTheft",
                    List.of("09520123456788", "DEMO-0002", "{\"date\":\"2026-11-01\",\"place\":\"Lyon\"}"), Map.of()).block();

            // never the cached GENUINE beyond the event lag
            final long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            String verdict = verify("DEMO-0002", "Paris").get("verdict").asString();
            while (!verdict.equals("STOLEN") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                verdict = verify("DEMO-0002", "Paris").get("verdict").asString();
            }
            assertThat(verdict).isEqualTo("STOLEN");
        }
    }

    @Nested
    class SuspectCopies {

        @Test
        void aLabelScannedInImplausiblyManyPlacesIsASuspectCopyOnItsBrandsList() {
            assertThat(verify("DEMO-0003", "Paris").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(verify("DEMO-0003", "Lagos").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(verify("DEMO-0003", "Lima").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(verify("DEMO-0003", "Oslo").get("verdict").asString()).isEqualTo("SUSPECT_COPY");

            http.get().uri("/api/suspects").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$[0].serial").isEqualTo("DEMO-0003");
            http.get().uri("/api/suspects").header("Authorization", bearer("retail")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        }

        @Test
        void aLabelScannedInParisThenInNewYorkAMomentLaterIsASuspectCopy() {
            http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", "SPEED-1"))).exchange().expectStatus().isOk();
            // geohash cells: u09tv and its neighbour u09ty in Paris, dr5re in New York, 5,837 km away
            assertThat(verify("SPEED-1", "u09tv").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(verify("SPEED-1", "u09ty").get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(verify("SPEED-1", "u09tv").get("verdict").asString()).isEqualTo("GENUINE");
            final JsonNode copied = verify("SPEED-1", "dr5re");
            assertThat(copied.get("verdict").asString()).isEqualTo("SUSPECT_COPY");
            assertThat(copied.get("suspectReason").asString()).contains("too far apart");
            http.get().uri("/api/suspects").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).contains("SPEED-1"));
        }

        @Test
        void scansInOnePlaceAreNoSuspicion() {
            // a bulk string reply, "$2\r\n10\r\n", or "$-1\r\n" before the first scan
            final String[] reply = REDIS.command("HGET scan:09520123456788/DEMO-0001 count").split("\r\n");
            final long before = reply[0].equals("$-1") ? 0 : Long.parseLong(reply[1]);
            for (int i = 0; i < 10; i++) {
                assertThat(verify("DEMO-0001", "Paris").get("verdict").asString()).isEqualTo("GENUINE");
            }
            assertThat(REDIS.command("HGET scan:09520123456788/DEMO-0001 count")).contains("\r\n" + (before + 10) + "\r\n");
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
            assertThat(verify("DEMO-0004", "Lyon").get("verdict").asString()).isEqualTo("STOLEN");
            assertThat(verify("DEMO-0004", "Porto").get("verdict").asString()).isEqualTo("STOLEN");
            assertThat(verify("DEMO-0001", "Paris").get("verdict").asString()).isEqualTo("GENUINE");

            final JsonNode latest = sightings("police");
            assertThat(latest.size()).isEqualTo(before + 2);
            // newest first, each with the item, the coarse place and the time, and no other field
            assertThat(latest.get(0).propertyNames()).containsExactlyInAnyOrder("gtin", "serial", "place", "at");
            assertThat(latest.get(0).get("serial").asString()).isEqualTo("DEMO-0004");
            assertThat(latest.get(0).get("place").asString()).isEqualTo("Porto");
            assertThat(latest.get(1).get("place").asString()).isEqualTo("Lyon");
            assertThat(java.time.Instant.parse(latest.get(0).get("at").asString()))
                    .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
            assertThat(latest.findValuesAsString("serial")).doesNotContain("DEMO-0001");

            // the roles on the ledger decide who reads them
            http.get().uri("/api/police/sightings").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        }
    }
}
