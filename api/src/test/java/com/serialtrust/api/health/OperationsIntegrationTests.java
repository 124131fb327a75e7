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
        http.get().uri("/01/09520123456788/21/DEMO-0001").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(Void.class);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        final String metrics = http.get().uri("/actuator/prometheus").header("Authorization", bearer("brand"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("uri=\"/01/{gtin}/21/{serial}\"");
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
}
