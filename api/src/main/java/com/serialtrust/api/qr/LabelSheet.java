package com.serialtrust.api.qr;

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
import org.apache.pdfbox.util.Matrix;

/**
 * A printable A4 sheet of labels, 4 across and 6 down. Each label is a QR code of the item's Digital
 * Link drawn as vector modules on a printer's dot grid (GS1's target X-dimension for a QR code on
 * consumer goods, with its four-module quiet zone), so a 150 dpi office printer still resolves every
 * module, and its GTIN and serial printed inside the label's outline.
 */
final class LabelSheet {

    /** One label: the identifiers printed under the code, and the code's content. */
    record Label(String gtin, String serial, String uri) {}

    static final int COLUMNS = 4;
    static final int ROWS = 6;
    private static final float MM = 72 / 25.4f;
    private static final float MARGIN = 10 * MM;
    private static final float TITLE = 7 * MM;
    private static final float PADDING = 1.5f * MM;
    /** GS1's smallest X-dimension for this use: a code never shrinks below it to fit a label. */
    private static final float MIN_MODULE = 0.4f * MM;
    /**
     * A module is 0.02 inch (0.508 mm, GS1's target X-dimension) and starts on that grid from the
     * page's top left: whole dots for a 150, 300 or 600 dpi printer, so no module is split between
     * dots, which is what made codes unreadable at 150 dpi.
     */
    private static final float DOTS = 0.02f * 72;
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float CAPTION_SIZE = 7;
    private static final float MIN_CAPTION_SIZE = 4;
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private LabelSheet() {}

    /**
     * PDFBox finds a system font behind Helvetica once per JVM, scanning every installed font: do it
     * at start, in the background, rather than in the first request for a sheet.
     */
    static void warmUp() {
        final Thread t = new Thread(() -> pdf("warm-up", List.of(new Label("0", "warm-up", "https://example.invalid"))),
                "label-sheet-warm-up");
        t.setDaemon(true);
        t.start();
    }

    static byte[] pdf(final String title, final List<Label> labels) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            final PDRectangle a4 = PDRectangle.A4;
            final float cellWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
            final float cellHeight = (a4.getHeight() - 2 * MARGIN - TITLE) / ROWS;
            final int perPage = COLUMNS * ROWS;
            for (int start = 0; start < Math.max(1, labels.size()); start += perPage) {
                final PDPage page = new PDPage(a4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    text(s, 9, MARGIN, a4.getHeight() - MARGIN - 9, title);
                    for (int i = start; i < Math.min(labels.size(), start + perPage); i++) {
                        final int cell = i - start;
                        final float left = MARGIN + (cell % COLUMNS) * cellWidth;
                        final float bottom = a4.getHeight() - MARGIN - TITLE - (cell / COLUMNS + 1) * cellHeight;
                        label(s, labels.get(i), left, bottom, cellWidth, cellHeight);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One label in its cell: a hairline outline to cut along, the code centred, two caption lines. */
    private static void label(final PDPageContentStream s, final Label label, final float left, final float bottom,
            final float width, final float height) throws IOException {
        s.setStrokingColor(0.75f);
        s.setLineWidth(0.25f);
        s.addRect(left, bottom, width, height);
        s.stroke();

        final String[] caption = {"(01) " + label.gtin(), "(21) " + label.serial()};
        final float size = captionSize(caption, width - 2 * PADDING);
        final float captionHeight = 2 * size * 1.25f;
        final BitMatrix modules = QrCodes.matrix(label.uri());
        final float room = Math.min(width, height - captionHeight) - 2 * PADDING;
        final float module = Math.max(MIN_MODULE, Math.min(DOTS, room / modules.getWidth()));
        final float edge = module * modules.getWidth();
        final float codeLeft = onDots(left + (width - edge) / 2);
        final float codeTop = PAGE_HEIGHT - onDots(PAGE_HEIGHT - (bottom + height - PADDING));
        modules(s, modules, codeLeft, codeTop, module);

        s.setNonStrokingColor(0f);
        float baseline = codeTop - edge - size;
        for (final String line : caption) {
            text(s, size, left + (width - FONT.getStringWidth(printable(line)) / 1000 * size) / 2, baseline, line);
            baseline -= size * 1.25f;
        }
    }

    /**
     * The dark modules as one filled path, a rectangle per horizontal run, in module units (short
     * integers in the content stream). Runs are drawn a hair taller than a module so that anti-aliased
     * renderers leave no light seam between rows.
     */
    private static void modules(final PDPageContentStream s, final BitMatrix modules, final float left, final float top,
            final float module) throws IOException {
        s.saveGraphicsState();
        s.transform(new Matrix(module, 0, 0, -module, left, top));
        s.setNonStrokingColor(0f);
        for (int y = 0; y < modules.getHeight(); y++) {
            int x = 0;
            while (x < modules.getWidth()) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                final int run = x;
                while (x < modules.getWidth() && modules.get(x, y)) {
                    x++;
                }
                s.addRect(run, y, x - run, y + 1 < modules.getHeight() ? 1.02f : 1);
            }
        }
        s.fill();
        s.restoreGraphicsState();
    }

    private static float onDots(final float points) {
        return Math.round(points / DOTS) * DOTS;
    }

    /** The largest size up to 7 pt at which every caption line fits the label's width. */
    private static float captionSize(final String[] lines, final float width) throws IOException {
        float widest = 0;
        for (final String line : lines) {
            widest = Math.max(widest, FONT.getStringWidth(printable(line)) / 1000);
        }
        return Math.max(MIN_CAPTION_SIZE, Math.min(CAPTION_SIZE, width / widest));
    }

    private static String printable(final String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static void text(final PDPageContentStream s, final float size, final float x, final float y, final String text)
            throws IOException {
        s.beginText();
        s.setFont(FONT, size);
        s.newLineAtOffset(x, y);
        s.showText(printable(text));
        s.endText();
    }
}
