package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoApi;
import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.qr.QrProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Statements of the GS1-Conformant Resolver standard (1.2) that this resolver meets, one test each,
 * against the running api. Statements not yet met are listed in the README.
 */
class ResolverConformanceIntegrationTests extends DemoIntegrationTest {

    private static final String ITEM = "/01/" + DemoApi.GTIN + "/21/DEMO-0001";
    private static final String ORIGIN = "https://shop.example";

    @Autowired
    QrProperties qr;

    private String verdict(final String path) {
        return json.readTree(http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("verdict").asString();
    }

    private void problem(final String path, final int status, final String code) {
        http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @Test
    void corsLetsAPageOfAnyOriginReadAVerificationAndItsErrors() {
        http.get().uri(ITEM).accept(MediaType.APPLICATION_JSON).header(HttpHeaders.ORIGIN, ORIGIN).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectBody(Void.class);
        http.get().uri("/01/09520123456789/21/DEMO-0001").accept(MediaType.APPLICATION_JSON).header(HttpHeaders.ORIGIN, ORIGIN)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").expectBody(Void.class);
    }

    @Test
    void aPreflightIsAnsweredWithGetHeadAndOptions() {
        http.options().uri(ITEM).header(HttpHeaders.ORIGIN, ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "accept").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods ->
                        assertThat(methods).contains("GET").contains("HEAD").contains("OPTIONS"))
                .expectBody(Void.class);
    }

    @Test
    void staffEndpointsGrantNoOtherOrigin() {
        http.options().uri("/api/items").header(HttpHeaders.ORIGIN, ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN).expectBody(Void.class);
        http.get().uri("/api/items/" + DemoApi.GTIN + "/DEMO-0001").header(HttpHeaders.ORIGIN, ORIGIN)
                .header(HttpHeaders.AUTHORIZATION, bearer("brand")).exchange()
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody(Void.class);
    }

    @Test
    void headAnswersAsGetWouldWithoutABody() {
        http.head().uri(ITEM).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().isEmpty();
    }

    @Test
    void optionsWithoutAnOriginSaysWhichMethodsTheResolverTakes() {
        http.method(HttpMethod.OPTIONS).uri(ITEM).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ALLOW, allow ->
                        assertThat(allow).contains("GET").contains("HEAD").contains("OPTIONS"))
                .expectBody(Void.class);
    }

    @Test
    void theDescriptionFileSaysWhatThisResolverIsAndWhereItsRootIs() {
        final JsonNode description = json.readTree(http.get().uri("/.well-known/gs1resolver").header(HttpHeaders.ORIGIN, ORIGIN)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectBody().returnResult().getResponseBody());
        assertThat(description.get("name").asString()).isEqualTo("SerialTrust");
        assertThat(description.get("resolverRoot").asString()).isEqualTo(qr.resolverBase().replaceFirst("/$", ""))
                .matches("https?://[^/]+.*");
        assertThat(description.get("supportedPrimaryKeys").toString()).isEqualTo("[\"01\"]");
        assertThat(description.get("supportedLinkType").get(0).get("namespace").asString()).isEqualTo("https://ref.gs1.org/voc/");
        // the schema's pattern for a CURIE prefix, colon included
        assertThat(description.get("supportedLinkType").get(0).get("prefix").asString()).matches("^[a-zA-Z_][A-Za-z0-9_-]*?:$");
        assertThat(description.get("linkTypeDefaultCanBeLinkset").isBoolean()).isTrue();
    }

    private JsonNode linkset(final String path, final MediaType accept) throws Exception {
        final JsonNode linkset = json.readTree(http.get().uri(path).accept(accept).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/linkset+json"))
                .expectBody().returnResult().getResponseBody());
        assertThat(com.serialtrust.api.Gs1Schemas.linksetErrors(linkset)).as("by GS1's linkset schema: %s", linkset).isEmpty();
        return linkset;
    }

