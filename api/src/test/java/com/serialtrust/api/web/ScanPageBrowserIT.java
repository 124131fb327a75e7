package com.serialtrust.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.qr.LabelService;
import com.serialtrust.api.qr.QrCodes;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The public scan page in real Chromium (Debian's, driven by Playwright), against the api on the
 * embedded ledger: a label filmed by the fake camera, a stolen item, a photo upload, typed numbers,
 * and an owner's claim. Screenshots of each verdict go to {@code target/screenshots/}.
 */
class ScanPageBrowserIT extends DemoIntegrationTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    LabelService labels;

    private String label(final String serial) {
        return labels.uri(new Organisation("brand", "BrandMSP"), "09520123456788", serial).block();
    }

    /** Types the demo GTIN and a serial on a fresh scan page, as someone without a camera does, and checks. */
    private void typeNumbers(final Page page, final String serial) {
        page.navigate("http://localhost:" + port + "/app/");
        page.getByLabel("GTIN (8 to 14 digits)").fill("09520123456788");
        page.getByLabel("Serial number").fill(serial);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
    }

    /** The label's link on this server: what a phone opens after scanning. */
    private String local(final String labelUri) {
        return "http://localhost:" + port + labelUri.substring(labelUri.indexOf("/01/"));
    }

    private static Page page(final Chromium chromium, final int width, final int height) {
        final BrowserContext context = chromium.context(new Browser.NewContextOptions()
                .setViewportSize(width, height).setDeviceScaleFactor(1));
        context.grantPermissions(java.util.List.of("camera"));
        return context.newPage();
    }

    private static void shot(final Page page, final String name) throws Exception {
        Files.createDirectories(SHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    @Test
    void theCameraReadsALabelAndTheVerdictIsGenuineWithItsSignatureCheckedInTheBrowser() throws Exception {
        final byte[] png = QrCodes.png(label("DEMO-0001"), 300);
        final Path video = Y4m.of(ImageIO.read(new ByteArrayInputStream(png)), 300,
                Files.createTempFile("label", ".y4m"));
        try (Chromium chromium = Chromium.withFakeCamera(video)) {
            final Page page = page(chromium, 360, 740);
            final java.util.List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
            page.onPageError(e -> console.add("page error: " + e));
            page.navigate("http://localhost:" + port + "/app/");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Scan the QR code with the camera")).click();
            try {
                assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "GENUINE",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            } catch (AssertionError e) {
                // what the page saw, so that a failure here can be told apart from a slow camera
                throw new AssertionError("camera scan gave no verdict; page state " + page.evaluate("""
                        () => { const v = document.getElementById('video');
                          return { url: location.href, status: document.getElementById('camera-status').textContent,
                            error: document.getElementById('scan-error').textContent, readyState: v.readyState,
                            width: v.videoWidth, paused: v.paused }; }""") + "; console " + console, e);
            }
            assertThat(page.locator("#verdict")).hasText("Genuine");
            assertThat(page.locator("#signature")).containsText("valid — checked in this browser");
            assertThat(page.locator("#details")).containsText("Trail watch");
            assertThat(page.locator("#proof-details")).containsText("Block");
            assertThat(page).hasURL(Pattern.compile(".*/01/09520123456788/21/DEMO-0001\\?sig=.*"));
            shot(page, "genuine-360.png");

            final Page desktop = page(chromium, 1280, 800);
            desktop.navigate(local(label("DEMO-0001")));
            assertThat(desktop.locator("#verdict")).hasAttribute("data-verdict", "GENUINE");
            shot(desktop, "genuine-desktop.png");
        }
    }

    @Test
    void aStolenItemSaysStolen() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            for (int[] size : new int[][] {{360, 740}, {1280, 800}}) {
                final Page page = page(chromium, size[0], size[1]);
                final java.util.List<String> checks = new java.util.concurrent.CopyOnWriteArrayList<>();
                page.onRequest(request -> {
                    if (request.url().contains("/01/")) {
                        checks.add(request.url());
                    }
                });
                final com.microsoft.playwright.Response response = page.navigate(local(label("DEMO-0004")));
                org.assertj.core.api.Assertions.assertThat(response.headerValue("content-security-policy"))
                        .contains("script-src 'self' 'wasm-unsafe-eval'").contains("frame-ancestors 'none'");
                assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "STOLEN");
                // the page shows the verification it came with: one scan is one check, counted once
                org.assertj.core.api.Assertions.assertThat(checks).hasSize(1);
                assertThat(page.locator("#verdict")).hasText("Stolen");
                assertThat(page.locator("#details")).containsText("Reported stolen on 2026-01-15");
                org.assertj.core.api.Assertions.assertThat(page.content()).as("where it was stolen is for the police")
                        .doesNotContain("Demo warehouse");
                shot(page, "stolen-" + (size[0] == 360 ? "360" : "desktop") + ".png");
            }
        }
    }

    @Test
    void aPhotoUploadAndTypedNumbersBothGetAVerdict() throws Exception {
        final Path photo = Files.createTempFile("label", ".png");
        Files.write(photo, QrCodes.png(label("DEMO-0002"), 400));
        try (Chromium chromium = Chromium.start()) {
            final Page page = page(chromium, 360, 740);
            page.navigate("http://localhost:" + port + "/app/");
            page.getByLabel("Or upload a photo of the label").setInputFiles(photo);
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "GENUINE");
            shot(page, "upload-360.png");

            typeNumbers(page, "NOT-REGISTERED");
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "UNREGISTERED");
            assertThat(page.locator("#verdict")).hasText("Not registered");
            shot(page, "unregistered-360.png");

            // typed numbers of a registered item: its label's signature was not checked, so never "Genuine"
            typeNumbers(page, "DEMO-0002");
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "SIGNATURE_MISSING");
            assertThat(page.locator("#verdict")).hasText("Signature not checked");
            assertThat(page.locator("#verdict-text")).containsText("scan the QR code");
            org.assertj.core.api.Assertions.assertThat(page.locator("#verdict").evaluate("e => getComputedStyle(e).backgroundColor"))
                    .as("amber, as a recall is").isEqualTo("rgb(122, 75, 0)");
            shot(page, "signature-missing-360.png");
        }
    }

    @Test
    void theBuyerClaimsTheirItemOnThePage() {
        final Map<String, Object> items = Map.of("items", java.util.List.of(Map.of("gtin", "09520123456788", "serial", "DEMO-0003")));
        http.post().uri("/api/shipments").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("items", items.get("items"), "to", "RetailMSP")).exchange().expectStatus().isOk();
        http.post().uri("/api/receipts").header("Authorization", bearer("retail")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(items).exchange().expectStatus().isOk();
        final String claimSecret = json.readTree(http.post().uri("/api/items/09520123456788/DEMO-0003/sale")
                .header("Authorization", bearer("retail")).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("claimSecret").asString();
        try (Chromium chromium = Chromium.start()) {
            final Page page = page(chromium, 360, 740);
            page.navigate(local(label("DEMO-0003")));
            assertThat(page.locator("#details")).containsText("Active until");
            page.getByText("I own this item").click();
            page.getByLabel("Claim code from your receipt").fill(claimSecret);
            page.getByLabel("A secret of your own (12 or more characters)").fill("my own secret 42");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim")).click();
            assertThat(page.locator("#owner-message")).hasText("Done: recorded on the ledger.");
        }
    }

    @Test
    void axeFindsNoWcagViolationOnTheScanPageOrAnyVerdictOnAPhoneOrADesktop() {
        final Map<String, String> verdicts = Map.of(
                "GENUINE", local(label("DEMO-0001")),
                "STOLEN", local(label("DEMO-0004")),
                "UNREGISTERED", "http://localhost:" + port + "/01/09520123456788/21/NOT-REGISTERED",
                "SIGNATURE_INVALID", local(label("DEMO-0001")).replaceAll("sig=.*", "sig=" + "A".repeat(86)),
                "SIGNATURE_MISSING", local(label("DEMO-0001")).replaceAll("\\?sig=.*", ""));
        try (Chromium chromium = Chromium.start()) {
            for (int[] size : new int[][] {{360, 740}, {1280, 800}}) {
                final Page page = page(chromium, size[0], size[1]);
                page.navigate("http://localhost:" + port + "/app/");
                Axe.assertAccessible(page, "the scan page at " + size[0] + " px");
                for (Map.Entry<String, String> verdict : verdicts.entrySet()) {
                    page.navigate(verdict.getValue());
                    assertThat(page.locator("#verdict")).hasAttribute("data-verdict", verdict.getKey());
                    Axe.assertAccessible(page, "the " + verdict.getKey() + " verdict at " + size[0] + " px");
                }
                page.context().close();
            }
        }
    }

    @Test
    void aLabelWithABrokenSignatureGetsThePageSayingWhyNotJson() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            final Page page = page(chromium, 360, 740);
            final com.microsoft.playwright.Response response = page.navigate(local(label("DEMO-0001")).replaceAll("sig=.*", "sig=AAAA"));
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(400);
            org.assertj.core.api.Assertions.assertThat(response.headerValue("content-type")).startsWith("text/html");
            assertThat(page.locator("#scan-error")).containsText("This label cannot be checked: a label's sig is 64 bytes");
            assertThat(page.locator("#start-camera")).isVisible();
            shot(page, "signature-malformed-360.png");
        }
    }

    @Test
    void thePageWorksFromTheKeyboardAndEveryFieldHasALabel() {
        try (Chromium chromium = Chromium.start()) {
            final Page page = page(chromium, 360, 740);
            page.navigate("http://localhost:" + port + "/app/");
            for (com.microsoft.playwright.Locator input : page.locator("input, textarea").all()) {
                final String id = input.getAttribute("id");
                org.assertj.core.api.Assertions.assertThat(page.locator("label[for='" + id + "']").count())
                        .as("a label for #%s", id).isEqualTo(1);
            }
            // Tab from the top reaches the camera button first, then the photo and the typed form
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(page.locator("#start-camera")).isFocused();
            page.locator("#gtin").focus();
            page.keyboard().type("09520123456788");
            page.keyboard().press("Tab");
            page.keyboard().type("DEMO-0004");
            page.keyboard().press("Enter");
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "STOLEN");
            // the verdict is announced: it sits in a live region with the status role
            assertThat(page.locator("#result")).hasAttribute("aria-live", "polite");
            assertThat(page.locator("#verdict")).hasAttribute("role", "status");
        }
    }
}
