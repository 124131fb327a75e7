package com.serialtrust.api.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** QR codes for labels: error correction M (a scratched label still scans), a four-module quiet zone. */
public final class QrCodes {

    private static final int QUIET_ZONE = 4;

    private QrCodes() {}

    /** The modules of the QR code for {@code text}, one matrix cell per module. */
    static BitMatrix matrix(final String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    /** A PNG about {@code size} pixels wide, scaled by whole pixels per module so edges stay sharp. */
    public static byte[] png(final String text, final int size) {
        final BitMatrix modules = matrix(text);
        final int scale = Math.max(1, size / modules.getWidth());
        final BitMatrix scaled = new BitMatrix(modules.getWidth() * scale);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    scaled.setRegion(x * scale, y * scale, scale, scale);
                }
            }
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(scaled, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The printed size of one module of an SVG label: 0.5 mm, within GS1's X-dimension range for a QR
     * code on consumer goods (0.396 mm at least), so that a phone reads it at arm's length.
     */
    static final double MODULE_MM = 0.5;

    /** An SVG with one path of unit squares, {@link #MODULE_MM} a module when printed at its size. */
    public static String svg(final String text) {
        final BitMatrix modules = matrix(text);
        final StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        final int n = modules.getWidth();
        final String edge = java.math.BigDecimal.valueOf(n * MODULE_MM).stripTrailingZeros().toPlainString() + "mm";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + edge + "\" height=\"" + edge + "\" viewBox=\"0 0 "
                + n + " " + n + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }
}
