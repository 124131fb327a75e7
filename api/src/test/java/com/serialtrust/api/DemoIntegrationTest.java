package com.serialtrust.api;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
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
@AutoConfigureWebTestClient(timeout = "PT30S") // a cold JVM on a 2-core CI machine
public abstract class DemoIntegrationTest {

    /** This context's data folder: each application context gets a fresh one. */
    @Value("${serialtrust.data-dir}")
    protected Path dataDir;

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void dataDir(final DynamicPropertyRegistry registry) throws java.io.IOException {
        final Path fresh = java.nio.file.Files.createTempDirectory("serialtrust-it");
        registry.add("serialtrust.data-dir", fresh::toString);
    }

    @Autowired
    protected com.serialtrust.api.qr.LabelService labels;

    /** The path and query of a demo item's printed label, {@code /01/.../21/...?sig=...}, as its QR code links it. */
    protected String labelPath(final String serial) {
        final String uri = labels.uri(new com.serialtrust.api.ledger.Organisation("brand", "BrandMSP"), DemoApi.GTIN, serial)
                .block();
        return uri.substring(uri.indexOf("/01/"));
    }

    /** The demo's API key of an organisation, as its staff would present it. */
    protected String bearer(final String organisation) {
        return "Bearer " + DemoApi.apiKey(dataDir, organisation);
    }
}
