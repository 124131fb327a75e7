package com.serialtrust.api.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium driven by Playwright: the system browser (Playwright downloads none), headless,
 * with the flags this machine needs, and optionally a fake camera that films a given video file.
 */
final class Chromium implements AutoCloseable {

    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    final Browser browser;
    /** What the pages of {@link #context} reported to the console about breaches of their Content-Security-Policy. */
    private final List<String> cspViolations = new CopyOnWriteArrayList<>();

    private Chromium(final List<String> extra) {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        final List<String> args = new ArrayList<>(FLAGS);
        args.addAll(extra);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable()).setHeadless(true).setArgs(args));
    }

    static Chromium start() {
        return new Chromium(List.of());
    }

    /** A browser whose camera films {@code video} (a .y4m file), with camera permission granted. */
    static Chromium withFakeCamera(final Path video) {
        return new Chromium(List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath()));
    }

    /** A new context whose pages must keep to their Content-Security-Policy: {@link #close} fails if one did not. */
    BrowserContext context(final Browser.NewContextOptions options) {
        final BrowserContext context = browser.newContext(options);
        context.onConsoleMessage(message -> {
            if (message.text().toLowerCase(java.util.Locale.ROOT).contains("content security policy")) {
                cspViolations.add(message.text());
            }
        });
        return context;
    }

    private static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            final Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Debian's chromium is not installed (apt-get install chromium)");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        if (!cspViolations.isEmpty()) {
            throw new AssertionError("the pages broke their Content-Security-Policy:\n" + String.join("\n", cspViolations));
        }
    }
}
