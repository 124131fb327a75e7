package com.serialtrust.api.verify;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.serialtrust.contract.BrandLink;
import com.serialtrust.gs1.ProductLink;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The linksets (RFC 9264, as the GS1-Conformant resolver standard profiles it) of the links this
 * resolver serves, with GS1 Web Vocabulary link types. An item's linkset holds a context for the item
 * (its verification, also the default link) and one for each level above it up to the primary key:
 * its lot, if it has one, and its GTIN, whose links are their product pages and the links the brand
 * set for its product. Each anchor is the uncompressed URI under this resolver's root. The verification
 * link forwards the query string ({@code fwqs}), so a label's {@code sig} reaches it.
 */
final class Linksets {

    static final MediaType LINKSET_JSON = MediaType.parseMediaType("application/linkset+json");
    static final String VOCABULARY = BrandLink.VOCABULARY;
    private static final String VERIFICATION = "SerialTrust verification: genuine, under warranty, stolen or recalled";

    private Linksets() {}

    @Schema(description = "A link of a linkset")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Link(String href, String title, Optional<String> type, Optional<Boolean> fwqs, List<String> hreflang) {

        /** A page of this resolver's own. */
        static Link page(final String href, final String title, final boolean forwardsQuery) {
            return new Link(href, title, Optional.of(MediaType.TEXT_HTML_VALUE), Optional.of(forwardsQuery), List.of());
        }

        static Link of(final BrandLink link) {
            return new Link(link.href(), link.title(), Optional.empty(), Optional.empty(), link.hreflang());
        }
    }

    @Schema(description = "The links of one anchor, by GS1 link type (the vocabulary's full URI)")
    record LinkContext(String anchor, String itemDescription, @JsonAnyGetter Map<String, List<Link>> links) {}

    @Schema(description = "An RFC 9264 linkset, as GS1's linkset schema defines it")
    record Linkset(List<LinkContext> linkset) {

        /**
         * The link of a type (a CURIE {@code gs1:...} or the full URI) at the most specific level that has
         * one: of several, the first whose
         * languages the client prefers most ({@code Accept-Language}), else the first.
         */
        Optional<Link> best(final String linkType, final List<java.util.Locale.LanguageRange> languages) {
            final String key = VOCABULARY + name(linkType);
            return linkset.stream().map(c -> c.links().get(key)).filter(l -> l != null && !l.isEmpty()).findFirst()
                    .map(links -> languages.stream()
                            .filter(range -> range.getWeight() > 0)
                            .flatMap(range -> links.stream()
                                    .filter(link -> !java.util.Locale.filterTags(List.of(range), link.hreflang()).isEmpty()))
                            .findFirst().orElse(links.get(0)));
        }
    }

    /**
     * The linkset of an item, or of a product or lot: the target's own links, then each level's above it,
     * the GTIN's with the links its brand set.
     */
    static Linkset of(final ResolverTarget target, final String resolverRoot, final List<BrandLink> brandLinks) {
        final List<LinkContext> contexts = new ArrayList<>();
        target.item().ifPresent(item -> {
            final String anchor = target.anchor(resolverRoot);
            final List<Link> verification = List.of(Link.page(anchor, VERIFICATION, true));
            final Map<String, List<Link>> links = new LinkedHashMap<>();
            links.put(VOCABULARY + "verificationService", verification);
            links.put(VOCABULARY + "defaultLink", verification);
            contexts.add(new LinkContext(anchor, "item " + item.element().canonical(), links));
        });
        final ProductLink above = target.level();
        if (above.lot().isPresent() || above.cpv().isPresent()) {
            contexts.add(product(above, resolverRoot, List.of()));
        }
        contexts.add(product(above.gtinOnly(), resolverRoot, brandLinks));
        return new Linkset(List.copyOf(contexts));
    }

    private static LinkContext product(final ProductLink level, final String resolverRoot, final List<BrandLink> brandLinks) {
        final String anchor = level.toUri(resolverRoot);
        final String what = level.lot().map(lot -> "lot " + lot + " of ").orElse("")
                + level.cpv().map(cpv -> "variant " + cpv + " of ").orElse("") + "GTIN " + level.gtin().value();
        final List<Link> page = List.of(Link.page(anchor, "SerialTrust product page: " + what
                + ", its brand and its recalls in force", false));
        final Map<String, List<Link>> links = new LinkedHashMap<>();
        links.put(VOCABULARY + "pip", new ArrayList<>(page));
        for (BrandLink link : brandLinks) {
            links.computeIfAbsent(VOCABULARY + link.linkTypeName(), k -> new ArrayList<>()).add(Link.of(link));
        }
        links.put(VOCABULARY + "defaultLink", page);
        links.replaceAll((type, list) -> List.copyOf(list));
        return new LinkContext(anchor, what, links);
    }

    /**
     * Whether {@code linkType} (a CURIE {@code gs1:...} or the full URI) names a link this resolver
     * serves itself at the target's level: the verification for an item, the product page above it.
     */
    static boolean serves(final ResolverTarget target, final String linkType) {
        final String name = name(linkType);
        return name.equals("defaultLink") || name.equals(target.item().isPresent() ? "verificationService" : "pip");
    }

    private static String name(final String linkType) {
        return BrandLink.term(linkType).orElse("");
    }

    /** The {@code Link} header every resolver answer carries: where its linkset is. */
    static String header(final ResolverTarget target, final String resolverRoot) {
        return "<" + target.anchor(resolverRoot) + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
    }
}
