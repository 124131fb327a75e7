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
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the QR code in a photo of a label: phone photos are large, tilted, small in frame, noisy.
 * The image's size is checked before it is decoded (no decompression bombs); then the code is
 * sought at a sensible scale, with both of ZXing's binarizers, and in each quarter turn. A photo
 * where that finds nothing is tried again shrunk by averaging, then with its speckles filtered out:
 * with fine noise, ZXing missed about one code in 40 to 400 (by tilt and format) that one of these reads.
 */
final class PhotoDecoder {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    /**
     * The most bytes a photo is decoded into: a larger one is subsampled as it is read. A JPEG (or a grey
     * image) is decoded in grey, a byte a pixel, 12 megapixels at most; another in colour, counted at 4
     * bytes a pixel, 3 megapixels. Decoded whole and in colour, a 40-megapixel photo took 120 MB, more
     * than the api's heap.
     */
    static final long DECODED_BYTES = 12_000_000L;
    /** The longer edge the code is sought at: a sensible working scale first, then smaller, then larger. */
    private static final int[] EDGES = {1600, 800, 2400};
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
        // each scale sampled when first tried, and kept for the speckle filter: most photos read at the first
        final BufferedImage[] sampled = new BufferedImage[EDGES.length];
        final IntFunction<BufferedImage> sampledAt = i -> sampled[i] != null ? sampled[i] : (sampled[i] = scaled(image, EDGES[i]));
        final List<Supplier<BufferedImage>> candidates = new ArrayList<>();
        for (int i = 0; i < EDGES.length; i++) {
            final int at = i;
            candidates.add(() -> sampledAt.apply(at));
        }
        for (int edge : EDGES) {
            final int w = width(image, edge);
            final int h = height(image, edge);
            if (w < image.getWidth() && h < image.getHeight()) { // shrunk: averaging differs from sampling
                candidates.add(() -> averaged(image, w, h));
            }
        }
        for (int i = 0; i < EDGES.length; i++) {
            final int at = i;
            candidates.add(() -> median(sampledAt.apply(at)));
        }
        for (Supplier<BufferedImage> next : candidates) {
            final BufferedImage candidate = next.get();
            for (int turn = 0; turn < 4; turn++) {
                final Optional<String> text = attempt(turn == 0 ? candidate : rotate(candidate, turn));
                if (text.isPresent()) {
                    return text.get();
                }
            }
        }
        throw new ApiProblem(ApiError.QR_NOT_FOUND, "no QR code could be read in the photo; try closer, flatter, in more light");
    }

    /** The photo decoded, in grey where its reader can, subsampled to at most {@link #DECODED_BYTES}. */
    static BufferedImage read(final byte[] photo) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            final Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ApiProblem(ApiError.IMAGE_INVALID, "the upload is not a PNG, JPEG, GIF or BMP image");
            }
            final ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                final int width = reader.getWidth(0);
                final int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new ApiProblem(ApiError.PAYLOAD_TOO_LARGE, "a photo is at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                final ImageReadParam every = reader.getDefaultReadParam();
                // the code is sought in grey: a JPEG decoded in grey is its luma, with no colour worked out
                final Optional<ImageTypeSpecifier> grey = greyType(reader);
                grey.ifPresent(every::setDestinationType);
                final int step = subsampling(width, height, grey.isPresent() ? DECODED_BYTES : DECODED_BYTES / 4);
                every.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, every);
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

    /** The smallest step such that every step-th pixel of every step-th row is at most {@code pixels}. */
    static int subsampling(final long width, final long height, final long pixels) {
        int step = 1;
        while (((width + step - 1) / step) * ((height + step - 1) / step) > pixels) {
            step++;
        }
        return step;
    }

    /** The reader's grey 8-bit form of the image, if it offers one (JPEG's decoder does, from its luma). */
    private static Optional<ImageTypeSpecifier> greyType(final ImageReader reader) throws IOException {
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext();) {
            final ImageTypeSpecifier type = types.next();
            if (type.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
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

    /** The image in grey with its longer edge at {@code edge} pixels (never enlarged more than 4 times), sampled (bilinear). */
    private static BufferedImage scaled(final BufferedImage image, final int edge) {
        final int w = width(image, edge);
        final int h = height(image, edge);
        final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        final Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static double factor(final BufferedImage image, final int edge) {
        return Math.min(4.0, (double) edge / Math.max(image.getWidth(), image.getHeight()));
    }

    private static int width(final BufferedImage image, final int edge) {
        return Math.max(1, (int) Math.round(image.getWidth() * factor(image, edge)));
    }

    private static int height(final BufferedImage image, final int edge) {
        return Math.max(1, (int) Math.round(image.getHeight() * factor(image, edge)));
    }

    /**
     * The image shrunk to w by h grey pixels, each the mean luminance of the whole area it stands for,
     * which softens speckles that sampling keeps at full strength (one row of the photo in memory at a time).
     */
    static BufferedImage averaged(final BufferedImage image, final int w, final int h) {
        final int sw = image.getWidth();
        final int sh = image.getHeight();
        final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        final byte[] grey = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        final int[] column = new int[sw];
        final int[] columns = new int[w];
        for (int x = 0; x < sw; x++) {
            column[x] = (int) ((long) x * w / sw);
            columns[column[x]]++;
        }
        final long[] sums = new long[w];
        final int[] row = new int[sw];
        int y = 0;
        for (int oy = 0; oy < h; oy++) {
            final int end = (int) ((long) (oy + 1) * sh / h);
            java.util.Arrays.fill(sums, 0);
            final int rows = end - y;
            for (; y < end; y++) {
                luminances(image, y, row);
                for (int x = 0; x < sw; x++) {
                    sums[column[x]] += row[x];
                }
            }
            for (int ox = 0; ox < w; ox++) {
                grey[oy * w + ox] = (byte) (sums[ox] / ((long) rows * columns[ox]));
            }
        }
        return out;
    }

    /** Each pixel of a grey image the median of its 3 by 3 neighbourhood: speckles gone, edges kept. */
    static BufferedImage median(final BufferedImage grey) {
        final int w = grey.getWidth();
        final int h = grey.getHeight();
        final byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        final byte[] px = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        final int[] window = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    final int yy = Math.min(h - 1, Math.max(0, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        final int v = in[yy * w + Math.min(w - 1, Math.max(0, x + dx))] & 0xFF;
                        int i = n++;
                        while (i > 0 && window[i - 1] > v) {
                            window[i] = window[i - 1];
                            i--;
                        }
                        window[i] = v;
                    }
                }
                px[y * w + x] = (byte) window[4];
            }
        }
        return out;
    }

    /** Row y's luminances: a grey image's own levels (its RGB would be gamma-mapped), else from its colours. */
    private static void luminances(final BufferedImage image, final int y, final int[] row) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().getSamples(0, y, row.length, 1, 0, row);
            return;
        }
        image.getRGB(0, y, row.length, 1, row, 0, row.length);
        for (int x = 0; x < row.length; x++) {
            row[x] = luminance(row[x]);
        }
    }

    /** As ZXing weighs red, green and blue; a transparent pixel is white, as ZXing reads it. */
    private static int luminance(final int argb) {
        if (argb >>> 24 == 0) {
            return 0xFF;
        }
        return (306 * (argb >> 16 & 0xFF) + 601 * (argb >> 8 & 0xFF) + 117 * (argb & 0xFF) + 0x200) >> 10;
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
