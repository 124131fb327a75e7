package com.serialtrust.api.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.Zbar;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Labels as a printer gets them, read back by an independent decoder: zbarimg, from Debian's zbar-tools. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"serialtrust.demo.enabled=true", "serialtrust.qr.resolver-base=https://id.serialtrust.test"})
class LabelIntegrationTests extends DemoIntegrationTest {

    private WebTestClient.RequestHeadersSpec<?> get(final String path) {
        return http.get().uri(path).header("Authorization", bearer("brand"));
    }

    @Test
    void aPngLabelDecodesWithZbarimgToTheItemsDigitalLink() throws Exception {
        final byte[] png = get("/api/items/09520123456788/DEMO-0001/label.png?size=400").exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody().returnResult().getResponseBody();
        final String decoded = Zbar.decode(png);
        assertThat(decoded).startsWith("https://id.serialtrust.test/01/09520123456788/21/DEMO-0001?sig=");

        // the decoded link is the item's genuine label: the resolver says so
        http.get().uri(decoded.substring(decoded.indexOf("/01/"))).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("GENUINE");
    }

    @Test
    void anSvgLabelHoldsTheSameCodeAsThePng() {
        final String svg = new String(get("/api/items/09520123456788/DEMO-0001/label.svg").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        // a physical size: 0.5 mm a module, quiet zone included (57 modules for this link)
        assertThat(svg).startsWith("<svg").containsPattern("width=\"[0-9.]+mm\" height=\"[0-9.]+mm\" viewBox=\"0 0 ");
        final String uri = "https://id.serialtrust.test/01/09520123456788/21/DEMO-0001?sig=x";
        assertThat(QrCodes.svg(uri)).contains("<path");
    }

    @Test
    void labelsNeedAnApiKey() {
        http.get().uri("/api/items/09520123456788/DEMO-0001/label.png").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        http.get().uri("/api/items/09520123456788/DEMO-0001/label.png").header("Authorization", "Bearer st_wrong")
                .exchange().expectStatus().isUnauthorized().expectBody(Void.class);
    }

    @Test
    void anAbsurdSizeIsA400AndAnUnknownItemA404() {
        get("/api/items/09520123456788/DEMO-0001/label.png?size=100000").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        get("/api/items/09520123456788/DEMO-0001/label.png?size=big").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        get("/api/items/09520123456788/NOPE/label.png").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_FOUND");
        get("/api/lots/09520123456788/NO-SUCH-LOT/labels.pdf").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_FOUND");
        get("/api/items/09520123456789/DEMO-0001/label.png").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("GTIN_INVALID");
    }

    @Test
    void everyLabelOfAThousandItemLotsSheetScansWhenPrintedAt150Dpi() throws Exception {
        final java.util.List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(java.util.Map.of("gtin", "09520123456788", "serial", String.format("SHEET-%014d", i), "lot", "SHEET1"));
        }
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rows).exchange().expectStatus().isOk().expectBody(Void.class);

        final byte[] pdf = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 << 20)).build()
                .get().uri("/api/lots/09520123456788/SHEET1/labels.pdf").header("Authorization", bearer("brand"))
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody().returnResult().getResponseBody();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("24 labels a page").isEqualTo(42);
        }
        System.out.println("label sheet: 1,000 labels in " + pdf.length + " bytes");
        final java.util.List<String> decoded = Zbar.decodePdf(pdf, 150);
        assertThat(decoded).as("1,000 of 1,000 labels read").hasSize(1000).doesNotHaveDuplicates()
                .allMatch(uri -> uri.matches("https://id\\.serialtrust\\.test/01/09520123456788/10/SHEET1/21/SHEET-\\d{14}\\?sig=[A-Za-z0-9_-]{86}"));
        assertThat(decoded.stream().map(uri -> uri.replaceAll(".*/21/([^?]+)\\?.*", "$1")))
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(row -> row.get("serial")).toList());
        // a label read off the printed sheet is the item's genuine label
        for (final String uri : List.of(decoded.get(0), decoded.get(999))) {
            http.get().uri(uri.substring(uri.indexOf("/01/"))).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("GENUINE");
        }
    }
}
