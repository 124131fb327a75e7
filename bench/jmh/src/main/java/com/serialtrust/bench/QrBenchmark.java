package com.serialtrust.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A label's QR code as the api makes it (ECC M, quiet zone 4, PNG) and reads it back. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QrBenchmark {

    static final String URI = "https://id.serialtrust.test/01/09520123456788/10/LOT7/21/SERIAL-000123"
            + "?sig=FT96MaNIM727fSRMVMMSWo73PZqErosli8XJkumD-an9LqJx-ey3rwWxCBFVzsAi_TpSYCdt3_0fizb2R9pCCw";

    private BufferedImage image;

    @Setup
    public void setUp() throws Exception {
        image = ImageIO.read(new ByteArrayInputStream(png()));
    }

    @Benchmark
    public BitMatrix encodeMatrix() throws Exception {
        return new QRCodeWriter().encode(URI, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
    }

    @Benchmark
    public byte[] encodePng() throws Exception {
        return png();
    }

    @Benchmark
    public String decode() throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static byte[] png() throws Exception {
        final BitMatrix modules = new QRCodeWriter().encode(URI, BarcodeFormat.QR_CODE, 300, 300,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(modules, "PNG", out);
        return out.toByteArray();
    }
}
