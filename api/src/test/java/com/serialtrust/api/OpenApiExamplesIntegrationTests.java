package com.serialtrust.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.security.RoleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Every JSON request body the OpenAPI description documents has an example, and each example, sent as
 * it stands to its endpoint by an organisation allowed to call it, is accepted: whatever the ledger then
 * says of the item (not found, not held), the body is never refused as malformed (400, 413, 415, 422).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"serialtrust.demo.enabled=true", "spring.application.name=openapi-examples"})
class OpenApiExamplesIntegrationTests extends DemoIntegrationTest {

    private static final Map<RoleTable.Who, String> CALLER = Map.of(
            RoleTable.Who.STAFF, "brand", RoleTable.Who.MANUFACTURER, "brand", RoleTable.Who.RETAILER, "retail",
            RoleTable.Who.RETAILER_OR_MANUFACTURER, "retail", RoleTable.Who.POLICE, "police",
            RoleTable.Who.SERVICE, "service", RoleTable.Who.MANUFACTURER_OR_SERVICE, "service");

    @Test
    void everyDocumentedRequestExampleIsAcceptedByItsEndpoint() {
        final JsonNode doc = json.readTree(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        final List<String> missing = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                final JsonNode media = operation.getValue().at("/requestBody/content/application~1json");
                if (media.isMissingNode()) {
                    continue; // no JSON body (CSV, images) or none at all
                }
                final String name = operation.getKey().toUpperCase() + " " + path.getKey();
                final JsonNode example = media.has("examples") ? parsed(media.get("examples").values().iterator().next().get("value"))
                        : example(doc, media.path("schema"));
                if (example == null) {
                    missing.add(name);
                    continue;
                }
                final int status = send(operation.getKey(), path.getKey(), example);
                sent++;
                if (status == 400 || status == 413 || status == 415 || status == 422) {
                    refused.add(name + " -> " + status + " for " + example);
                }
            }
        }
        assertThat(missing).as("request bodies without an example").isEmpty();
        assertThat(refused).as("documented examples the api refuses").isEmpty();
        assertThat(sent).as("examples sent").isGreaterThanOrEqualTo(20);
    }

    /** The example of a body schema: its own, its component's, or its items' component's in an array. */
    private JsonNode example(final JsonNode doc, final JsonNode schema) {
        if (schema.has("example")) {
            return parsed(schema.get("example"));
        }
        if (schema.has("$ref")) {
            final String ref = schema.get("$ref").asString();
            final JsonNode component = doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            return component.has("example") ? parsed(component.get("example")) : null;
        }
        if ("array".equals(schema.path("type").asString()) && schema.has("items")) {
            final JsonNode item = example(doc, schema.get("items"));
            return item == null ? null : json.createArrayNode().add(item);
        }
        return null;
    }

    private JsonNode parsed(final JsonNode example) {
        return example.isString() ? json.readTree(example.asString()) : example;
    }

    private int send(final String method, final String template, final JsonNode body) {
        final RoleTable.Rule rule = RoleTable.RULES.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(template)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + template + " is not in the role table"));
        final String uri = template.replace("{gtin}", "09520123456788").replace("{serial}", "DEMO-0002")
                .replace("{keyId}", "0".repeat(64)).replace("{id}", "no-such-id");
        var request = http.method(HttpMethod.valueOf(method.toUpperCase())).uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (CALLER.containsKey(rule.who())) {
            request = request.header("Authorization", bearer(CALLER.get(rule.who())));
        }
        return request.bodyValue(body.toString()).exchange().expectBody().returnResult().getStatus().value();
    }
}
