package com.serialtrust.api.verify;

import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.gs1.ProductLink;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What a resolver path names: one item ({@code item} present; {@code level} is its lot, or its product),
 * or a product or lot above the items ({@code item} empty).
 */
record ResolverTarget(Optional<DigitalLink> item, ProductLink level) {

    /** Lot- or product-level: {@code /01/<gtin>[/22/<cpv>][/10/<lot>]} and nothing after. */
    private static final Pattern ABOVE_ITEM = Pattern.compile("/01/[^/]+(/22/[^/]+)?(/10/[^/]+)?");

    ResolverTarget {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(level, "level");
    }

    static ResolverTarget of(final DigitalLink item) {
        return new ResolverTarget(Optional.of(item), ProductLink.of(item.element()));
    }

    /**
     * The request as the Digital Link it is, item or above; the host does not matter, only the path
     * and query. A trailing slash is tolerated.
     */
    static ResolverTarget of(final ServerHttpRequest request) {
        final String query = request.getURI().getRawQuery();
        String path = request.getURI().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        final String uri = "https://resolver" + path + (query == null ? "" : "?" + query);
        return ABOVE_ITEM.matcher(path).matches() ? new ResolverTarget(Optional.empty(), ProductLink.parse(uri))
                : of(DigitalLink.parse(uri));
    }

    /** The item's link, when the target is an item; a product-level target never reaches a caller of this. */
    DigitalLink requireItem() {
        return item.orElseThrow(() -> new IllegalStateException("not an item: " + level));
    }

    /** The target's URI under {@code resolverRoot}: its key and qualifiers, no query. */
    String anchor(final String resolverRoot) {
        if (item.isEmpty()) {
            return level.toUri(resolverRoot);
        }
        final String uri = new DigitalLink(item.get().element(), Optional.empty()).toUri(resolverRoot);
        final int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
