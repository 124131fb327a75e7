package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.qr.LabelService;
import com.serialtrust.api.qr.QrCodes;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A photo of a label, uploaded: decoded with ZXing and verified, however it was taken. */
class PhotoIntegrationTests extends DemoIntegrationTest {

    @Autowired
    LabelService labels;

    private BufferedImage label() throws Exception {
        final String uri = labels.uri(new Organisation("brand", "BrandMSP"), "09520123456788", "DEMO-0001").block();
        return ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri, 300)));
    }

    /** A phone photo: a large, grey, noisy frame with the label small, tilted and off-centre. */
    static BufferedImage photo(final BufferedImage label, final double degrees, final int labelEdge) {
        final BufferedImage frame = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = frame.createGraphics();
        g.setColor(new Color(150, 140, 130));
        g.fillRect(0, 0, 3000, 2000);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), 1900, 700);
        g.drawImage(label, 1900 - labelEdge / 2, 700 - labelEdge / 2, labelEdge, labelEdge, null);
        g.dispose();
        final Random noise = new Random(42);
        for (int i = 0; i < 300_000; i++) {
            final int x = noise.nextInt(3000);
            final int y = noise.nextInt(2000);
            final int v = noise.nextBoolean() ? 0x202020 : 0xE0E0E0;
            frame.setRGB(x, y, v);
        }
        return frame;
    }

    static byte[] jpeg(final BufferedImage image) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    static byte[] png(final BufferedImage image) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void genuine(final byte[] upload, final MediaType type) {
        http.post().uri("/verify/photo").contentType(type).bodyValue(upload).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("GENUINE")
                .jsonPath("$.item.serial").isEqualTo("DEMO-0001")
                // the link as decoded, signature and all, on this resolver: what the page keeps in its address
                .jsonPath("$.link").isEqualTo(labelPath("DEMO-0001"));
    }

    private void problem(final byte[] upload, final int status, final String code) {
        http.post().uri("/verify/photo").contentType(MediaType.IMAGE_PNG).bodyValue(upload).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @Test
    void aTiltedNoisyPhotoWithTheLabelSmallInFrameVerifies() throws Exception {
        genuine(jpeg(photo(label(), 8, 420)), MediaType.IMAGE_JPEG);
    }

    @Test
    void aPhotoTakenUpsideDownOrSidewaysVerifies() throws Exception {
        genuine(jpeg(photo(label(), 180, 500)), MediaType.IMAGE_JPEG);
        genuine(png(photo(label(), 90, 500)), MediaType.IMAGE_PNG);
    }

    @Test
    void aJpegSentAsImageJpgVerifies() throws Exception {
        // not a registered type, but what some phones' and scripts' uploads say
        genuine(jpeg(photo(label(), 8, 420)), MediaType.parseMediaType("image/jpg"));
    }

    @Test
    void aTinyCroppedPhotoVerifies() throws Exception {
        final BufferedImage small = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(label(), 0, 0, 120, 120, null);
        g.dispose();
        genuine(png(small), MediaType.IMAGE_PNG);
    }

    @Test
    void aBrowserFormUploadVerifies() throws Exception {
        final var form = new org.springframework.http.client.MultipartBodyBuilder();
        form.part("photo", new org.springframework.core.io.ByteArrayResource(jpeg(photo(label(), 3, 600))) {
            @Override
            public String getFilename() {
                return "label.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        http.post().uri("/verify/photo").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("GENUINE");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** An 11 MB upload announced by its headers, as curl sends it (Expect: 100-continue): refused unread. */
    private String declaredTooLarge() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /verify/photo HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                    + "Content-Length: " + 11 * 1024 * 1024 + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            final byte[] reply = new byte[8192];
            final int n = socket.getInputStream().read(reply);
            return new String(reply, 0, Math.max(0, n), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void badPhotosAreClearProblems() throws Exception {
        problem("this is not an image".getBytes(), 400, "IMAGE_INVALID");
        problem(new byte[0], 400, "IMAGE_INVALID");
        problem(png(new BufferedImage(400, 400, BufferedImage.TYPE_BYTE_GRAY)), 422, "QR_NOT_FOUND");
        problem(png(new BufferedImage(8000, 6000, BufferedImage.TYPE_BYTE_BINARY)), 413, "PAYLOAD_TOO_LARGE");
        assertThat(declaredTooLarge()).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        final BufferedImage notALink = ImageIO.read(new ByteArrayInputStream(QrCodes.png("hello, world", 300)));
        problem(png(notALink), 400, "DIGITAL_LINK_INVALID");
    }

    @Test
    void photosAreReadOneAtATimeAndABurstBeyondThoseWaitingIsRefusedAtOnce() throws Exception {
        // a speckled photo without a code is the slowest to read: every scale, filter and turn is tried
        final byte[] slow = jpeg(photo(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), 0, 300));
        final WebTestClient patient = http.mutate().responseTimeout(Duration.ofSeconds(120)).build();
        final int sent = PhotoController.WAITING + 6;
        final ExecutorService clients = Executors.newFixedThreadPool(sent);
        try {
            final List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                answers.add(clients.submit(() -> {
                    final var answer = patient.post().uri("/verify/photo").contentType(MediaType.IMAGE_JPEG)
                            .bodyValue(slow).exchange().expectBody(String.class).returnResult();
                    // a refusal says when to try again
                    return answer.getStatus().value() + " Retry-After " + answer.getResponseHeaders().getFirst("Retry-After");
                }));
            }
            final Map<String, Long> byStatus = new TreeMap<>();
            for (Future<String> answer : answers) {
                byStatus.merge(answer.get(), 1L, Long::sum);
            }
            assertThat(byStatus.keySet()).as("statuses of %d photos sent at once", sent)
                    .containsExactly("422 Retry-After null", "429 Retry-After 2");
        } finally {
            clients.shutdownNow();
        }
    }
}
