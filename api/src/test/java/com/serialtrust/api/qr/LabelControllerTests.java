package com.serialtrust.api.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.security.StaffSlice;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Labels alone, on the api's security, with the label service (and so the ledger) faked: encode, render, decode. */
@WebFluxTest(LabelController.class)
@Import(StaffSlice.class)
class LabelControllerTests {

    private static final String LINK = "http://localhost:8080/01/09520123456788/10/L7/21/DEMO-0002?sig=abc_DEF-123";

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private LabelService labels;

    @Test
    void aPngLabelDecodesToExactlyTheItemsDigitalLinkAndIsCachedPrivately() throws Exception {
        when(labels.uri(any(), any(), any())).thenReturn(Mono.just(LINK));

        final byte[] png = http.get().uri("/api/items/09520123456788/DEMO-0002/label.png?size=400")
                .header("Authorization", StaffSlice.bearer("brand"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueMatches("Cache-Control", ".*private.*")
                .expectBody(byte[].class).returnResult().getResponseBody();

        final var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).as("whole pixels per module, at most the size asked").isBetween(300, 400);
        final String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(LINK);
        verify(labels).uri(new Organisation("brand", "BrandMSP"), "09520123456788", "DEMO-0002");
    }

    @Test
    void aSizeOutsideTheLimitsIsRefusedBeforeTheLedgerIsAsked() {
        for (String size : List.of("63", "2001")) {
            http.get().uri("/api/items/09520123456788/DEMO-0002/label.png?size=" + size)
                    .header("Authorization", StaffSlice.bearer("brand"))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").isEqualTo("size is 64 to 2000 pixels, not " + size);
        }
        verifyNoInteractions(labels);
    }

    @Test
    void aSheetForALotWithoutItemsIsNotFoundRatherThanAnEmptyPage() {
        when(labels.lot(any(), eq("09520123456788"), eq("NO-LOT"))).thenReturn(Mono.just(List.of()));

        http.get().uri("/api/lots/09520123456788/NO-LOT/labels.pdf").header("Authorization", StaffSlice.bearer("brand"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_FOUND");
    }
}
