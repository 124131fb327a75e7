package com.serialtrust.api.verify;

import com.serialtrust.api.problem.ApiError;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.serialtrust.api.problem.ApiProblem;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the QR code in a photo of a label: phone photos are large, tilted, small in frame, noisy.
 * The image's size is checked before it is decoded (no decompression bombs); then the code is
 * sought at a sensible scale, with both of ZXing's binarizers, and in each quarter turn.
 */
final class PhotoDecoder {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    private static final int WORKING_EDGE = 1600;
    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private PhotoDecoder() {}

    /** The text of the QR code in the photo. */
    static String decode(final byte[] photo) {
        if (photo.length == 0) {
            throw new ApiProblem(ApiError.IMAGE_INVALID, "the upload is empty");
        }
        if (photo.length > MAX_BYTES) {
            throw new ApiProblem(ApiError.PAYLOAD_TOO_LARGE, "a photo is at most " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        final BufferedImage image = read(photo);
        for (BufferedImage candidate : List.of(scaled(image, WORKING_EDGE), scaled(image, 800), scaled(image, 2400))) {
            for (int turn = 0; turn < 4; turn++) {
                final BufferedImage turned = turn == 0 ? candidate : rotate(candidate, turn);
                final Optional<String> text = attempt(turned);
                if (text.isPresent()) {
                    return text.get();
                }
            }
        }
        throw new ApiProblem(ApiError.QR_NOT_FOUND, "no QR code could be read in the photo; try closer, flatter, in more light");
    }

    private static BufferedImage read(final byte[] photo) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            final Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ApiProblem(ApiError.IMAGE_INVALID, "the upload is not a PNG, JPEG, GIF or BMP image");
            }
            final ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                final long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ApiProblem(ApiError.PAYLOAD_TOO_LARGE, "a photo is at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw new ApiProblem(ApiError.IMAGE_INVALID, "the image could not be read");
        }
    }

    private static Optional<String> attempt(final BufferedImage image) {
        final LuminanceSource source = new BufferedImageLuminanceSource(image);
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, HINTS).getText());
            } catch (NotFoundException e) {
                // try the next binarizer or turn
            } catch (ReaderException e) {
                // a damaged code at this scale; another may read
            }
        }
        return Optional.empty();
    }

    /** The image with its longer edge at {@code edge} pixels (never enlarged more than 4 times). */
    private static BufferedImage scaled(final BufferedImage image, final int edge) {
        final int longer = Math.max(image.getWidth(), image.getHeight());
        final double factor = Math.min(4.0, (double) edge / longer);
        final int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        final int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        final Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage rotate(final BufferedImage image, final int quarterTurns) {
        final boolean swap = quarterTurns % 2 == 1;
        final int w = swap ? image.getHeight() : image.getWidth();
        final int h = swap ? image.getWidth() : image.getHeight();
        final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        final Graphics2D g = out.createGraphics();
        g.translate(w / 2.0, h / 2.0);
        g.rotate(Math.PI / 2 * quarterTurns);
        g.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