    @Test
    void theLinksetIsServedForLinkTypeLinksetOrAllAndForItsMediaTypeValidByGs1sSchema() throws Exception {
        final String anchor = qr.resolverBase().replaceFirst("/$", "") + ITEM;
        for (JsonNode set : List.of(linkset(ITEM + "?linkType=linkset", MediaType.APPLICATION_JSON),
                linkset(ITEM + "?linkType=all&sig=abc", MediaType.TEXT_HTML),
                linkset(ITEM, MediaType.parseMediaType("application/linkset+json")))) {
            final JsonNode context = set.get("linkset").get(0);
            assertThat(context.get("anchor").asString()).as("the uncompressed URI, no query").isEqualTo(anchor);
            final JsonNode verification = context.get("https://ref.gs1.org/voc/verificationService").get(0);
            assertThat(verification.get("href").asString()).isEqualTo(anchor);
            assertThat(verification.get("title").asString()).isNotBlank();
            assertThat(verification.get("fwqs").asBoolean()).as("the label's sig is passed on").isTrue();
            assertThat(context.get("https://ref.gs1.org/voc/defaultLink").get(0).get("href").asString()).isEqualTo(anchor);
        }
    }

    @Test
    void everyAnswerNamesItsLinksetInALinkHeaderRedirectsToo() {
        final String linkset = "<" + qr.resolverBase().replaceFirst("/$", "") + ITEM + "?linkType=linkset>; rel=\"linkset\"";
        for (MediaType accept : List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML)) {
            http.get().uri(ITEM).accept(accept).exchange().expectStatus().isOk()
                    .expectHeader().value(HttpHeaders.LINK, link -> assertThat(link).startsWith(linkset))
                    .expectBody(Void.class);
        }
        http.get().uri(ITEM + "?linkType=gs1:verificationService").exchange().expectStatus().isEqualTo(307)
                .expectHeader().value(HttpHeaders.LINK, link -> assertThat(link).startsWith(linkset))
                .expectBody(Void.class);
    }

    @Test
    void aLinkTypeTheItemHasRedirectsWithTheQueryStringAndAnyOtherIsNotFound() {
        http.get().uri(ITEM + "?linkType=gs1:verificationService&sig=abc").exchange()
                .expectStatus().isEqualTo(307).expectHeader().location(ITEM + "?sig=abc").expectBody(Void.class);
        http.get().uri(ITEM + "?sig=abc&linkType=https://ref.gs1.org/voc/defaultLink").exchange()
                .expectStatus().isEqualTo(307).expectHeader().location(ITEM + "?sig=abc").expectBody(Void.class);
        problem(ITEM + "?linkType=gs1:recipeInfo", 404, "NOT_FOUND");
    }

    /** The path and query of {@code uri} as GS1's toolkit compresses it. */
    private static String compressed(final String uri, final boolean keyWrittenOut) throws Exception {
        final String link = com.serialtrust.api.Gs1Schemas.compressedByGs1(uri, keyWrittenOut);
        return link.substring(link.indexOf('/', "https://".length()));
    }

    @Test
    void aCompressedLinkResolvesAsTheLinkItStandsForAndNamesItAsSameAs() throws Exception {
        final String label = labelPath("DEMO-0001");
        final String root = qr.resolverBase().replaceFirst("/$", "");
        final String sameAs = "<" + root + label + ">; rel=\"owl:sameAs\"";
        assertThat(verdict(label)).isEqualTo("GENUINE");
        for (boolean keyWrittenOut : List.of(false, true)) {
            final String path = compressed(root + label, keyWrittenOut);
            assertThat(path).as("compressed").doesNotContain("DEMO-0001").doesNotContain("sig=");
            assertThat(path.startsWith("/01/")).isEqualTo(keyWrittenOut);
            http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                    .expectHeader().values(HttpHeaders.LINK, links -> assertThat(links).contains(sameAs))
                    .expectBody().jsonPath("$.verdict").isEqualTo("GENUINE").jsonPath("$.item.serial").isEqualTo("DEMO-0001");
            http.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                    .expectHeader().values(HttpHeaders.LINK, links -> assertThat(links).contains(sameAs))
                    .expectBody(String.class).value(page -> assertThat(page).contains("DEMO-0001"));
            // the linkset of a compressed link is the uncompressed link's, its anchor written out
            assertThat(linkset(path + "?linkType=linkset", MediaType.APPLICATION_JSON).get("linkset").get(0).get("anchor").asString())
                    .isEqualTo(root + ITEM);
        }
        // what a compressed link holds is checked as the link it stands for: another serial under this label's sig
        final String other = compressed(root + label.replace("DEMO-0001", "DEMO-0002"), false);
        http.get().uri(other).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.verdict").isEqualTo("SIGNATURE_INVALID");
        // and a word is not a compressed link: it is answered as it always was
        http.get().uri("/ping").exchange().expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void aTrailingSlashIsTolerated() {
        assertThat(verdict(ITEM + "/")).isEqualTo(verdict(ITEM)).isEqualTo("SIGNATURE_MISSING");
        http.get().uri(ITEM + "/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("DEMO-0001"));
    }

    @Test
    void everyValidDataAttributeInTheQueryIsAcceptedAndABadOneIsABadRequest() {
        assertThat(verdict(ITEM + "?15=271231&3103=001250&7003=2712311200&99=X%2F1&utm_medium=qr&4307=NL&4326=271231"
                + "&8030=MEUCIQDcN7cN_xYz-09="))
                .as("attributes that are not the item's identifiers change nothing").isEqualTo(verdict(ITEM));
        problem(ITEM + "?15=271331", 400, "DIGITAL_LINK_INVALID");
        problem(ITEM + "?3103=1", 400, "DIGITAL_LINK_INVALID");
        problem(ITEM + "?414=9520123456788", 400, "DIGITAL_LINK_INVALID");
        problem(ITEM + "?4307=Netherlands", 400, "DIGITAL_LINK_INVALID");
    }

    @Test
    void aPathThatIsNotADigitalLinkIsABadRequestNamingTheFault() {
        problem("/01/" + DemoApi.GTIN + "/foo", 400, "DIGITAL_LINK_INVALID");
        problem(ITEM + "/10/LOT1", 400, "DIGITAL_LINK_INVALID");
        problem("/01/" + DemoApi.GTIN + "/21/DEMO-0001/21/DEMO-0002", 400, "DIGITAL_LINK_INVALID");
    }

    private static final String PRODUCT = "/01/" + DemoApi.GTIN;

    /** A recall of a lot no item is in, so that no other test's item reads RECALLED. */
    private void recallLot(final String lot, final String notice) {
        http.post().uri("/api/recalls").header(HttpHeaders.AUTHORIZATION, bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("scope", java.util.Map.of("gtin", DemoApi.GTIN, "lot", lot), "notice", notice))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Void.class);
    }

    private JsonNode json(final String path) {
        return json.readTree(http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    @Test
    void aGtinOnlyLinkAnswersTheProductItsBrandAndTheRecallsOfAnyOfItsLots() {
        recallLot("PAGE-A", "Lot PAGE-A: the crown may come loose.");
        final JsonNode product = json(PRODUCT);
        assertThat(product.get("gtin").asString()).isEqualTo(DemoApi.GTIN);
        assertThat(product.get("productName").asString()).isEqualTo("Trail watch");
        assertThat(product.get("manufacturerName").asString()).isEqualTo("Trail Watch Company (demo)");
        assertThat(product.get("warrantyMonths").asInt()).isEqualTo(24);
        assertThat(product.get("recalls").toString()).contains("the crown may come loose").contains("\"kind\":\"LOT\"");
        assertThat(json(PRODUCT + "/").toString()).as("a trailing slash is tolerated here too").isEqualTo(product.toString());
    }

    @Test
    void aLotLinkAnswersTheRecallsOfThatLotAndNotOfAnother() {
        recallLot("PAGE-B", "Lot PAGE-B: return the strap.");
        final JsonNode lot = json(PRODUCT + "/10/PAGE-B");
        assertThat(lot.get("lot").asString()).isEqualTo("PAGE-B");
        assertThat(lot.get("recalls").toString()).contains("return the strap");
        assertThat(json(PRODUCT + "/10/PAGE-OTHER").get("recalls").toString()).doesNotContain("return the strap");
    }

    @Test
    void aBrowserGetsAProductPageThatNeedsNoScript() {
        recallLot("PAGE-C", "Lot PAGE-C: the glass may crack.");
        http.get().uri(PRODUCT + "/10/PAGE-C").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("<h1 id=\"product-name\">Trail watch</h1>").contains("Trail Watch Company (demo)")
                        .contains("Lot PAGE-C is recalled").contains("the glass may crack").doesNotContain("<script"));
    }

    @Test
    void aBrowsersOwnAcceptHeaderGetsPagesForItemsAndProducts() {
        final String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : List.of(ITEM, PRODUCT)) {
            http.get().uri(path).header(HttpHeaders.ACCEPT, browser).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML).expectBody(Void.class);
        }
    }

    @Test
    void aProductNoBrandRegisteredIsNotFoundAndABadGtinIsABadRequest() {
        problem("/01/09520123456795", 404, "PRODUCT_NOT_FOUND");
        problem("/01/09520123456789", 400, "GTIN_INVALID");
        problem(PRODUCT + "/10/" + "L".repeat(21), 400, "LOT_INVALID");
    }

    @Test
    void anItemsLinksetHasALevelForItsLotAndItsProductAndAProductsHasItsOwn() throws Exception {
        final String root = qr.resolverBase().replaceFirst("/$", "");
        final JsonNode item = linkset(ITEM + "?linkType=linkset", MediaType.APPLICATION_JSON).get("linkset");
        assertThat(item.get(item.size() - 1).get("anchor").asString()).isEqualTo(root + PRODUCT);
        assertThat(item.get(item.size() - 1).get("https://ref.gs1.org/voc/pip").get(0).get("href").asString()).isEqualTo(root + PRODUCT);
        final JsonNode lot = linkset(PRODUCT + "/10/PAGE-D?linkType=linkset", MediaType.APPLICATION_JSON).get("linkset");
        assertThat(lot).hasSize(2);
        assertThat(lot.get(0).get("anchor").asString()).isEqualTo(root + PRODUCT + "/10/PAGE-D");
        assertThat(lot.get(0).get("https://ref.gs1.org/voc/defaultLink").get(0).get("href").asString()).isEqualTo(root + PRODUCT + "/10/PAGE-D");
        assertThat(lot.get(1).get("anchor").asString()).isEqualTo(root + PRODUCT);
    }

    @Test
    void aProductRedirectsToItsPageAndHasNoVerification() {
        http.get().uri(PRODUCT + "?linkType=gs1:pip&x=1").exchange().expectStatus().isEqualTo(307)
                .expectHeader().location(PRODUCT + "?x=1")
                .expectHeader().value(HttpHeaders.LINK, link -> assertThat(link).contains(PRODUCT + "?linkType=linkset>"))
                .expectBody(Void.class);
        problem(PRODUCT + "?linkType=gs1:verificationService", 404, "NOT_FOUND");
    }

    /** The answer to a PUT of the product's links as {@code as}, which must have {@code status}. */
    private JsonNode setLinks(final String as, final String links, final int status) {
        return json.readTree(http.put().uri(PRODUCT_LINKS).header(HttpHeaders.AUTHORIZATION, bearer(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"links\":" + links + "}").exchange()
                .expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private static final String PRODUCT_LINKS = "/api/products/" + DemoApi.GTIN + "/links";
    private static final String RECALLS = "https://brand.example/recalls?gtin=" + DemoApi.GTIN;

    @Test
    void theLinksABrandSetsAreServedAtItsGtinAndALinkTypeRedirectsToThemFromAnyLevel() throws Exception {
        try {
            assertThat(setLinks("brand", "[{\"linkType\":\"gs1:recallStatus\",\"href\":\"" + RECALLS + "\",\"title\":\"Recall status\","
                    + "\"hreflang\":[\"en\",\"fr-CA\"]},{\"linkType\":\"gs1:registerProduct\",\"href\":\"https://brand.example/"
                    + "register#form\",\"title\":\"Register your watch\"}]", 200).get("links")).hasSize(2);
            // in the linkset, valid by GS1's schema, at the GTIN's level, beside the resolver's own product page
            final JsonNode levels = linkset(ITEM + "?linkType=linkset", MediaType.APPLICATION_JSON).get("linkset");
            final JsonNode gtin = levels.get(levels.size() - 1);
            final JsonNode recall = gtin.get("https://ref.gs1.org/voc/recallStatus").get(0);
            assertThat(recall.get("href").asString()).isEqualTo(RECALLS);
            assertThat(recall.get("title").asString()).isEqualTo("Recall status");
            assertThat(recall.get("hreflang").toString()).isEqualTo("[\"en\",\"fr-CA\"]");
            assertThat(gtin.get("https://ref.gs1.org/voc/pip")).hasSize(1);
            assertThat(levels.get(0).get("https://ref.gs1.org/voc/recallStatus")).as("the item's own level").isNull();
            // a link type the brand set redirects there from the item, the lot and the product, the query string passed on
            http.get().uri(ITEM + "?linkType=gs1:recallStatus&sig=abc").exchange().expectStatus().isEqualTo(307)
                    .expectHeader().location(RECALLS + "&sig=abc").expectBody(Void.class);
            http.get().uri(PRODUCT + "/10/ANY-LOT?linkType=https://ref.gs1.org/voc/recallStatus").exchange()
                    .expectStatus().isEqualTo(307).expectHeader().location(RECALLS).expectBody(Void.class);
            http.get().uri(PRODUCT + "?lang=en&linkType=gs1:registerProduct").exchange().expectStatus().isEqualTo(307)
                    .expectHeader().location("https://brand.example/register?lang=en#form").expectBody(Void.class);
            // the product's own answer lists them too, as JSON and on its page
            http.get().uri(PRODUCT).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.links[0].href").isEqualTo(RECALLS).jsonPath("$.links[1].title").isEqualTo("Register your watch");
            http.get().uri(PRODUCT).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class)
                    .value(page -> assertThat(page).contains("<a rel=\"noopener noreferrer\" href=\"" + RECALLS + "\" hreflang=\"en\">Recall status</a>"));
            // the verification stays the resolver's: no brand may replace it, and no one else sets the brand's links
            assertThat(setLinks("brand", "[{\"linkType\":\"gs1:verificationService\",\"href\":\"https://brand.example/\","
                    + "\"title\":\"x\"}]", 400).get("code").asString()).isEqualTo("INVALID_ARGUMENT");
            assertThat(setLinks("retail", "[]", 403).get("code").asString()).isEqualTo("NOT_AUTHORISED");
            http.get().uri(ITEM + "?linkType=gs1:verificationService&sig=abc").exchange()
                    .expectStatus().isEqualTo(307).expectHeader().location(ITEM + "?sig=abc").expectBody(Void.class);
        } finally {
            setLinks("brand", "[]", 200);
        }
        problem(ITEM + "?linkType=gs1:recallStatus", 404, "NOT_FOUND");
    }

    @Test
    void ofSeveralLinksOfARequestedTypeTheOneInTheClientsLanguageIsChosen() {
        final String english = "https://brand.example/info/en";
        final String french = "https://brand.example/info/fr";
        try {
            setLinks("brand", "[{\"linkType\":\"gs1:productSustainabilityInfo\",\"href\":\"" + english + "\",\"title\":\"Sustainability\","
                    + "\"hreflang\":[\"en\"]},{\"linkType\":\"gs1:productSustainabilityInfo\",\"href\":\"" + french + "\","
                    + "\"title\":\"Durabilité\",\"hreflang\":[\"fr\"]}]", 200);
            for (String[] request : new String[][] {{"fr-CA,fr;q=0.9,en;q=0.5", french}, {"de-DE,en;q=0.8", english}, {"de", english},
                    {"fr;q=0, en;q=0.1", english}, {"not a language list!", english}}) {
                http.get().uri(ITEM + "?linkType=gs1:productSustainabilityInfo").header(HttpHeaders.ACCEPT_LANGUAGE, request[0])
                        .exchange().expectStatus().isEqualTo(307).expectHeader().location(request[1]).expectBody(Void.class);
            }
            http.get().uri(ITEM + "?linkType=gs1:productSustainabilityInfo").exchange().expectStatus().isEqualTo(307)
                    .expectHeader().location(english).expectBody(Void.class);
        } finally {
            setLinks("brand", "[]", 200);
        }
    }
}
