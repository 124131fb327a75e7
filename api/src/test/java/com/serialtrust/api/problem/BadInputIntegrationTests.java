package com.serialtrust.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.ledger.embedded.EmbeddedLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint, given bad input: a 4xx problem with a stable code, no stack trace, and nothing
 * changed on the ledger.
 */
class BadInputIntegrationTests extends DemoIntegrationTest {

    static final String ITEM = "/api/items/09520123456788/DEMO-0001";
    static final String OWNER = "/owner/items/09520123456788/DEMO-0001";

    @Autowired
    EmbeddedLedger ledger;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("brand", "POST", "/api/keys", "{\"publicKey\":\"not a key\"}", 400, "KEY_INVALID"),
                bad("brand", "POST", "/api/keys", "{}", 400, "BAD_REQUEST"),
                bad("brand", "POST", "/api/keys/no-such-key/rotation", "{\"publicKey\":\"not a key\"}", 404, "KEY_NOT_FOUND"),
                bad("brand", "POST", "/api/keys/no-such-key/revocation", null, 404, "KEY_NOT_FOUND"),
                bad("brand", "POST", "/api/keys/no-such-key/compromise", "{}", 400, "BAD_REQUEST"),
                bad("brand", "DELETE", "/api/suspects/09520123456789/DEMO-0001", null, 400, "GTIN_INVALID"),
                bad("retail", "DELETE", "/api/suspects/09520123456788/DEMO-0001", null, 403, "NOT_AUTHORISED"),
                bad("retail", "POST", "/api/items", "[{\"gtin\":\"09520123456788\",\"serial\":\"R-1\"}]", 403, "NOT_AUTHORISED"),
                bad("retail", "POST", "/api/imports", "text/csv", "gtin,serial\n09520123456788,R-1\n", 403, "NOT_AUTHORISED"),
                bad("retail", "GET", ITEM + "/label.png", null, 403, "NOT_AUTHORISED"),
                bad("police", "GET", ITEM + "/label.svg", null, 403, "NOT_AUTHORISED"),
                bad("retail", "POST", "/api/police/checks", "{\"serials\":[{\"serial\":\"DEMO-0001\"}]}", 403, "NOT_AUTHORISED"),
                bad("retail", "GET", "/api/police/close-serials?serial=DEMO-0001", null, 403, "NOT_AUTHORISED"),
                bad("police", "GET", "/api/police/items/09520123456788/DEMO-0001/theft", null, 409, "ITEM_NOT_STOLEN"),
                bad("retail", "GET", "/api/police/items/09520123456788/DEMO-0004/theft", null, 403, "NOT_AUTHORISED"),
                bad("brand", "POST", "/api/products", "{\"gtin\":\"123\",\"name\":\"x\",\"warrantyMonths\":12}", 400, "GTIN_INVALID"),
                bad("brand", "POST", "/api/products", "{\"gtin\":\"09520123456788\",\"name\":\"x\"}", 409, "PRODUCT_EXISTS"),
                bad("brand", "PUT", "/api/products/09520123456788/links", "{\"links\":[{\"linkType\":\"gs1:pip\","
                        + "\"href\":\"javascript:alert(1)\",\"title\":\"x\"}]}", 400, "INVALID_ARGUMENT"),
                bad("brand", "PUT", "/api/products/09520123456788/links", "{\"links\":[{\"linkType\":\"gs1:pip\","
                        + "\"href\":\"https://brand.example/\",\"title\":\"x\",\"rel\":\"x\"}]}", 400, "BAD_REQUEST"),
                bad("brand", "PUT", "/api/products/09520123456788/links", "{}", 400, "BAD_REQUEST"),
                bad("brand", "GET", "/api/products/09520123456789/links", null, 400, "GTIN_INVALID"),
                bad("brand", "GET", "/api/products/09520123000097/links", null, 404, "PRODUCT_NOT_FOUND"),
                bad("brand", "GET", "/api/items/09520123456789/X", null, 400, "GTIN_INVALID"),
                bad("retail", "GET", "/api/epcis/events?GE_eventTime=2026-01-01T00:00:00Z", null, 400, "QUERY_PARAMETER_INVALID"),
                bad("retail", "GET", "/api/epcis/events?MATCH_epc=https://id.gs1.org/01/09520123456788/21/X&EQ_readPoint=x", null,
                        400, "QUERY_PARAMETER_INVALID"),
                bad("retail", "GET", "/api/epcis/events?MATCH_epc=https://id.gs1.org/01/09520123456789/21/X", null, 400,
                        "QUERY_PARAMETER_INVALID"),
                bad("retail", "GET", "/api/epcis/events?MATCH_epcClass=https://id.gs1.org/01/09520123456788", null, 400,
                        "QUERY_PARAMETER_INVALID"),
                bad("retail", "GET", "/api/epcis/events?MATCH_epc=https://id.gs1.org/01/09520123456788/21/X&LT_eventTime=yesterday",
                        null, 400, "QUERY_PARAMETER_INVALID"),
                bad("retail", "GET", "/api/epcis/events?" + "MATCH_epc=https://id.gs1.org/01/09520123456788/21/X&".repeat(101),
                        null, 413, "QUERY_TOO_LARGE"),
                bad("brand", "POST", "/api/items", "not json", 400, "BAD_REQUEST"),
                bad("brand", "POST", "/api/items", "[{\"gtin\":\"09520123456788\",\"serial\":\"X\",\"lott\":\"L7\"}]", 400,
                        "BAD_REQUEST"),
                bad("brand", "POST", "/api/items", "[" + "{\"gtin\":\"09520123456788\",\"serial\":\"X\"},".repeat(60_000) + "{}]",
                        413, "PAYLOAD_TOO_LARGE"),
                bad("brand", "GET", "/api/imports/no-such-import", null, 404, "IMPORT_NOT_FOUND"),
                bad("brand", "GET", ITEM + "/label.png?size=1", null, 400, "BAD_REQUEST"),
                bad("brand", "GET", "/api/dashboard?days=0", null, 400, "BAD_REQUEST"),
                bad("brand", "GET", "/api/dashboard?days=91", null, 400, "BAD_REQUEST"),
                bad("brand", "GET", "/api/dashboard?days=many", null, 400, "BAD_REQUEST"),
                bad("brand", "POST", "/api/shipments", "{\"items\":[],\"to\":\"RetailMSP\"}", 400, "BAD_REQUEST"),
                bad("brand", "POST", "/api/shipments",
                        "{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"NOPE\"}],\"to\":\"RetailMSP\"}", 404, "ITEM_NOT_FOUND"),
                bad("retail", "POST", "/api/receipts", "{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0001\"}]}",
                        403, "NOT_CUSTODIAN"),
                bad("retail", "POST", ITEM + "/sale", "{}", 403, "NOT_CUSTODIAN"),
                bad("police", "POST", ITEM + "/sale", "{}", 403, "NOT_AUTHORISED"),
                bad("retail", "POST", ITEM + "/sale", "{\"ownerPublicKey\":\"bad\"}", 400, "KEY_INVALID"),
                bad("retail", "POST", ITEM + "/return", "{}", 400, "BAD_REQUEST"),
                bad("brand", "POST", ITEM + "/decommission", "{}", 400, "BAD_REQUEST"),
                bad("brand", "POST", ITEM + "/components", "{\"components\":[]}", 400, "BAD_REQUEST"),
                bad(null, "POST", OWNER + "/claim", "{\"secret\":\"x\",\"newSecret\":\"short\"}", 400, "BAD_REQUEST"),
                bad(null, "POST", OWNER + "/transfer", "{\"secret\":\"wrong-secret-12\",\"newSecret\":\"another-secret-1\"}",
                        409, "ILLEGAL_TRANSITION"),
                bad(null, "POST", OWNER + "/theft", "{\"date\":\"2026-01-01\",\"place\":\"X\"}", 400, "BAD_REQUEST"),
                bad(null, "POST", OWNER + "/contact", "{\"secret\":\"x\",\"contact\":\"call me\"}", 400, "BAD_REQUEST"),
                bad("brand", "POST", ITEM + "/theft", "{\"date\":\"2099-01-01\",\"place\":\"x\"}", 400, "DATE_INVALID"),
                bad("brand", "POST", "/api/police/items/09520123456788/DEMO-0001/flag",
                        "{\"date\":\"2026-01-01\",\"place\":\"x\"}", 403, "NOT_AUTHORISED"),
                bad("police", "POST", "/api/police/items/09520123456788/DEMO-0001/recovery", "{}", 400, "BAD_REQUEST"),
                bad("police", "POST", "/api/police/checks", "{\"serials\":[]}", 400, "BAD_REQUEST"),
                bad("police", "GET", "/api/police/close-serials", null, 400, "BAD_REQUEST"),
                bad("police", "GET", "/api/police/stolen?pageSize=lots", null, 400, "BAD_REQUEST"),
                bad("police", "GET", "/api/police/sightings?limit=0", null, 400, "BAD_REQUEST"),
                bad("retail", "GET", "/api/police/sightings", null, 403, "NOT_AUTHORISED"),
                bad("brand", "GET", "/api/police/items/09520123456788/DEMO-0001/owner-contact", null, 403, "NOT_AUTHORISED"),
                bad("brand", "GET", "/api/items/09520123456788/NOPE/warranty", null, 404, "ITEM_NOT_FOUND"),
                bad("brand", "POST", ITEM + "/service-records", "{}", 400, "BAD_REQUEST"),
                bad("brand", "POST", ITEM + "/warranty/void", "{}", 400, "BAD_REQUEST"),
                bad("brand", "POST", "/api/recalls",
                        "{\"scope\":{\"gtin\":\"09520123456788\",\"lot\":\"A\",\"serial\":\"B\"},\"notice\":\"x\"}",
                        400, "RECALL_SCOPE_INVALID"),
                bad("brand", "DELETE", "/api/recalls/nope", null, 404, "RECALL_NOT_FOUND"),
                bad("brand", "GET", "/api/recalls", null, 400, "BAD_REQUEST"),
                bad("brand", "GET", "/api/items/09520123456788/NOPE/history", null, 404, "ITEM_NOT_FOUND"),
                bad("brand", "GET", "/api/items/09520123456788/NOPE/history.epcis", null, 404, "ITEM_NOT_FOUND"),
                bad(null, "GET", "/api/suspects", null, 401, "UNAUTHENTICATED"),
                bad("brand", "PATCH", "/api/recalls", "{}", 405, "METHOD_NOT_ALLOWED"),
                bad("brand", "GET", "/api/recalls/no-such-recall", null, 404, "RECALL_NOT_FOUND"),
                bad("brand", "GET", "/api/imports/no-such-import/errors", null, 404, "IMPORT_NOT_FOUND"),
                bad("brand", "POST", "/api/imports", "text/csv", "name,colour\nX,red\n", 400, "CSV_INVALID"),
                bad("brand", "GET", "/api/items/12345673/DEMO-0001/label.svg", null, 400, "GTIN_INVALID"),
                bad("brand", "GET", "/api/lots/1234567890129/A1/labels.pdf", null, 400, "GTIN_INVALID"),
                bad(null, "GET", "/api/me", null, 401, "UNAUTHENTICATED"),
                bad(null, "GET", "/01/12345673/21/DEMO-0001", null, 400, "GTIN_INVALID"),
                bad(null, "GET", "/01/09520123456788/10/" + "L".repeat(21) + "/21/DEMO-0001", null, 400, "LOT_INVALID"),
                bad(null, "GET", "/01/09520123456788/22/" + "C".repeat(21) + "/21/DEMO-0001", null, 400, "DIGITAL_LINK_INVALID"),
                bad(null, "GET", "/01/09520123456788/22/C1/10/" + "L".repeat(21) + "/21/DEMO-0001", null, 400, "LOT_INVALID"),
                bad(null, "GET", "/01/09520123456788/21/DEMO-0001/10/L1", null, 400, "DIGITAL_LINK_INVALID"),
                bad(null, "GET", "/01/12345673", null, 400, "GTIN_INVALID"),
                bad(null, "GET", "/01/09520123456788/10/" + "L".repeat(21), null, 400, "LOT_INVALID"),
                bad(null, "GET", "/01/09520123456788/22/" + "C".repeat(21), null, 400, "DIGITAL_LINK_INVALID"),
                bad(null, "GET", "/01/09520123456788/22/C1/10/" + "L".repeat(21), null, 400, "LOT_INVALID"),
                bad(null, "POST", "/verify/photo", "image/png", "not a picture", 400, "IMAGE_INVALID"),
                bad(null, "POST", "/verify/photo", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"label.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\nnot a picture\r\n--b--\r\n", 400, "IMAGE_INVALID"));
    }

    /** Endpoints that take no input at all, so that nothing sent to them can be bad. */
    static final Set<String> WITHOUT_INPUT = Set.of("GET /", "GET /app/", "GET /ping", "GET /api/keys",
            "GET /.well-known/gs1resolver");

    static Arguments bad(final String org, final String method, final String path, final String body, final int status,
            final String code) {
        return bad(org, method, path, MediaType.APPLICATION_JSON_VALUE, body, status, code);
    }

    static Arguments bad(final String org, final String method, final String path, final String contentType,
            final String body, final int status, final String code) {
        return Arguments.of(org, method, path, contentType, body, status, code);
    }

    @Test
    void aWriteWhoseCallerAcceptsNoJsonIsRefusedBeforeItChangesAnything() {
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(java.util.Map.of("gtin", "09520123456788", "serial", "ACCEPT-1"))).exchange()
                .expectStatus().isOk().expectBody(Void.class);
        final long height = ledger.height();
        http.post().uri("/api/items/09520123456788/ACCEPT-1/sale").header("Authorization", bearer("brand"))
                .accept(MediaType.APPLICATION_XML).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_ACCEPTABLE");
        assertThat(ledger.height()).as("the sale did not happen").isEqualTo(height);
        http.get().uri("/api/items/09520123456788/ACCEPT-1").header("Authorization", bearer("brand")).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("REGISTERED");
    }

    @Test
    void aJsonItemIsRegisteredAsSentAnEmptyLotIsNoneAndALotWithSpacesIsRefusedNotTrimmed() {
        final String body = "[{\"gtin\":\"09520123456788\",\"serial\":\"AS-SENT-1\",\"lot\":\" L1\"},"
                + "{\"gtin\":\"09520123456788\",\"serial\":\"AS-SENT-2\",\"lot\":\"\"}]";
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].status").isEqualTo("FAILED")
                .jsonPath("$.items[0].code").isEqualTo("LOT_INVALID")
                .jsonPath("$.items[1].status").isEqualTo("REGISTERED");
        http.get().uri("/api/items/09520123456788/AS-SENT-2").header("Authorization", bearer("brand")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.lot").doesNotExist();
        http.get().uri("/api/items/09520123456788/AS-SENT-1").header("Authorization", bearer("brand")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_FOUND");
    }

    @Test
    void everyEndpointOfTheApiHasABadInputCase(
            @Autowired @Qualifier("requestMappingHandlerMapping") final RequestMappingHandlerMapping mappings) {
        final List<String> uncovered = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("com.serialtrust")) {
                return; // actuator and the OpenAPI description, which take no input of ours
            }
            for (final RequestMethod method : info.getMethodsCondition().getMethods()) {
                for (final PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    final String endpoint = method.name() + " " + pattern.getPatternString();
                    final boolean covered = badRequests().map(Arguments::get).anyMatch(a -> method.name().equals(a[1])
                            && pattern.matches(PathContainer.parsePath(((String) a[2]).replaceAll("\\?.*", ""))));
                    if (!covered && !WITHOUT_INPUT.contains(endpoint)) {
                        uncovered.add(endpoint);
                    }
                }
            }
        });
        assertThat(uncovered).as("endpoints without a bad-input case").isEmpty();
    }

    @ParameterizedTest(name = "{1} {2} -> {5} {6}")
    @MethodSource("badRequests")
    void answersAProblemAndChangesNothing(final String org, final String method, final String path,
            final String contentType, final String body, final int status, final String code) {
        final long height = ledger.height();
        var request = http.method(HttpMethod.valueOf(method)).uri(path).accept(MediaType.ALL);
        if (org != null) {
            request = request.header("Authorization", bearer(org));
        }
        final var exchange = body == null ? request.exchange()
                : request.contentType(MediaType.parseMediaType(contentType)).bodyValue(body).exchange();
        final JsonNode problem = json.readTree(exchange.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).startsWith("/problems/");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        assertThat(ledger.height()).as("a refused request commits nothing").isEqualTo(height);
    }
}
