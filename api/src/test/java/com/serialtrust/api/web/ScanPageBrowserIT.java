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
            assertThat(page.locator("#details")).containsText("Trail Watch Company (demo)");
            org.assertj.core.api.Assertions.assertThat(page.locator("#details").innerText()).doesNotContain("BrandMSP");
            assertThat(page.locator("#proof-details")).containsText("Block");
            assertThat(page).hasURL(Pattern.compile(".*/01/09520123456788/21/DEMO-0001\\?sig=.*"));
            shot(page, "genuine-360.png");

            // a second visit: the page is asked for again, its scripts, style and decoder come from the cache
            page.navigate("http://localhost:" + port + "/app/");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Scan the QR code with the camera")).click();
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "GENUINE",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            final Object transferred = page.evaluate("""
                    () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                      .map((e) => `${e.transferSize} ${e.name}`)""");
            final java.util.List<?> entries = (java.util.List<?>) transferred;
            final long bytes = entries.stream().mapToLong(e -> Long.parseLong(e.toString().split(" ")[0])).sum();
            System.out.printf("second visit: %d bytes transferred in %d requests: %s%n", bytes, entries.size(), entries);
            org.assertj.core.api.Assertions.assertThat(bytes).as("bytes a second visit transfers, scan included: %s", entries)
                    .isPositive().isLessThan(20 * 1024);
            org.assertj.core.api.Assertions.assertThat(entries.toString()).as("the decoder was used").contains(".wasm");

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
                .bodyValue(Map.of("items", items.get("items"), "to", "RetailMSP")).exchange().expectStatus().isOk().expectBody(Void.class);
        http.post().uri("/api/receipts").header("Authorization", bearer("retail")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(items).exchange().expectStatus().isOk().expectBody(Void.class);
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
            // the verdict is announced (it sits in a live region) and is the page's level-one heading
            assertThat(page.locator("#result")).hasAttribute("aria-live", "polite");
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                    new Page.GetByRoleOptions().setLevel(1).setName("Stolen"))).isVisible();
        }
    }

    /** A sold item with a lot and an expiry date in its label's link; returns its claim code. */
    private String soldWithLot(final String serial) {
        http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.List.of(Map.of("gtin", "09520123456788", "serial", serial, "lot", "L-OWN/7",
                        "expiryDate", "291231"))).exchange().expectStatus().isOk().expectBody(Void.class);
        final Map<String, Object> items = Map.of("items", java.util.List.of(Map.of("gtin", "09520123456788", "serial", serial)));
        http.post().uri("/api/shipments").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("items", items.get("items"), "to", "RetailMSP")).exchange().expectStatus().isOk().expectBody(Void.class);
        http.post().uri("/api/receipts").header("Authorization", bearer("retail")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(items).exchange().expectStatus().isOk().expectBody(Void.class);
        return json.readTree(http.post().uri("/api/items/09520123456788/" + serial + "/sale")
                .header("Authorization", bearer("retail")).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("claimSecret").asString();
    }

    /** A fresh signature of an element string with the demo brand's own key: valid, and not the one registered. */
    private String resigned(final String elementString) throws Exception {
        final java.security.PrivateKey key = java.security.KeyFactory.getInstance("EC").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getMimeDecoder().decode(
                        Files.readString(dataDir.resolve("demo/brand-signing-key.pk8")).strip())));
        final java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key);
        signer.update(elementString.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    private static final com.microsoft.playwright.options.AriaRole BUTTON = com.microsoft.playwright.options.AriaRole.BUTTON;

    /**
     * Every path of a consumer ends in a clear answer, in one Chromium whose camera films a genuine
     * label: the owner's actions on a label with a lot, a forged label's photo read by the server and
     * then reloaded, the network lost before and after a scan, a typing slip, and no missing file.
     */
    @Test
    void everyConsumerPathEndsInAClearAnswer() throws Exception {
        final Path film = Y4m.of(ImageIO.read(new ByteArrayInputStream(QrCodes.png(label("DEMO-0001"), 300))), 300,
                Files.createTempFile("label", ".y4m"));
        final String claimCode = soldWithLot("LOT-OWNER-1");
        try (Chromium chromium = Chromium.withFakeCamera(film)) {
            final Page page = page(chromium, 360, 740);
            final java.util.List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onResponse(r -> {
                if (r.status() == 404 || r.status() >= 500) {
                    failures.add(r.status() + " " + r.url());
                }
            });
            page.onPageError(e -> {
                // the decoder's own loader reports the fetch this test blocks (and it is then retried)
                if (!e.contains("fetching of the wasm failed")) {
                    failures.add("page error: " + e);
                }
            });

            // the owner's claim, transfer and theft report act on the item, not on its lot
            final String link = local(label("LOT-OWNER-1"));
            org.assertj.core.api.Assertions.assertThat(link).contains("/10/L-OWN%2F7/21/LOT-OWNER-1?17=291231&sig=");
            page.navigate(link);
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "GENUINE");
            page.getByText("I own this item").click();
            page.getByLabel("Claim code from your receipt").fill(claimCode);
            page.getByLabel("A secret of your own (12 or more characters)").fill("my own secret 42");
            page.getByRole(BUTTON, new Page.GetByRoleOptions().setName("Claim")).click();
            assertThat(page.locator("#owner-message")).hasText("Done: recorded on the ledger.");
            page.getByLabel("Your secret").first().fill("my own secret 42");
            page.getByLabel("The new owner's code (12 or more characters)").fill("next owner code 77");
            page.getByRole(BUTTON, new Page.GetByRoleOptions().setName("Transfer")).click();
            assertThat(page.locator("#owner-message")).hasText("Done: recorded on the ledger.");
            assertThat(page.locator("#details")).containsText("Owners2");
            page.locator("#theft-secret").fill("next owner code 77");
            page.getByLabel("When").fill("2026-11-02");
            page.getByLabel("Where (town)").fill("Lyon");
            page.getByRole(BUTTON, new Page.GetByRoleOptions().setName("Report theft")).click();
            assertThat(page.locator("#owner-message")).hasText("Done: recorded on the ledger.");
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "STOLEN");
            shot(page, "owner-with-lot-360.png");

            // a re-signed label (the brand's key, but not the registered signature) read by the server: the
            // address keeps its sig, and the line on the signature agrees with the verdict
            final String forged = label("DEMO-0001").replaceAll("sig=.*", "sig=" + resigned("(01)09520123456788(21)DEMO-0001"));
            final Path photo = Files.createTempFile("forged", ".png");
            Files.write(photo, QrCodes.png(forged, 400));
            page.route("**/*.wasm", route -> route.abort()); // no decoder in this browser: the server reads it
            page.navigate("http://localhost:" + port + "/app/");
            page.getByLabel("Or upload a photo of the label").setInputFiles(photo);
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "SIGNATURE_INVALID",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
            // (a sig is base64url: nothing in it is special to a regular expression)
            assertThat(page).hasURL(Pattern.compile(".*/21/DEMO-0001\\?sig=" + forged.replaceAll(".*sig=", "") + "$"));
            assertThat(page.locator("#signature")).containsText("not the one registered for this item");
            page.reload();
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "SIGNATURE_INVALID");
            page.unroute("**/*.wasm");

            // the network is gone before the first scan: the page says so, and scans once it is back
            page.navigate("http://localhost:" + port + "/app/");
            page.context().setOffline(true);
            page.getByRole(BUTTON, new Page.GetByRoleOptions().setName("Scan the QR code with the camera")).click();
            assertThat(page.locator("#net-error")).isVisible();
            assertThat(page.locator("#camera-status")).containsText("could not be loaded");
            shot(page, "offline-camera-360.png");
            page.context().setOffline(false);
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "GENUINE",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
            assertThat(page.locator("#net-error")).isHidden();

            // ... and gone when a check is sent: the same, then the verdict, without a reload
            page.navigate("http://localhost:" + port + "/app/");
            page.getByLabel("GTIN (8 to 14 digits)").fill("09520123456788");
            page.getByLabel("Serial number").fill("DEMO-0004");
            page.context().setOffline(true);
            page.getByRole(BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
            assertThat(page.locator("#net-error")).isVisible();
            page.context().setOffline(false);
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "STOLEN");

            // a typing slip is asked about, never called a counterfeit
            typeNumbers(page, "demo-OOO1");
            assertThat(page.locator("#did-you-mean")).hasText("Did you mean DEMO-0001?");
            assertThat(page.locator("#verdict")).hasText("Check the number");
            org.assertj.core.api.Assertions.assertThat(page.locator("#result").innerText()).doesNotContainIgnoringCase("counterfeit");
            shot(page, "did-you-mean-360.png");
            page.locator("#did-you-mean a").click();
            assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "SIGNATURE_MISSING");
            typeNumbers(page, "NOT-REGISTERED");
            assertThat(page.locator("#verdict-text")).containsText("likely counterfeit");

            org.assertj.core.api.Assertions.assertThat(failures).as("files missing, server errors, uncaught errors").isEmpty();
        }
    }
}
