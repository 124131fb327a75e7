package com.serialtrust.api.verify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/** The page a browser gets for a link without a serial: the product or lot, its brand and its recalls, no script needed. */
final class ProductPage {

    private static final String SHELL = VerifierPage.load("product.html");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu").withZone(ZoneOffset.UTC);

    private ProductPage() {}

    static String render(final ProductSummaries.ProductView product) {
        final StringBuilder out = new StringBuilder("<h1 id=\"product-name\">").append(escape(product.productName())).append("</h1>");
        out.append("<dl class=\"details\">");
        VerifierPage.row(out, "Made by", product.manufacturerName());
        VerifierPage.row(out, "GTIN", product.gtin());
        product.cpv().ifPresent(cpv -> VerifierPage.row(out, "Variant", cpv));
        product.lot().ifPresent(lot -> VerifierPage.row(out, "Lot", lot));
        VerifierPage.row(out, "Warranty", product.warrantyMonths() == 0 ? "none"
                : product.warrantyMonths() + " months from the first sale");
        out.append("</dl>");
        if (product.recalls().isEmpty()) {
            out.append("<p id=\"recalls\">No recall is in force for ").append(product.lot().isPresent() ? "this lot" : "this product")
                    .append(".</p>");
        } else {
            out.append("<section id=\"recalls\" aria-labelledby=\"recalls-title\"><h2 id=\"recalls-title\">Recalls in force</h2>");
            for (ProductSummaries.RecallNotice recall : product.recalls()) {
                out.append("<div class=\"notice\"><p><strong>").append(escape(covers(recall))).append("</strong>, since ")
                        .append(DAY.format(recall.issuedAt())).append(".</p><p>").append(escape(recall.notice())).append("</p></div>");
            }
            out.append("</section>");
        }
        if (!product.links().isEmpty()) {
            out.append("<section id=\"brand-links\" aria-labelledby=\"brand-links-title\"><h2 id=\"brand-links-title\">From ")
                    .append(escape(product.manufacturerName())).append("</h2><ul>");
            // the brand's own pages: https only (the contract checks it), opened without telling them where from
            product.links().forEach(link -> out.append("<li><a rel=\"noopener noreferrer\" href=\"").append(escape(link.href()))
                    .append("\"").append(link.hreflang().isEmpty() ? "" : " hreflang=\"" + escape(link.hreflang().get(0)) + "\"")
                    .append(">").append(escape(link.title())).append("</a></li>"));
            out.append("</ul></section>");
        }
        out.append("<p>Whether one item is genuine, stolen or recalled is on its own label: scan it.</p>");
        return SHELL.replace("<title>Product", "<title>" + escape(product.productName()))
                .replace("<main>", "<main>" + out);
    }

    private static String covers(final ProductSummaries.RecallNotice recall) {
        return switch (recall.kind()) {
            case "LOT" -> "Lot " + recall.lot().orElse("") + " is recalled";
            case "PRODUCTION_DATE_RANGE" -> "Items made from " + recall.producedFrom().orElse("the start") + " to "
                    + recall.producedTo().orElse("now") + " (YYMMDD) are recalled";
            default -> "Every item of this product is recalled";
        };
    }

    private static String escape(final String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
