package com.serialtrust.api;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole api on a real port, on the embedded ledger in a fresh folder, with the demo consortium
 * seeded: what {@code ./run} serves. Subclasses may add properties with their own {@code @SpringBootTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "serialtrust.demo.enabled=true")
@AutoConfigureWebTestClient
public abstract class DemoIntegrationTest {

    @TempDir
    protected static Path dataDir;

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void dataDir(final DynamicPropertyRegistry registry) {
        registry.add("serialtrust.data-dir", dataDir::toString);
    }

    /** The demo's API key of an organisation, as its staff would present it. */
    protected static String bearer(final String organisation) {
        return "Bearer " + DemoApi.apiKey(dataDir, organisation);
    }
}
