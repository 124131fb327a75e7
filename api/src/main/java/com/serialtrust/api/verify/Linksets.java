package com.serialtrust.api.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.serialtrust.gs1.ProductLink;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The linksets (RFC 9264, as the GS1-Conformant resolver standard profiles it) of the links this
 * resolver serves, with GS1 Web Vocabulary link types. An item's linkset holds a context for the item
 * (its verification, also the default link) and one for each level above it up to the primary key:
 * its lot, if it has one, and its GTIN, whose links are their product pages. Each anchor is the
 * uncompressed URI under this resolver's root. The verification link forwards the query string
 * ({@code fwqs}), so a label's {@code sig} reaches it.
 */
final class Linksets {

    static final MediaType LINKSET_JSON = MediaType.parseMediaType("application/linkset+json");
    static final String VOCABULARY = "https://ref.gs1.org/voc/";
    private static final String VERIFICATION = "SerialTrust verification: genuine, under warranty, stolen or recalled";

    private Linksets() {}

    @Schema(description = "A link of a linkset")
    record Link(String href, String title, String type, boolean fwqs) {}

    @Schema(description = "The links of one anchor, by GS1 link type")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record LinkContext(String anchor, String itemDescription,
            @JsonProperty(VOCABULARY + "verificationService") Optional<List<Link>> verificationService,
            @JsonProperty(VOCABULARY + "pip") Optional<List<Link>> pip,
            @JsonProperty(VOCABULARY + "defaultLink") List<Link> defaultLink) {}

    @Schema(description = "An RFC 9264 linkset, as GS1's linkset schema defines it")
    record Linkset(List<LinkContext> linkset) {}

    /** The linkset of an item, or of a product or lot: the target's own links, then each level's above it. */
    static Linkset of(final ResolverTarget target, final String resolverRoot) {
        final List<LinkContext> contexts = new ArrayList<>();
        target.item().ifPresent(item -> {
            final String anchor = target.anchor(resolverRoot);
            final List<Link> verification = List.of(new Link(anchor, VERIFICATION, MediaType.TEXT_HTML_VALUE, true));
            contexts.add(new LinkContext(anchor, "item " + item.element().canonical(), Optional.of(verification),
                    Optional.empty(), verification));
        });
        final ProductLink above = target.level();
        if (above.lot().isPresent() || above.cpv().isPresent()) {
            contexts.add(product(above, resolverRoot));
        }
        contexts.add(product(above.gtinOnly(), resolverRoot));
        return new Linkset(List.copyOf(contexts));
    }

    private static LinkContext product(final ProductLink level, final String resolverRoot) {
        final String anchor = level.toUri(resolverRoot);
        final String what = level.lot().map(lot -> "lot " + lot + " of ").orElse("")
                + level.cpv().map(cpv -> "variant " + cpv + " of ").orElse("") + "GTIN " + level.gtin().value();
        final List<Link> page = List.of(new Link(anchor, "SerialTrust product page: " + what
                + ", its brand and its recalls in force", MediaType.TEXT_HTML_VALUE, false));
        return new LinkContext(anchor, what, Optional.empty(), Optional.of(page), page);
    }

    /**
     * Whether {@code linkType} (a CURIE {@code gs1:...} or the full URI) names a link this resolver
     * serves at the target's level: the verification for an item, the product page above it.
     */
    static boolean serves(final ResolverTarget target, final String linkType) {
        final String name = linkType.startsWith("gs1:") ? linkType.substring(4)
                : linkType.startsWith(VOCABULARY) ? linkType.substring(VOCABULARY.length()) : "";
        return name.equals("defaultLink") || name.equals(target.item().isPresent() ? "verificationService" : "pip");
    }

    /** The {@code Link} header every resolver answer carries: where its linkset is. */
    static String header(final ResolverTarget target, final String resolverRoot) {
        return "<" + target.anchor(resolverRoot) + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
    }
}
