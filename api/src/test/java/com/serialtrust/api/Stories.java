package com.serialtrust.api;

import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Stories the api must tell alike on the embedded ledger and on Fabric. */
public final class Stories {

    private Stories() {}

    /**
     * A label signed with a key of the brand's that is then declared compromised from before the
     * item's registration: what the resolver answers for it before and after, as JSON.
     */
    public static tools.jackson.databind.JsonNode[] compromisedKey(final WebTestClient http, final JsonMapper json,
            final java.util.function.UnaryOperator<String> bearer, final String serial) {
        final BrandKeys key = BrandKeys.generate();
        final java.time.Instant before = java.time.Instant.now().minusSeconds(5);
        final String keyId = json.readTree(http.post().uri("/api/keys").header("Authorization", bearer.apply("brand"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("publicKey", key.publicKey())).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("keyId").asString();
        final String signature = key.sign("(01)" + DemoApi.GTIN + "(21)" + serial);
        http.post().uri("/api/items").header("Authorization", bearer.apply("brand"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.List.of(java.util.Map.of("gtin", DemoApi.GTIN, "serial", serial, "signature", signature)))
                .exchange().expectStatus().isOk().expectBody(Void.class);
        final String path = "/01/" + DemoApi.GTIN + "/21/" + serial + "?sig=" + signature;
        final tools.jackson.databind.JsonNode trusted = json.readTree(http.get().uri(path)
                .accept(org.springframework.http.MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        http.post().uri("/api/keys/" + keyId + "/compromise").header("Authorization", bearer.apply("brand"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("from", before.toString())).exchange().expectStatus().isOk().expectBody(Void.class);
        // the verification cache hears of the compromise through the ledger's event, a moment later
        tools.jackson.databind.JsonNode after = null;
        for (int i = 0; i < 50 && (after == null || after.path("verdict").asString().equals("GENUINE")); i++) {
            after = json.readTree(http.get().uri(path).accept(org.springframework.http.MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            if (after.path("verdict").asString().equals("GENUINE")) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return new tools.jackson.databind.JsonNode[] {trusted, after};
    }
}
