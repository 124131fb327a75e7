package com.serialtrust.api.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.serialtrust.gs1.DigitalLink;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The linkset (RFC 9264, as the GS1-Conformant resolver standard profiles it) of an item's Digital
 * Link: its anchor is the item's uncompressed URI under this resolver's root, and its links are those
 * this resolver serves for an item, with GS1 Web Vocabulary link types: the verification, which is also
 * the default link. A link forwards the query string ({@code fwqs}), so a label's {@code sig} reaches it.
 */
final class Linksets {

    static final MediaType LINKSET_JSON = MediaType.parseMediaType("application/linkset+json");
    static final String VOCABULARY = "https://ref.gs1.org/voc/";
    private static final String TITLE = "SerialTrust verification: genuine, under warranty, stolen or recalled";

    private Linksets() {}

    @Schema(description = "A link of a linkset")
    record Link(String href, String title, String type, boolean fwqs) {}

    @Schema(description = "The links of one anchor, by GS1 link type")
    record LinkContext(String anchor, String itemDescription,
            @JsonProperty(VOCABULARY + "verificationService") List<Link> verificationService,
            @JsonProperty(VOCABULARY + "defaultLink") List<Link> defaultLink) {}

    @Schema(description = "An RFC 9264 linkset, as GS1's linkset schema defines it")
    record Linkset(List<LinkContext> linkset) {}

    /** The item's URI under {@code resolverRoot}: its key and qualifiers, no data attributes and no signature. */
    static String anchor(final DigitalLink link, final String resolverRoot) {
        final String uri = new DigitalLink(link.element(), Optional.empty()).toUri(resolverRoot);
        final int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    static Linkset of(final DigitalLink link, final String resolverRoot) {
        final String anchor = anchor(link, resolverRoot);
        final List<Link> verification = List.of(new Link(anchor, TITLE, MediaType.TEXT_HTML_VALUE, true));
        return new Linkset(List.of(new LinkContext(anchor, "item " + link.element().canonical(), verification, verification)));
    }

    /** Whether {@code linkType} (a CURIE {@code gs1:...} or the full URI) names a link this resolver serves for an item. */
    static boolean serves(final String linkType) {
        final String name = linkType.startsWith("gs1:") ? linkType.substring(4)
                : linkType.startsWith(VOCABULARY) ? linkType.substring(VOCABULARY.length()) : "";
        return name.equals("verificationService") || name.equals("defaultLink");
    }

    /** The {@code Link} header every resolver answer carries: where its linkset is. */
    static String header(final DigitalLink link, final String resolverRoot) {
        return "<" + anchor(link, resolverRoot) + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
    }
}
