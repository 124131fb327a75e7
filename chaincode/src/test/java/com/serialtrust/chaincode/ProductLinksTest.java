package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.OTHER_GTIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The links a brand serves for its products through the resolver: set by the brand alone, read by anyone. */
class ProductLinksTest {

    static final String RECALLS = "{\"linkType\":\"gs1:recallStatus\",\"href\":\"https://brand.example/recalls?gtin=09520123456788\","
            + "\"title\":\"Recall status\",\"hreflang\":[\"en\",\"fr-CA\"]}";
    static final String REGISTER = "{\"linkType\":\"https://ref.gs1.org/voc/registerProduct\","
            + "\"href\":\"https://brand.example/register\",\"title\":\"  Register your watch  \"}";

    @Nested
    class SetProductLinks {

        @Test
        void theBrandSetsItsProductsLinksAndAnyoneReadsThemInTheBrandsOrder() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "SetProductLinks", GTIN, "[" + RECALLS + "," + REGISTER + "]");
            final var links = c.query(c.stranger, "GetProductLinks", GTIN);
            assertThat(links.get("mspId").asString()).isEqualTo(Consortium.BRAND);
            assertThat(links.get("links")).hasSize(2);
            assertThat(links.get("links").get(0).get("linkType").asString()).isEqualTo("gs1:recallStatus");
            assertThat(links.get("links").get(0).get("hreflang").get(1).asString()).isEqualTo("fr-CA");
            // the vocabulary's full URI is kept as its CURIE, the title trimmed
            assertThat(links.get("links").get(1).get("linkType").asString()).isEqualTo("gs1:registerProduct");
            assertThat(links.get("links").get(1).get("title").asString()).isEqualTo("Register your watch");
            assertThat(links.get("updatedAt").isMissingNode()).isFalse();
        }

        @Test
        void theStoredStateIsCanonicalJson() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "SetProductLinks", GTIN, "[" + RECALLS + "]");
            final String key = "\u0000productlinks\u0000" + GTIN + "\u0000";
            final String written = new String(c.ledger.state().get(key).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(written).startsWith("{\"gtin\":\"09520123456788\",\"links\":[{\"href\":\"https://brand.example/recalls?gtin=09520123456788\","
                    + "\"hreflang\":[\"en\",\"fr-CA\"],\"linkType\":\"gs1:recallStatus\",\"title\":\"Recall status\"}],\"mspId\":\"BrandMSP\","
                    + "\"updatedAt\":\"");
        }

        @Test
        void anEmptyListRemovesThemAndAProductNeverGivenLinksHasNone() {
            final Consortium c = Consortium.ready();
            assertThat(c.query(c.stranger, "GetProductLinks", GTIN).get("links")).isEmpty();
            c.ok(c.brand, "SetProductLinks", GTIN, "[" + RECALLS + "]");
            c.ok(c.brand, "SetProductLinks", GTIN, "[]");
            assertThat(c.query(c.police, "GetProductLinks", GTIN).get("links")).isEmpty();
        }

        @Test
        void onlyTheProductsOwnManufacturerSetsItsLinks() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.otherBrand, "SetProductLinks", GTIN, "[" + RECALLS + "]").code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.retail, "SetProductLinks", GTIN, "[" + RECALLS + "]").code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.brand, "SetProductLinks", OTHER_GTIN, "[" + RECALLS + "]").code()).isEqualTo("PRODUCT_NOT_FOUND");
            assertThat(c.query(c.stranger, "GetProductLinks", GTIN).get("links")).isEmpty();
        }

        @Test
        void theResolversOwnLinksAreNotTheBrandsToReplace() {
            final Consortium c = Consortium.ready();
            for (String type : new String[] {"gs1:verificationService", "gs1:defaultLink", "gs1:defaultLinkMulti", "gs1:nonsense",
                    "schema:url", "recallStatus "}) {
                final var refusal = c.refused(c.brand, "SetProductLinks", GTIN,
                        "[{\"linkType\":\"" + type + "\",\"href\":\"https://brand.example/\",\"title\":\"x\"}]");
                assertThat(refusal.code()).as(type).isEqualTo("INVALID_ARGUMENT");
                assertThat(refusal.message()).as(type).contains("link 1: linkType");
            }
        }

        @Test
        void aTargetIsAnAbsoluteHttpsUrlWithAHostAndNoUserInformation() {
            final Consortium c = Consortium.ready();
            for (String href : new String[] {"http://brand.example/", "javascript:alert(1)", "https:///path", "/relative",
                    "https://brand.example@evil.example/", "https://brand.example/a b", "https://brand.example/\u00e9",
                    "data:text/html,hi", ""}) {
                final var refusal = c.refused(c.brand, "SetProductLinks", GTIN,
                        "[{\"linkType\":\"gs1:pip\",\"href\":\"" + href + "\",\"title\":\"x\"}]");
                assertThat(refusal.code()).as(href).isEqualTo("INVALID_ARGUMENT");
            }
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "[{\"linkType\":\"gs1:pip\",\"href\":\"https://b.example/"
                    + "a".repeat(BrandLinks.MAX_HREF) + "\",\"title\":\"x\"}]").code()).isEqualTo("LIMIT_EXCEEDED");
        }

        @Test
        void titlesLanguagesCountsAndRepeatsHaveLimits() {
            final Consortium c = Consortium.ready();
            final String base = "{\"linkType\":\"gs1:pip\",\"href\":\"https://brand.example/\",";
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "[" + base + "\"title\":\" \"}]").code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "[" + base + "\"title\":\"two\\nlines\"}]").code())
                    .isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "[" + base + "\"title\":\"" + "t".repeat(201) + "\"}]").code())
                    .isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "[" + base + "\"title\":\"x\",\"hreflang\":[\"english\"]}]").code())
                    .isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "[" + base + "\"title\":\"x\"}," + base + "\"title\":\"y\"}]").message())
                    .contains("link 2: the same gs1:pip link is given twice");
            final String many = String.join(",", java.util.Collections.nCopies(BrandLinks.MAX_LINKS + 1, "{}"));
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "[" + many + "]").code()).isEqualTo("LIMIT_EXCEEDED");
            assertThat(c.refused(c.brand, "SetProductLinks", GTIN, "{\"not\":\"a list\"}").code()).isEqualTo("INVALID_ARGUMENT");
            // none of these changed anything
            assertThat(c.query(c.stranger, "GetProductLinks", GTIN).get("links")).isEmpty();
        }
    }
}
