package com.serialtrust.api.verify;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** A server-rendered verdict for browsers, until the scan page of verifier-web takes over. */
final class VerifierPage {

    private VerifierPage() {}

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
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — SerialTrust</title></head>
                <body><main><h1 id="verdict">%s</h1><dl>%s</dl></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(verdict), HtmlUtils.htmlEscape(verdict), rows);
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
