package com.serialtrust.api.verify;

import com.serialtrust.contract.WarrantyStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;
import com.serialtrust.chaincode.Verification;
import com.serialtrust.chaincode.Warranty;

/**
 * The scan page of verifier-web for a browser that opens a label's link, with the verification inside:
 * as JSON for the page's script, which shows it without asking again (one scan, one request), and
 * rendered inside {@code <noscript>} for browsers without JavaScript.
 */
final class VerifierPage {

    static final String SHELL = load("index.html");

    private VerifierPage() {}

    /** A page of verifier-web, as its build wrote it (asset names hashed). */
    static String load(final String page) {
        try (InputStream in = VerifierPage.class.getResourceAsStream("/static/app/" + page)) {
            if (in == null) {
                throw new IllegalStateException("the page " + page + " (verifier-web) is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(final VerificationView view) {
        final Verification v = view.verification();
        final String verdict = v.verdict().name();
        final StringBuilder rows = new StringBuilder();
        row(rows, "Product", v.productName().orElse(""));
        row(rows, "Manufacturer", view.manufacturerName().or(v::manufacturer).orElse(""));
        row(rows, "Lot", v.lot().orElse(""));
        row(rows, "Warranty", v.warranty().map(WarrantyStatus::status).orElse(""));
        row(rows, "Owners", Integer.toString(v.owners()));
        row(rows, "Transaction", v.proof().map(Verification.Proof::txId).orElse(""));
        row(rows, "Block", v.proof().flatMap(Verification.Proof::block).map(String::valueOf).orElse(""));
        final String noscript = "<noscript><p class=\"verdict " + HtmlUtils.htmlEscape(verdict) + "\" id=\"noscript-verdict\">"
                + HtmlUtils.htmlEscape(verdict) + "</p><dl class=\"details\">" + rows + "</dl></noscript>";
        final String data = "<script type=\"application/json\" id=\"verification\">" + scriptSafe(JSON.writeValueAsString(view))
                + "</script>";
        return SHELL.replace("<main>", "<main>" + noscript + data);
    }

    /** The page for a link that cannot be checked: it says why, and offers to scan again. */
    static String renderProblem(final org.springframework.http.ProblemDetail problem) {
        final String detail = problem.getDetail() == null ? "" : problem.getDetail();
        final String noscript = "<noscript><p class=\"problem\" id=\"noscript-problem\">This label cannot be checked: "
                + HtmlUtils.htmlEscape(detail) + "</p></noscript>";
        final tools.jackson.databind.node.ObjectNode data = JSON.createObjectNode();
        data.putObject("problem").put("code", String.valueOf(problem.getProperties() == null ? ""
                : problem.getProperties().get("code"))).put("detail", detail).put("status", problem.getStatus());
        return SHELL.replace("<main>", "<main>" + noscript
                + "<script type=\"application/json\" id=\"verification\">" + scriptSafe(data.toString()) + "</script>");
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /**
     * JSON that cannot end its script element or open a comment: {@code <}, {@code >} and {@code &} occur
     * only inside JSON strings, where their escapes mean the same.
     */
    static String scriptSafe(final String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }


    /** A {@code <dt>}/{@code <dd>} pair, the value escaped; nothing for an empty value. */
    static void row(final StringBuilder out, final String label, final String value) {
        if (!value.isEmpty()) {
            out.append("<dt>").append(label).append("</dt><dd>").append(HtmlUtils.htmlEscape(value)).append("</dd>");
        }
    }
}
