package com.serialtrust.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * A demo network outlives its data folders: each new folder brings the demo a new brand key. At the
 * contract's limit of active keys the demo revokes the oldest and starts, and what that key signed
 * stays genuine. It fills the brand's keys to the limit: the context it shares is closed after it.
 */
@org.springframework.test.annotation.DirtiesContext
class DemoKeysIntegrationTests extends DemoIntegrationTest {

    @Autowired
    DemoData demo;

    private List<JsonNode> keys() {
        final JsonNode all = json.readTree(http.get().uri("/api/keys").header("Authorization", bearer("brand")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        final List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        return out;
    }

    private static long active(final List<JsonNode> keys) {
        return keys.stream().filter(k -> k.get("status").asString().equals("ACTIVE")).count();
    }

    @Test
    void aNewDataFolderAtTheKeyLimitRevokesTheOldestKeyAndItsLabelsStayGenuine() throws Exception {
        final KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        while (active(keys()) < 16) {
            http.post().uri("/api/keys").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("publicKey", Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded())))
                    .exchange().expectStatus().isCreated().expectBody(Void.class);
        }
        final List<JsonNode> before = keys();
        final String oldest = before.stream().filter(k -> k.get("status").asString().equals("ACTIVE"))
                .min(java.util.Comparator.comparing(k -> java.time.Instant.parse(k.get("registeredAt").asString())))
                .orElseThrow().get("keyId").asString();
        // what a start on a new data folder does: a key of its own, then the demo's seeding
        Files.delete(dataDir.resolve("demo").resolve("brand-signing-key.pk8"));
        demo.run(null);

        final List<JsonNode> after = keys();
        assertThat(active(after)).isEqualTo(16);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after).filteredOn(k -> k.get("keyId").asString().equals(oldest))
                .singleElement().satisfies(k -> assertThat(k.get("status").asString()).isEqualTo("REVOKED"));
        http.get().uri(labelPath("DEMO-0001")).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("GENUINE");
    }
}
