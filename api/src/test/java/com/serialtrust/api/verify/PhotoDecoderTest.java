package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.qr.QrCodes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The photo decoder without a server: what it reads, and how it shrinks a photo first. */
class PhotoDecoderTest {

    /**
     * A label whose photo (3° of tilt, speckled) ZXing could not find at any scale while the photo was
     * shrunk by sampling: one of 400 random labels, and the one that failed a CI run's upload test.
     */
    private static final String UNLUCKY = "http://localhost:52769/01/09520123456788/21/DEMO-0001"
            + "?sig=0HuxYh4Yfsduy3JrDeo8T-34CyJdzM3DVo9hI4EGqlcX048pKpuQI9KUDTOXRw7g9a_MjXA9qkW_2HsNzzXN8Q";

    /** One of 40 labels whose speckled photo, turned a quarter, as PNG, neither sampling nor averaging read. */
    private static final String UNLUCKY_TURNED = "http://localhost:55645/01/09520123456788/21/DEMO-0001"
            + "?sig=RtUIvG_iTQgixhuNRqBj9XZHVA8YX-J1SYhmDR78w4Vbx09AKWtmA-54YQa_TKDlRYIZX6qT6-6vwdEsNT2XbA";

    private static BufferedImage label(final String uri) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri, 300)));
    }

    @Test
    void aSpeckledPhotoIsReadOnceShrunkByAveraging() throws Exception {
        assertThat(PhotoDecoder.decode(PhotoIntegrationTests.jpeg(PhotoIntegrationTests.photo(label(UNLUCKY), 3, 600))))
                .isEqualTo(UNLUCKY);
    }

    @Test
    void aSpeckledPhotoIsReadOnceItsSpecklesAreFilteredOut() throws Exception {
        assertThat(PhotoDecoder.decode(PhotoIntegrationTests.png(PhotoIntegrationTests.photo(label(UNLUCKY_TURNED), 90, 500))))
                .isEqualTo(UNLUCKY_TURNED);
    }

    @Test
    void theMedianFilterRemovesALoneSpeckleAndKeepsAnEdge() {
        final BufferedImage grey = new BufferedImage(6, 5, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 6; x++) {
                grey.getRaster().setSample(x, y, 0, x < 3 ? 20 : 230);
            }
        }
        grey.getRaster().setSample(1, 2, 0, 255); // a light speckle in the dark half
        final BufferedImage filtered = PhotoDecoder.median(grey);
        assertThat(filtered.getRaster().getSample(1, 2, 0)).isEqualTo(20);
        for (int y = 0; y < 5; y++) {
            assertThat(filtered.getRaster().getSample(2, y, 0)).isEqualTo(20);
            assertThat(filtered.getRaster().getSample(3, y, 0)).isEqualTo(230);
        }
    }

    @Test
    void eachShrunkPixelIsTheMeanOfItsAreaAndTransparencyIsWhite() {
        final BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        final int[] greys = {0, 40, 200, 255, 80, 120, 255, 255};
        for (int i = 0; i < greys.length; i++) {
            final int g = greys[i];
            image.setRGB(i % 4, i / 4, 0xFF000000 | g << 16 | g << 8 | g);
        }
        image.setRGB(3, 1, 0x00000000); // transparent black: white, as ZXing reads it
        final BufferedImage shrunk = PhotoDecoder.averaged(image, 2, 1);
        assertThat(shrunk.getRaster().getSample(0, 0, 0)).isEqualTo((0 + 40 + 80 + 120) / 4);
        assertThat(shrunk.getRaster().getSample(1, 0, 0)).isEqualTo((200 + 255 + 255 + 255) / 4);
    }

    @Test
    void aPhotoOverTwelveMegapixelsIsDecodedSubsampledAndStillRead() throws Exception {
        final String uri = "https://id.gs1.org/01/09520123456788/21/12345";
        final BufferedImage photo = new BufferedImage(7000, 5000, BufferedImage.TYPE_BYTE_GRAY); // 35 megapixels
        final java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 7000, 5000);
        g.drawImage(label(uri), 4000, 1500, 1200, 1200, null);
        g.dispose();
        final byte[] png = PhotoIntegrationTests.png(photo);
        final BufferedImage decoded = PhotoDecoder.read(png);
        assertThat(decoded.getWidth()).as("every second pixel").isEqualTo(3500);
        assertThat(decoded.getHeight()).isEqualTo(2500);
        assertThat(PhotoDecoder.decode(png)).isEqualTo(uri);
    }

    @Test
    void theSubsamplingStepIsTheSmallestThatFitsTwelveMegapixels() {
        final long twelve = 12_000_000L;
        assertThat(PhotoDecoder.subsampling(3000, 2000, twelve)).isEqualTo(1);
        assertThat(PhotoDecoder.subsampling(4000, 3000, twelve)).as("12 megapixels exactly").isEqualTo(1);
        assertThat(PhotoDecoder.subsampling(4001, 3000, twelve)).isEqualTo(2);
        assertThat(PhotoDecoder.subsampling(7745, 5164, twelve)).as("40 megapixels").isEqualTo(2);
        assertThat(PhotoDecoder.subsampling(12_000_001, 1, twelve)).as("a strip").isEqualTo(2);
        assertThat(PhotoDecoder.subsampling(6325, 6325, twelve)).isEqualTo(2);
    }

    @Test
    void aTwelveMegapixelJpegIsDecodedWholeInGreyAndAColourPngSubsampled() throws Exception {
        final String uri = "https://id.gs1.org/01/09520123456788/21/12345";
        final BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        final java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(new java.awt.Color(250, 240, 200)); // a colour: decoded in grey all the same
        g.fillRect(0, 0, 4000, 3000);
        g.drawImage(label(uri), 2500, 1000, 900, 900, null);
        g.dispose();
        final byte[] jpeg = PhotoIntegrationTests.jpeg(photo);
        final BufferedImage grey = PhotoDecoder.read(jpeg);
        assertThat(grey.getType()).as("a byte a pixel: 12 MB").isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(grey.getWidth()).isEqualTo(4000);
        assertThat(PhotoDecoder.decode(jpeg)).isEqualTo(uri);
        final byte[] png = PhotoIntegrationTests.png(photo);
        final BufferedImage colour = PhotoDecoder.read(png);
        assertThat(colour.getWidth()).as("in colour: at most 3 megapixels, every second pixel").isEqualTo(2000);
        assertThat(PhotoDecoder.decode(png)).isEqualTo(uri);
    }

    @Test
    void aGreyImageIsAveragedFromItsOwnLevels() {
        final BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        final int[] levels = {0, 40, 80, 120};
        for (int i = 0; i < levels.length; i++) {
            grey.getRaster().setSample(i % 2, i / 2, 0, levels[i]);
        }
        assertThat(PhotoDecoder.averaged(grey, 1, 1).getRaster().getSample(0, 0, 0)).isEqualTo(60);
    }
}
