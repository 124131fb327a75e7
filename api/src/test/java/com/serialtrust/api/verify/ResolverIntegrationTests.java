package com.serialtrust.api.verify;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.qr.LabelService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The Digital Link resolver on the embedded ledger with the demo's brand and items. */
class ResolverIntegrationTests extends DemoIntegrationTest {

    @Autowired
    LabelService labels;

    JsonNode verify(final String path) {
        final byte[] body = http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    @Nested
    class Verdicts {

        @Test
        void aDemoItemWithItsLabelsSignatureIsGenuine() {
            final String label = labels.uri(new Organisation("brand", "BrandMSP"), DemoApi.GTIN, "DEMO-0001").block();
            final JsonNode v = verify(label.substring(label.indexOf("/01/")));
            assertThat(v.get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(v.get("productName").asString()).isEqualTo("Trail watch");
            assertThat(v.get("manufacturer").asString()).isEqualTo("BrandMSP");
            assertThat(v.get("manufacturerName").asString()).as("what a consumer reads").isEqualTo("Trail Watch Company (demo)");
            assertThat(v.get("warranty").get("status").asString()).isEqualTo("NOT_ACTIVATED");
            assertThat(v.get("proof").get("txId").asString()).matches("[0-9a-f]{64}");
            assertThat(v.get("proof").get("block").asLong()).isPositive();
        }

        @Test
        void anUnknownSerialIsUnregistered() {
            final JsonNode v = verify("/01/09520123456788/21/NOT-REGISTERED");
            assertThat(v.get("verdict").asString()).isEqualTo("UNREGISTERED");
            assertThat(v.has("didYouMean")).isFalse();
        }

        @Test
        void typedNumbersThatFoldToARegisteredSerialSuggestIt() {
            for (String slip : java.util.List.of("demo-0001", "DEMO-OOO1", "dem0.OOOI")) {
                final JsonNode v = verify("/01/09520123456788/21/" + slip);
                assertThat(v.get("verdict").asString()).as(slip).isEqualTo("UNREGISTERED");
                assertThat(v.get("didYouMean").toString()).as(slip).isEqualTo("[\"DEMO-0001\"]");
            }
            assertThat(verify("/01/09520123456788/21/DEMO-0009").has("didYouMean"))
                    .as("another serial is not a slip: no hint to search by").isFalse();
        }

        @Test
        void aWrongSignatureIsSignatureInvalidAndTheRealOneIsNotRevealed() {
            final JsonNode v = verify("/01/09520123456788/21/DEMO-0001?sig=" + DemoApi.sig(labelPath("DEMO-0002")));
            assertThat(v.get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(v.has("signature")).as("the registered signature would let anyone print a perfect copy").isFalse();
        }

        @Test
        void theStolenDemoItemIsStolen() {
            final JsonNode v = verify("/01/09520123456788/21/DEMO-0004");
            assertThat(v.get("verdict").asString()).isEqualTo("STOLEN");
            assertThat(v.get("theft").get("date").asString()).isEqualTo("2026-01-15");
            assertThat(v.toString()).as("the place of a theft is for the police").doesNotContain("Demo warehouse");
        }

        @Test
        void aLabelOfAKeyDeclaredCompromisedFromBeforeItsRegistrationIsInvalid() {
            final JsonNode[] story = com.serialtrust.api.Stories.compromisedKey(http, json, org -> bearer(org), "KEY-LEAK-1");
            assertThat(story[0].get("verdict").asString()).isEqualTo("GENUINE");
            assertThat(story[1].get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(story[1].get("reason").asString()).isEqualTo("KEY_COMPROMISED");
        }

        @Test
        void aRegisteredSerialWithoutItsSignatureIsNeverGenuine() {
            for (String path : List.of("/01/09520123456788/21/DEMO-0001", "/01/09520123456788/21/DEMO-0001?sig=")) {
                final JsonNode v = verify(path);
                assertThat(v.get("verdict").asString()).as(path).isEqualTo("SIGNATURE_MISSING");
                assertThat(v.get("signatureChecked").asBoolean()).isFalse();
            }
        }

        @Test
        void aLotOrDateTheBrandDidNotSignMakesTheLabelInvalid() {
            final String sig = DemoApi.sig(labelPath("DEMO-0002"));
            final JsonNode lot = verify("/01/09520123456788/10/L1/21/DEMO-0002?sig=" + sig);
            assertThat(lot.get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(lot.get("mismatched").toString()).isEqualTo("[\"lot\"]");
            final JsonNode expiry = verify("/01/09520123456788/21/DEMO-0002?17=271231&sig=" + sig);
            assertThat(expiry.get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(expiry.get("mismatched").toString()).isEqualTo("[\"expiryDate\"]");
        }

        @Test
        void aBrowserGetsThePage() {
            final String page = http.get().uri("/01/09520123456788/21/DEMO-0004").accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).containsPattern("<script type=\"module\" src=\"/app/scan-[A-Za-z0-9]+\\.js\">")
                    .contains("id=\"noscript-verdict\">STOLEN</p>").contains("Trail watch");
        }
    }

    @Nested
    class BadInput {

        void problem(final String path, final int status, final String code) {
            http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isEqualTo(status)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo(code)
                    .jsonPath("$.status").isEqualTo(status)
                    .jsonPath("$.type").isEqualTo("/problems/" + code.toLowerCase().replace('_', '-'))
                    .jsonPath("$.trace").doesNotExist()
                    .jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail))
                            .doesNotContain("Exception").doesNotContain("at com."));
        }

        @Test
        void aMalformedSigIsAProblemNotAVerdict() {
            final String sig = DemoApi.sig(labelPath("DEMO-0002"));
            final byte[] raw = java.util.Base64.getUrlDecoder().decode(sig);
            final String standard = java.util.Base64.getEncoder().encodeToString(raw); // padded, + and /
            for (String malformed : List.of("AAAA", sig + "%3D%3D", java.net.URLEncoder.encode(standard, java.nio.charset.StandardCharsets.UTF_8),
                    sig.substring(2), "MEUCIQ" + sig.substring(0, 90 - 6))) {
                problem("/01/09520123456788/21/DEMO-0002?sig=" + malformed, 400, "SIGNATURE_MALFORMED");
            }
        }

        @Test
        void aGtinWithAWrongCheckDigitIsA400() {
            problem("/01/09520123456789/21/DEMO-0001", 400, "GTIN_INVALID");
        }

        @Test
        void aGtinOfTheWrongLengthIsA400() {
            problem("/01/0952012345/21/DEMO-0001", 400, "GTIN_INVALID");
        }

        @Test
        void aSerialOutsideTheGs1CharacterSetIsA400() {
            problem("/01/09520123456788/21/€42", 400, "SERIAL_INVALID"); // sent as %E2%82%AC42
        }

        @Test
        void aSerialLongerThanTwentyCharactersIsA400() {
            problem("/01/09520123456788/21/" + "A".repeat(21), 400, "SERIAL_INVALID");
        }

        @Test
        void aLotInTheQueryIsA400() {
            problem("/01/09520123456788/21/DEMO-0001?10=ABC", 400, "DIGITAL_LINK_INVALID");
        }

        @Test
        void aBadDateIsA400() {
            problem("/01/09520123456788/21/DEMO-0001?17=991399", 400, "DATE_INVALID");
        }

        @Test
        void anOverlongLinkIsA400() {
            problem("/01/09520123456788/21/DEMO-0001?sig=" + "A".repeat(2100), 400, "DIGITAL_LINK_INVALID");
        }

        @Test
        void anUnknownAddressIsA404Problem() {
            problem("/02/09520123456788", 404, "NOT_FOUND");
        }

        @Test
        void aPostToTheResolverIsA405Problem() {
            http.post().uri("/01/09520123456788/21/DEMO-0001").exchange().expectStatus().isEqualTo(405)
                    .expectBody().jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED");
        }

        @Test
        void aBadRequestChangesNothing() {
            final long before = verify("/01/09520123456788/21/DEMO-0001").get("proof").get("block").asLong();
            problem("/01/09520123456789/21/DEMO-0001", 400, "GTIN_INVALID");
            assertThat(verify("/01/09520123456788/21/DEMO-0001").get("proof").get("block").asLong()).isEqualTo(before);
        }
    }
}
