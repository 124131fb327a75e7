package com.serialtrust.gs1;

import static com.serialtrust.gs1.InvalidIdentifierException.Reason.DIGITAL_LINK_INVALID;
import static com.serialtrust.gs1.InvalidIdentifierException.Reason.LOT_INVALID;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A GS1 Digital Link URI above the item: a product ({@code /01/<gtin>}), optionally narrowed to a
 * variant ({@code /22/<cpv>}) and a lot ({@code /10/<lot>}), without a serial.
 */
public record ProductLink(Gtin gtin, Optional<String> cpv, Optional<String> lot) {

    public ProductLink {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(cpv, "cpv");
        Objects.requireNonNull(lot, "lot");
        cpv.filter(v -> !Cset82.isValid(v, 20)).ifPresent(v -> {
            throw new InvalidIdentifierException(DIGITAL_LINK_INVALID, "a variant (22) is 1-20 characters of GS1 set 82: " + Text.quote(v));
        });
        lot.filter(v -> !Cset82.isValid(v, 20)).ifPresent(v -> {
            throw new InvalidIdentifierException(LOT_INVALID, "a lot (10) is 1-20 characters of GS1 set 82: " + Text.quote(v));
        });
    }

    /**
     * Parses a Digital Link URI whose path ends above the serial; the query's data attributes are read
     * for their syntax and not kept.
     *
     * @throws InvalidIdentifierException if it is not such a URI (one with a serial included)
     */
    public static ProductLink parse(final String uri) {
        final Map<String, String> ais = new LinkedHashMap<>();
        DigitalLink.readAis(uri, ais);
        if (ais.containsKey("21")) {
            throw DigitalLink.invalid("a link with a serial (21) names an item, not a product or a lot");
        }
        return new ProductLink(Gtin.parse(ais.get("01")), Optional.ofNullable(ais.get("22")), Optional.ofNullable(ais.get("10")));
    }

    /** This link under a resolver root such as {@code https://id.example.com}: its path only, no query. */
    public String toUri(final String resolverRoot) {
        Objects.requireNonNull(resolverRoot, "resolverRoot");
        int end = resolverRoot.length();
        while (end > 0 && resolverRoot.charAt(end - 1) == '/') {
            end--;
        }
        final StringBuilder out = new StringBuilder(resolverRoot.substring(0, end)).append("/01/").append(gtin.value());
        cpv.ifPresent(v -> out.append("/22/").append(DigitalLink.encode(v)));
        lot.ifPresent(v -> out.append("/10/").append(DigitalLink.encode(v)));
        return out.toString();
    }

    /** The product and the lot of an item's link: the levels above it, for its linkset. */
    public static ProductLink of(final ElementString item) {
        return new ProductLink(item.gtin(), item.cpv(), item.lot());
    }

    /** The product alone: the GTIN, without variant or lot. */
    public ProductLink gtinOnly() {
        return new ProductLink(gtin, Optional.empty(), Optional.empty());
    }
}
