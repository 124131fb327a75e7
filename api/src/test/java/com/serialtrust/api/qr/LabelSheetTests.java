package com.serialtrust.api.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.Zbar;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The label sheet as an office printer prints it, read back by zbarimg. */
class LabelSheetTests {

    /** The longest labels the api makes: 20-character serials and lots, a long resolver base, a signature. */
    private static List<LabelSheet.Label> longestLabels(final int n) {
        final Random random = new Random(42);
        final List<LabelSheet.Label> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final byte[] sig = new byte[64];
            random.nextBytes(sig);
            final String serial = String.format("WWWWWWWWWWWWWW%06d", i);
            labels.add(new LabelSheet.Label("09520123456788", serial,
                    "https://verify.brand-authenticity.example/01/09520123456788/10/LOT-MMMMMMMMMMMMMMMM/21/" + serial
                            + "?17=301231&sig=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig)));
        }
        return labels;
    }

    @Test
    void everyLabelOfAThousandLabelSheetScansAt150Dpi() throws Exception {
        final List<LabelSheet.Label> labels = longestLabels(1000);
        final byte[] pdf = LabelSheet.pdf("lot LOT-MMMMMMMMMMMMMMMM", labels);
        final List<String> decoded = Zbar.decodePdf(pdf, 150);
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(labels.stream().map(LabelSheet.Label::uri).toList());
    }

    @Test
    void everyCaptionStaysInsideItsLabelEvenForTheWidestSerial() throws Exception {
        final String widest = "W".repeat(20);
        final byte[] pdf = LabelSheet.pdf("lot L", List.of(new LabelSheet.Label("09520123456788", widest,
                "https://id.example/01/09520123456788/21/" + widest + "?sig=" + "A".repeat(86))));
        final List<float[]> extents = new ArrayList<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            final var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(final String text, final List<org.apache.pdfbox.text.TextPosition> glyphs) {
                    final var last = glyphs.get(glyphs.size() - 1);
                    extents.add(new float[] {glyphs.get(0).getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()});
                }
            };
            stripper.getText(doc);
        }
        // title, GTIN line and serial line; the first label's cell spans 10 mm to 10 mm + a quarter of the rest
        assertThat(extents).hasSize(3);
        final float mm = 72 / 25.4f;
        final float cellRight = 10 * mm + (org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getWidth() - 20 * mm) / 4;
        for (final float[] line : extents.subList(1, 3)) {
            assertThat(line[0]).as("caption starts inside the label").isGreaterThan(10 * mm);
            assertThat(line[1]).as("caption ends inside the label").isLessThan(cellRight);
        }
    }
}
