package com.serialtrust.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What operators and integrators read: health, metrics, and the OpenAPI description with its UI. */
class OperationsIntegrationTests extends DemoIntegrationTest {

    @Test
    void healthNamesTheLedgerAndRedisToStaffAndOnlyItsStatusToAnyoneElse() {
        http.get().uri("/actuator/health").header("Authorization", bearer("police")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.ledger.status").isEqualTo("UP")
                .jsonPath("$.components.ledger.details.kind").isEqualTo("embedded")
                .jsonPath("$.components.redis.details.redis").isEqualTo("not configured");
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void prometheusSeesTheResolversRequestsAndAnswersStaffOnly() {
        final double before = resolverRequests();
        for (int i = 0; i < 3; i++) {
            http.get().uri("/01/09520123456788/21/DEMO-0001").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                    .expectBody(Void.class);
        }
        // each request counted once (web/RequestTimer's timer, not also Spring's observation of it)
        assertThat(resolverRequests() - before).isEqualTo(3.0);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        assertThat(prometheus()).contains("http_server_requests_seconds_count").contains("uri=\"/01/{gtin}/21/{serial}\"")
                .contains("status=\"200\"").contains("outcome=\"SUCCESS\"").contains("method=\"GET\"")
                // one timer per request, not also a long-task timer of those in flight
                .doesNotContain("http_server_requests_active");
    }

    /** The metrics, as the brand's staff read them. */
    private String prometheus() {
        return http.get().uri("/actuator/prometheus").header("Authorization", bearer("brand"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** How many verifications answered 200 the resolver's timer has counted. */
    private double resolverRequests() {
        return prometheus().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("uri=\"/01/{gtin}/21/{serial}\"")
                        && l.contains("status=\"200\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void theOpenApiDescriptionListsTheResolverAndTheStaffEndpoints() {
        final String openapi = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(openapi).contains("\"/01/{gtin}/21/{serial}\"").contains("\"/api/imports\"").contains("\"/api/police/checks\"");
        // the brand's dashboard, with the schema of what it answers
        final tools.jackson.databind.JsonNode doc = json.readTree(openapi);
        final String ref = doc.at("/paths/~1api~1dashboard/get/responses/200/content").values().iterator().next()
                .at("/schema/$ref").asString();
        final tools.jackson.databind.JsonNode dashboard = doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(dashboard.path("properties").propertyNames())
                .contains("days", "checkPlaces", "stolenSightings", "suspects", "imports", "analyticsAvailable");
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection().expectBody(Void.class);
    }

    /**
     * Every JSON answer is described field by field: its schema names its properties (directly, through
     * a component, or as the items of a list). Only answers that are free-form by nature are exempt.
     */
    @Test
    void everyJsonAnswerInTheOpenApiDescriptionHasItsFields() {
        final tools.jackson.databind.JsonNode doc = json.readTree(http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        final java.util.Set<String> freeForm = java.util.Set.of(
                "GET /api/police/items/{gtin}/{serial}/owner-contact", // the owner's own JSON object
                "GET /api/items/{gtin}/{serial}/history.epcis"); // an EPCIS 2.0 document, by GS1's schema
        final java.util.List<String> undescribed = new java.util.ArrayList<>();
        int described = 0;
        for (var path : doc.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                final String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                for (var response : operation.getValue().path("responses").properties()) {
                    if (!response.getKey().startsWith("2")) {
                        continue;
                    }
                    for (var content : response.getValue().path("content").properties()) {
                        if (!content.getKey().contains("json") && !content.getKey().equals("*/*")) {
                            continue;
                        }
                        if (hasFields(doc, content.getValue().path("schema"))) {
                            described++;
                        } else if (!freeForm.contains(name)) {
                            undescribed.add(name + " " + response.getKey() + " " + content.getKey());
                        }
                    }
                }
            }
        }
        assertThat(undescribed).as("JSON answers without fields in OpenAPI").isEmpty();
        assertThat(described).isGreaterThan(30);
    }

    private static boolean hasFields(final tools.jackson.databind.JsonNode doc, final tools.jackson.databind.JsonNode schema) {
        if (schema.has("$ref")) {
            final String ref = schema.path("$ref").asString();
            return hasFields(doc, doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        if (schema.path("type").asString("").equals("array")) {
            return hasFields(doc, schema.path("items"));
        }
        return !schema.path("properties").isEmpty() || schema.path("allOf").valueStream().anyMatch(s -> hasFields(doc, s));
    }
}
