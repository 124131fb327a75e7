package com.serialtrust.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.RedisServer;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.qr.LabelService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff desks in real Chromium, with a real Redis: goods-in, the police list check and sightings
 * of stolen items, and the manufacturer's desk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesBrowserIT extends DemoIntegrationTest {

    static final RedisServer REDIS = RedisServer.start();

    @DynamicPropertySource
    static void redis(final DynamicPropertyRegistry registry) {
        registry.add("serialtrust.redis.url", REDIS::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    LabelService labels;

    private Chromium chromium;

    @BeforeAll
    void browser() {
        chromium = Chromium.start();
    }

    @AfterAll
    void close() {
        chromium.close();
        REDIS.close();
    }

    private Page signIn(final String org, final int width) {
        final Page page = chromium.context(new Browser.NewContextOptions().setViewportSize(width, 900)).newPage();
        page.navigate("http://localhost:" + port + "/app/staff.html");
        page.getByLabel("Your organisation's API key").fill(bearer(org).substring("Bearer ".length()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#who")).containsText("Signed in as " + org);
        return page;
    }

    private String link(final String serial) {
        final String uri = labels.uri(new Organisation("brand", "BrandMSP"), "09520123456788", serial).block();
        return "http://localhost:" + port + uri.substring(uri.indexOf("/01/"));
    }

    private static void shot(final Page page, final String name) throws Exception {
        Files.createDirectories(ScanPageBrowserIT.SHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(ScanPageBrowserIT.SHOTS.resolve(name)).setFullPage(true));
    }

    @Test
    void aRetailerChecksADeliveryItemByItemAndReceivesTheGenuineOnes() throws Exception {
        http.post().uri("/api/shipments").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("items", List.of(Map.of("gtin", "09520123456788", "serial", "DEMO-0002")), "to", "RetailMSP"))
                .exchange().expectStatus().isOk().expectBody(Void.class);
        final Page page = signIn("retail", 360);
        for (String code : List.of(link("DEMO-0002"), "http://localhost:" + port + "/01/09520123456788/21/FAKE-1", link("DEMO-0004"))) {
            page.getByLabel("Or scan with a handheld scanner, or paste a label link").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check item")).click();
        }
        assertThat(page.locator("#goods-list tr")).hasCount(3);
        assertThat(page.locator("#goods-list")).containsText("Genuine");
        assertThat(page.locator("#goods-list")).containsText("Not registered");
        assertThat(page.locator("#goods-list")).containsText("Stolen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Receive the genuine items into stock")).click();
        assertThat(page.locator("#goods-message")).hasText("1 items received into stock.");
        shot(page, "staff-goods-in-360.png");
        http.get().uri("/api/items/09520123456788/DEMO-0002").header("Authorization", bearer("retail")).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("IN_STOCK");
    }

    @Test
    void aRetailerFilmsTwoLabelsInTurnAndEachIsCheckedOnce() throws Exception {
        final List<java.awt.image.BufferedImage> labelImages = new java.util.ArrayList<>();
        for (String serial : List.of("DEMO-0001", "DEMO-0003")) {
            labelImages.add(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    com.serialtrust.api.qr.QrCodes.png(labels.uri(new Organisation("brand", "BrandMSP"), "09520123456788", serial).block(), 300))));
        }
        // half a second on each label, over and over
        final Path video = Y4m.of(labelImages, 300, 5, Files.createTempFile("labels", ".y4m"));
        try (Chromium camera = Chromium.withFakeCamera(video)) {
            final Page page = camera.context(new Browser.NewContextOptions().setViewportSize(360, 740)).newPage();
            page.navigate("http://localhost:" + port + "/app/staff.html");
            page.getByLabel("Your organisation's API key").fill(bearer("retail").substring("Bearer ".length()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan with the camera")).click();
            assertThat(page.locator("#goods-list tr")).hasCount(2,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(60_000));
            assertThat(page.locator("#goods-list")).containsText("DEMO-0001");
            assertThat(page.locator("#goods-list")).containsText("DEMO-0003");
            // the loop shows both labels again and again: still one row each
            page.waitForTimeout(2_500);
            assertThat(page.locator("#goods-list tr")).hasCount(2);
        }
    }

    @Test
    void axeFindsNoWcagViolationOnTheSignInOrAnyDesk() {
        final Page signIn = chromium.context(new Browser.NewContextOptions().setViewportSize(360, 740)).newPage();
        signIn.navigate("http://localhost:" + port + "/app/staff.html");
        Axe.assertAccessible(signIn, "the staff sign-in at 360 px");
        signIn.context().close();
        for (Map.Entry<String, String> desk : Map.of("retail", "#goods-in", "police", "#police", "brand", "#manufacturer").entrySet()) {
            final Page page = signIn(desk.getKey(), 1280);
            assertThat(page.locator(desk.getValue())).isVisible();
            Axe.assertAccessible(page, "the " + desk.getValue().substring(1) + " desk");
            page.context().close();
        }
    }

    @Test
    void thePolicePasteSerialsAndSeeExactAndCloseMatchesWithTheftReportsAndSightings() throws Exception {
        // someone in Lyon who chose to send their area checks the stolen item on the scan page
        try (BrowserContext phone = chromium.context(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setPermissions(List.of("geolocation")).setGeolocation(45.76, 4.84))) {
            final Page scan = phone.newPage();
            scan.navigate("http://localhost:" + port + "/app/");
            scan.getByLabel("Send my approximate area").check();
            scan.getByLabel("GTIN (8 to 14 digits)").fill("09520123456788");
            scan.getByLabel("Serial number").fill("DEMO-0004");
            scan.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
            assertThat(scan.locator("#verdict")).hasAttribute("data-verdict", "STOLEN");
        }
        final Page page = signIn("police", 1280);
        // the 5-character geohash cell of Lyon, about 5 km across, and its centre
        assertThat(page.locator("#sightings-list tr").first()).containsText("09520123456788 DEMO-0004");
        assertThat(page.locator("#sightings-list tr").first()).containsText("area u05kq, near 45.7");
        page.getByLabel("Serials, one per line (or GTIN,serial)").fill(
                "DEMO-0004\nbad serial\nDEM0-OOO1\n1234567890129,DEMO-0002\nNOTHING-LIKE-IT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check").setExact(true)).click();
        assertThat(page.locator("#police-list")).containsText("STOLEN 2026-01-15 in Demo warehouse");
        assertThat(page.locator("#police-list")).containsText("DEMO-0001");
        assertThat(page.locator("#police-list")).containsText("close (distance");
        assertThat(page.locator("#police-list")).containsText("no item");
        // a bad line is marked, and every other line was checked
        assertThat(page.locator("#police-list tr", new Page.LocatorOptions().setHasText("bad serial")))
                .containsText("not checked: a serial is 1-20 characters");
        assertThat(page.locator("#police-list tr", new Page.LocatorOptions().setHasText("GTIN_INVALID"))).hasCount(1);
        assertThat(page.locator("#police-list tr").last()).containsText("NOTHING-LIKE-IT");
        assertThat(page.locator("#police-message")).isEmpty();
        shot(page, "staff-police-desktop.png");
    }

    @Test
    void aManufacturerSeesItsChecksRegistrationsPlacesAndImportsAsPictures() throws Exception {
        // checks of the brand's items from four cities, and of its stolen item from Barcelona
        for (String cell : List.of("u09tv", "u05kq", "gcpvj", "dr5ru")) {
            http.get().uri("/01/09520123456788/21/DEMO-0001").header("X-Scan-Place", cell).accept(MediaType.APPLICATION_JSON)
                    .exchange().expectStatus().isOk().expectBody(Void.class);
        }
        http.get().uri("/01/09520123456788/21/DEMO-0004").header("X-Scan-Place", "sp3e9").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.verdict").isEqualTo("STOLEN");
        http.post().uri("/api/imports").header("Authorization", bearer("brand")).contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("gtin,serial\n09520123456788,DASH-1\n09520123456788,DASH-2\n").exchange()
                .expectStatus().isAccepted().expectBody(Void.class);

        for (int width : List.of(360, 1280)) {
            final Page page = signIn("brand", width);
            final List<String> errors = new java.util.ArrayList<>();
            page.onPageError(errors::add);
            final var board = page.locator("#dashboard");
            // loaded, and with no word of missing analytics: a busy server must not read as an outage
            assertThat(page.locator("#dashboard:not([aria-busy])")).hasCount(1);
            assertThat(board.locator("[data-part=status]")).isEmpty();
            assertThat(board.locator("[data-part=checks] canvas")).isVisible();
            assertThat(board.locator("[data-part=checks] .chart-summary")).containsText("checks of your items in the last 30 days");
            assertThat(board.locator("[data-part=registrations] .chart-summary")).containsText("items registered in the last 30 days");
            assertThat(board.locator("svg.place-map circle.checks").first()).isVisible();
            org.assertj.core.api.Assertions.assertThat(board.locator("svg.place-map circle.checks").count()).isGreaterThanOrEqualTo(4);
            org.assertj.core.api.Assertions.assertThat(board.locator("svg.place-map circle.stolen").count()).isGreaterThanOrEqualTo(1);
            assertThat(board.locator("svg.place-map path.land")).hasAttribute("d", java.util.regex.Pattern.compile("^M.{1000,}"));
            assertThat(board.locator("[data-part=imports] tbody tr").first()).containsText("done");
            // nothing sticks out sideways on a phone
            org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(width);
            org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
            Files.createDirectories(ScanPageBrowserIT.SHOTS);
            board.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(ScanPageBrowserIT.SHOTS.resolve("staff-dashboard-" + width + ".png")));
            page.context().close();
        }
    }

    @Test
    void aManufacturerRevokesASpareSigningKeyFromTheDesk() throws Exception {
        final java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        final String publicKey = java.util.Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        final String keyId = json.readTree(http.post().uri("/api/keys").header("Authorization", bearer("brand"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("publicKey", publicKey)).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("keyId").asString();

        final Page page = signIn("brand", 1280);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show signing keys")).click();
        final var row = page.locator("#keys tr", new Page.LocatorOptions().setHasText(keyId.substring(0, 16)));
        assertThat(row).containsText("ACTIVE");
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(page.locator("#keys-status")).containsText("is revoked");
        assertThat(row).containsText("REVOKED");
        Axe.assertAccessible(page, "the manufacturer's signing keys");
        http.get().uri("/api/keys").header("Authorization", bearer("brand")).exchange().expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("\"status\":\"REVOKED\""));
    }

    @Test
    void aManufacturerSetsItsProductsRecallStatusLinkOnTheDeskAndTheResolverRedirectsThere() throws Exception {
        final Page page = signIn("brand", 360);
        try {
            page.locator("#links-gtin").fill("09520123456788");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show its links")).click();
            assertThat(page.locator("#links-status")).containsText("no links of its own yet");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a link")).click();
            page.getByLabel("Link 1: target address (https)").fill("http://brand.example/recalls");
            page.getByLabel("Link 1: title people read").fill("Recall status of your watch");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the links")).click();
            // the contract's own words: a link that is not https is refused, and nothing is written
            assertThat(page.locator("#links-status")).containsText("Not saved: link 1: an href is an absolute https URL");
            page.getByLabel("Link 1: target address (https)").fill("https://brand.example/recalls");
            page.getByLabel("Link 1: languages, such as en, fr-CA").fill("en, fr-CA");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the links")).click();
            assertThat(page.locator("#links-status")).containsText("Saved on the ledger: GTIN 09520123456788 serves 1 link(s)");
            Axe.assertAccessible(page, "the manufacturer's product links at 360 px");
            shot(page, "staff-product-links-360.png");
            http.get().uri("/01/09520123456788/21/DEMO-0001?linkType=gs1:recallStatus").exchange().expectStatus().isEqualTo(307)
                    .expectHeader().location("https://brand.example/recalls").expectBody(Void.class);
            page.reload();
            page.locator("#links-gtin").fill("09520123456788");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show its links")).click();
            assertThat(page.getByLabel("Link 1: title people read")).hasValue("Recall status of your watch");
        } finally {
            page.context().close();
            http.put().uri("/api/products/09520123456788/links").header("Authorization", bearer("brand"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("links", List.of())).exchange().expectStatus().isOk().expectBody(Void.class);
        }
    }

    @Test
    void aManufacturerImportsACsvWithLiveProgressPrintsTheLotAndRecallsIt() throws Exception {
        final Path csv = Files.createTempFile("items", ".csv");
        final StringBuilder rows = new StringBuilder("gtin,serial,lot\n");
        for (int i = 0; i < 2500; i++) {
            rows.append("09520123456788,WEB-").append(i).append(",WEB1\n");
        }
        rows.append("09520123456789,BAD-CHECK-DIGIT,WEB1\n");
        Files.writeString(csv, rows);

        final Page page = signIn("brand", 1280);
        page.getByLabel("CSV with a header").setInputFiles(csv);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and register")).click();
        assertThat(page.locator("#csv-upload")).isDisabled(); // one import at a time
        assertThat(page.locator("#csv-status")).containsText("Done: 2500 registered, 0 already registered, 1 not registered.",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(page.locator("#csv-upload")).isEnabled();
        // the bad row on the line a spreadsheet shows it: the header is line 1, 2,500 rows follow
        assertThat(page.locator("#csv-errors tr").first()).containsText("2502");
        assertThat(page.locator("#csv-errors tr").first()).containsText("BAD-CHECK-DIGIT");
        assertThat(page.locator("#csv-errors")).containsText("GTIN_INVALID");
        final var report = page.waitForDownload(() -> page.locator("#csv-report").click());
        org.assertj.core.api.Assertions.assertThat(Files.readString(report.path()))
                .startsWith("line,serial,status,code,message\n2502,\"BAD-CHECK-DIGIT\",FAILED,GTIN_INVALID,");
        assertThat(page.locator("#csv-progress")).hasAttribute("value", "2501");

        page.locator("#sheet-gtin").fill("09520123456788");
        page.locator("#sheet-lot").fill("WEB1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the PDF")).click();
        assertThat(page.locator("#sheet-link")).hasText("Download the label sheet");
        final var download = page.waitForDownload(() -> page.locator("#sheet-link").click());
        final byte[] pdf = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        page.locator("#recall-gtin").fill("09520123456788");
        page.locator("#recall-lot").fill("WEB1");
        page.getByLabel("Notice shown to everyone who checks an item").fill("Strap pin may fail");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the recall")).click();
        assertThat(page.locator("#recall-status")).containsText("is in force");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show suspect codes")).click();
        assertThat(page.locator("#suspects")).containsText("No code looks copied.");
        shot(page, "staff-manufacturer-desktop.png");

        http.get().uri("/01/09520123456788/21/WEB-7").accept(MediaType.APPLICATION_JSON).exchange()
                .expectBody().jsonPath("$.verdict").isEqualTo("RECALLED");
    }
}
