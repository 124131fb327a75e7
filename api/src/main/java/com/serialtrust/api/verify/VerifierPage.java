package com.serialtrust.api.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The scan page of verifier-web for a browser that opens a label's link. The page asks the resolver
 * for the verdict itself; the verdict is also rendered here inside {@code <noscript>}, for browsers
 * without JavaScript.
 */
final class VerifierPage {

    static final String SHELL = load();

    private VerifierPage() {}

    private static String load() {
        try (InputStream in = VerifierPage.class.getResourceAsStream("/static/app/index.html")) {
            if (in == null) {
                throw new IllegalStateException("the scan page (verifier-web) is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(final JsonNode v) {
        final String verdict = text(v, "verdict");
        final StringBuilder rows = new StringBuilder();
        row(rows, "Product", text(v, "productName"));
        row(rows, "Manufacturer", text(v, "manufacturer"));
        row(rows, "Lot", text(v, "lot"));
        row(rows, "Warranty", v.path("warranty").path("status").asString(""));
        row(rows, "Owners", v.path("owners").asString(""));
        row(rows, "Transaction", v.path("proof").path("txId").asString(""));
        row(rows, "Block", v.path("proof").path("block").asString(""));
        final String noscript = "<noscript><p class=\"verdict " + HtmlUtils.htmlEscape(verdict) + "\" id=\"noscript-verdict\">"
                + HtmlUtils.htmlEscape(verdict) + "</p><dl class=\"details\">" + rows + "</dl></noscript>";
        return SHELL.replace("<main>", "<main>" + noscript);
    }

    private static String text(final JsonNode v, final String field) {
        return v.path(field).asString("");
    }

    private static void row(final StringBuilder out, final String label, final String value) {
        if (!value.isEmpty()) {
            out.append("<dt>").append(label).append("</dt><dd>").append(HtmlUtils.htmlEscape(value)).append("</dd>");
        }
    }
}
