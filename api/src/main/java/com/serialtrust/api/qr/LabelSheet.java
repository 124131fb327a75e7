package com.serialtrust.api.qr;

import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A printable A4 sheet of labels: 4 across, 6 down, each a QR code of the item's Digital Link over its
 * GTIN and serial. The QR is drawn at one image pixel per module, scaled by the PDF, so it stays sharp.
 */
final class LabelSheet {

    /** One label: the text printed under the code, and the code's content. */
    record Label(String caption, String uri) {}

    static final int COLUMNS = 4;
    static final int ROWS = 6;
    private static final float MARGIN = 28;
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private LabelSheet() {}

    /**
     * PDFBox finds a system font behind Helvetica once per JVM, scanning every installed font: do it
     * at start, in the background, rather than in the first request for a sheet.
     */
    static void warmUp() {
        final Thread t = new Thread(() -> pdf("warm-up", List.of(new Label("warm-up", "https://example.invalid"))),
                "label-sheet-warm-up");
        t.setDaemon(true);
        t.start();
    }

    static byte[] pdf(final String title, final List<Label> labels) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            final PDRectangle a4 = PDRectangle.A4;
            final float cellWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
            final float cellHeight = (a4.getHeight() - 2 * MARGIN - 20) / ROWS;
            final float code = Math.min(cellWidth, cellHeight) - 26;
            for (int start = 0; start < Math.max(1, labels.size()); start += COLUMNS * ROWS) {
                final PDPage page = new PDPage(a4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    text(s, 9, MARGIN, a4.getHeight() - MARGIN - 9, title);
                    for (int i = start; i < Math.min(labels.size(), start + COLUMNS * ROWS); i++) {
                        final int cell = i - start;
                        final float x = MARGIN + (cell % COLUMNS) * cellWidth;
                        final float top = a4.getHeight() - MARGIN - 20 - (cell / COLUMNS) * cellHeight;
                        final BitMatrix modules = QrCodes.matrix(labels.get(i).uri());
                        final PDImageXObject image = LosslessFactory.createFromImage(doc,
                                MatrixToImageWriter.toBufferedImage(modules));
                        s.drawImage(image, x + (cellWidth - code) / 2, top - code, code, code);
                        text(s, 7, x + 6, top - code - 10, labels.get(i).caption());
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(final PDPageContentStream s, final float size, final float x, final float y, final String text)
            throws IOException {
        s.beginText();
        s.setFont(FONT, size);
        s.newLineAtOffset(x, y);
        s.showText(text.replaceAll("[^\\x20-\\x7E]", "?"));
        s.endText();
    }
}
