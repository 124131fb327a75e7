package com.serialtrust.contract;

import java.util.List;
import java.util.Objects;

/**
 * A link a brand serves for its product through this resolver: a GS1 Web Vocabulary link type
 * ({@code gs1:recallStatus}, {@code gs1:registerProduct}...), an https target, a title a person reads,
 * and the languages of the target (ISO 639 codes, optionally with an ISO 3166 country: {@code en},
 * {@code fr-CA}), as a GS1 linkset carries them.
 */
public record BrandLink(String linkType, String href, String title, List<String> hreflang) {

    public BrandLink {
        hreflang = hreflang == null ? List.of() : List.copyOf(hreflang);
    }

    /** The link type's name in the vocabulary, without {@code gs1:} or the vocabulary's URI. */
    public String linkTypeName() {
        Objects.requireNonNull(linkType, "linkType");
        return term(linkType).orElse(linkType);
    }

    /** The vocabulary term a link type names as a CURIE ({@code gs1:pip}) or a URI; empty if it is neither. */
    public static java.util.Optional<String> term(final String linkType) {
        return linkType.startsWith(VOCABULARY) ? java.util.Optional.of(linkType.substring(VOCABULARY.length()))
                : linkType.startsWith("gs1:") ? java.util.Optional.of(linkType.substring(4)) : java.util.Optional.empty();
    }

    /** The GS1 Web Vocabulary's namespace, in which every GS1 link type is a term. */
    public static final String VOCABULARY = "https://ref.gs1.org/voc/";
}
