package com.serialtrust.chaincode;

import com.serialtrust.contract.BrandLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The links a brand serves for its product models through the resolver. Only the product's own
 * manufacturer sets them; everyone may read them. The resolver's own links stay its own: a brand cannot
 * replace the verification, which is this consortium's answer and not the brand's, nor the default link.
 */
final class BrandLinks {

    /** The most links one product carries. */
    static final int MAX_LINKS = 32;
    static final int MAX_HREF = 1024;
    static final int MAX_TITLE = 200;
    static final int MAX_LANGUAGES = 8;

    /**
     * The GS1 Web Vocabulary's link types that a brand may serve: every term of its LinkType class but
     * {@code defaultLink}, {@code defaultLinkMulti} and {@code verificationService}, which this resolver
     * serves itself.
     */
    static final Set<String> LINK_TYPES = Set.of("activityIdeas", "allergenInfo", "brandHomepageClinical",
            "brandHomepagePatient", "careersInfo", "certificationInfo", "consumerHandlingStorageInfo", "epcis", "epil",
            "eventsInfo", "faqs", "handledBy", "hasRetailers", "homepage", "ingredientsInfo", "instructions", "jws",
            "leaveReview", "locationInfo", "logisticsInfo", "masterData", "menuInfo", "nutritionalInfo",
            "openingHoursInfo", "paymentLink", "pip", "productSustainabilityInfo", "promotion",
            "purchaseSuppliesOrAccessories", "quickStartGuide", "recallStatus", "recipeInfo", "registerProduct",
            "registryEntry", "relatedVideo", "review", "safetyInfo", "scheduleTime", "serviceInfo", "smartLabel", "smpc",
            "socialMedia", "statisticInfo", "support", "sustainabilityInfo", "traceability", "tutorial", "userAgreement",
            "whatsInTheBox");

    /** A language as GS1's linkset schema takes it: ISO 639 alpha-2, optionally with an ISO 3166 alpha-2 country. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    private BrandLinks() {}

    /** Replaces the product's links with {@code linksJson} (a JSON array; empty removes them all). */
    static ProductLinks set(final Tx tx, final String gtinText, final String linksJson) {
        tx.require(Role.MANUFACTURER);
        final Product product = ProductCatalogue.own(tx, gtinText);
        final BrandLink[] given = Json.readArgument("links", linksJson, BrandLink[].class);
        if (given.length > MAX_LINKS) {
            throw ErrorCode.LIMIT_EXCEEDED.failure("a product carries at most " + MAX_LINKS + " links, not " + given.length);
        }
        final List<BrandLink> links = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.length; i++) {
            final BrandLink link = checked(i, given[i]);
            if (!seen.add(link.linkType() + " " + link.href())) {
                throw ErrorCode.INVALID_ARGUMENT.failure(at(i) + "the same " + link.linkType() + " link is given twice");
            }
            links.add(link);
        }
        final ProductLinks set = new ProductLinks(product.gtin(), product.mspId(), links, Optional.of(tx.now()));
        tx.put(StateKeys.productLinks(tx, product.gtin()), set);
        tx.emit("ProductLinksSet", Map.of("gtin", product.gtin(), "mspId", tx.mspId(), "txId", tx.txId()));
        return set;
    }

    /** The product's links: none if its brand never set any. */
    static ProductLinks get(final Tx tx, final String gtinText) {
        final Product product = ProductCatalogue.get(tx, gtinText);
        return tx.get(StateKeys.productLinks(tx, product.gtin()), ProductLinks.class)
                .orElseGet(() -> new ProductLinks(product.gtin(), product.mspId(), List.of(), Optional.empty()));
    }

    /** A link in its stored form ({@code gs1:} CURIE, trimmed title), or the refusal that names what is wrong with it. */
    private static BrandLink checked(final int index, final BrandLink link) {
        if (link == null || link.linkType() == null || link.href() == null || link.title() == null) {
            throw ErrorCode.INVALID_ARGUMENT.failure(at(index) + "a link has a linkType, an href and a title");
        }
        final String type = link.linkTypeName();
        if (!LINK_TYPES.contains(type)) {
            throw ErrorCode.INVALID_ARGUMENT.failure(at(index) + "linkType " + com.serialtrust.gs1.Text.quote(link.linkType())
                    + " is not a GS1 link type a brand may serve (verificationService and defaultLink are the resolver's own)");
        }
        final String title;
        try {
            title = Arguments.text("title", link.title(), MAX_TITLE);
        } catch (org.hyperledger.fabric.shim.ChaincodeException e) {
            throw ErrorCode.INVALID_ARGUMENT.failure(at(index) + "a title has 1 to " + MAX_TITLE + " characters, on one line");
        }
        if (title.indexOf('\n') >= 0) {
            throw ErrorCode.INVALID_ARGUMENT.failure(at(index) + "a title has 1 to " + MAX_TITLE + " characters, on one line");
        }
        if (link.hreflang().size() > MAX_LANGUAGES || link.hreflang().stream().anyMatch(l -> l == null || !LANGUAGE.matcher(l).matches())
                || new HashSet<>(link.hreflang()).size() != link.hreflang().size()) {
            throw ErrorCode.INVALID_ARGUMENT.failure(at(index) + "hreflang lists up to " + MAX_LANGUAGES
                    + " distinct languages such as en or fr-CA");
        }
        return new BrandLink("gs1:" + type, href(index, link.href()), title, link.hreflang());
    }

    /** How a refusal names a link: by its place in the list, counted from 1. */
    private static String at(final int index) {
        return "link " + (index + 1) + ": ";
    }

    /** An absolute https URL with a host and no user information (which could pass one host off as another). */
    private static String href(final int index, final String href) {
        if (href.length() > MAX_HREF) {
            throw ErrorCode.LIMIT_EXCEEDED.failure(at(index) + "an href has at most " + MAX_HREF + " characters");
        }
        try {
            final URI uri = new URI(href);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null && uri.getHost() != null
                    && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null && href.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return href;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw ErrorCode.INVALID_ARGUMENT.failure(at(index) + "an href is an absolute https URL with a host, in ASCII: "
                + com.serialtrust.gs1.Text.quote(href.length() > 80 ? href.substring(0, 80) + "…" : href));
    }
}
