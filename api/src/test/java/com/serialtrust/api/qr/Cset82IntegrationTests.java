package com.serialtrust.api.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.Zbar;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Every character of GS1 set 82, in a serial and in a lot: registered, printed, scanned, verified, looked up. */
class Cset82IntegrationTests extends DemoIntegrationTest {

    /** GS1 AI encodable character set 82, in the order of the GS1 General Specifications' table. */
    static final String SET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    static final String GTIN = "09520123456788";

    @LocalServerPort
    int port;

    private URI local(final String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String segment(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void everyCharacterOfSet82RoundTripsThroughLabelScanAndVerification() throws Exception {
        assertThat(SET82).hasSize(82);
        assertThat(SET82.chars().distinct().count()).isEqualTo(82);
        final List<String> chunks = new ArrayList<>();
        for (int i = 0; i < SET82.length(); i += 17) {
            chunks.add(SET82.substring(i, Math.min(SET82.length(), i + 17)));
        }
        final List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            rows.add(Map.of("gtin", GTIN, "serial", chunks.get(i), "lot", chunks.get((i + 1) % chunks.size())));
        }
        final JsonNode registered = json.readTree(http.post().uri("/api/items").header("Authorization", bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(rows).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(registered.get("counts").path("REGISTERED").asInt()).as(registered.toString()).isEqualTo(chunks.size());

        for (Map<String, String> row : rows) {
            final String serial = row.get("serial");
            final String item = "/api/items/" + GTIN + "/" + segment(serial);
            final byte[] png = http.get().uri(local(item + "/label.png")).header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            final String scanned = Zbar.decode(png);
            final JsonNode verification = json.readTree(http.get().uri(local(scanned.substring(scanned.indexOf("/01/"))))
                    .accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            assertThat(verification.get("verdict").asString()).as("%s scanned as %s", serial, scanned).isEqualTo("GENUINE");
            assertThat(verification.get("item").get("serial").asString()).isEqualTo(serial);
            assertThat(verification.get("lot").asString()).isEqualTo(row.get("lot"));

            for (String path : List.of(item, item + "/history", item + "/history.epcis", item + "/label.svg")) {
                final int status = http.get().uri(local(path)).header("Authorization", bearer("brand")).exchange()
                        .expectBody().returnResult().getStatus().value();
                assertThat(status).as(path).isEqualTo(200);
            }
            final JsonNode looked = json.readTree(http.get().uri(local(item)).header("Authorization", bearer("retail")).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            assertThat(looked.get("serial").asString()).isEqualTo(serial);
        }
    }
}
