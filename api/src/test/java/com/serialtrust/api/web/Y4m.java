package com.serialtrust.api.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A YUV4MPEG2 video, the format Chromium's fake camera plays: still images, a few frames each. */
final class Y4m {

    private Y4m() {}

    /** A 640×480 grey scene with {@code image} in the middle, {@code edge} pixels wide. */
    static Path of(final BufferedImage image, final int edge, final Path file) throws IOException {
        return of(List.of(image), edge, 10, file);
    }

    /**
     * A 640×480 grey scene showing each of {@code images} in turn in the middle, {@code edge} pixels wide,
     * for {@code framesEach} frames (a tenth of a second each); the fake camera plays it in a loop.
     */
    static Path of(final List<BufferedImage> images, final int edge, final int framesEach, final Path file) throws IOException {
        final int w = 640;
        final int h = 480;
        final byte[] chroma = new byte[(w / 2) * (h / 2)];
        java.util.Arrays.fill(chroma, (byte) 128);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (BufferedImage image : images) {
                final BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                final Graphics2D g = frame.createGraphics();
                g.setColor(new Color(170, 170, 170));
                g.fillRect(0, 0, w, h);
                g.drawImage(image, (w - edge) / 2, (h - edge) / 2, edge, edge, null);
                g.dispose();
                final byte[] luma = new byte[w * h];
                frame.getRaster().getDataElements(0, 0, w, h, luma);
                for (int i = 0; i < framesEach; i++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(luma);
                    out.write(chroma);
                    out.write(chroma);
                }
            }
        }
        return file;
    }
}
