package com.serialtrust.api.verify;

import com.serialtrust.api.qr.QrProperties;
import com.serialtrust.api.web.EdgeFilter;
import com.serialtrust.gs1.CompressedLink;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Compressed GS1 Digital Link URIs resolve as the links they stand for: {@code /<compressed>} (fully
 * compressed) and {@code /01/<gtin>/<compressed>} (the key written out) are read, and the request goes
 * on as the uncompressed link, its own query string after what the compressed part held; the answer
 * names the uncompressed link in {@code Link: <...>; rel="owl:sameAs"}. A path that does not read as a
 * compressed link of a GTIN goes on untouched, to whatever else answers it (a word such as
 * {@code /ping} is never one: too short, and its bits are no AI and value).
 */
@Component
// after the size limits and the client's address (security/ClientAddress, + 5), so that the two never
// share a place; before security, rate limits and routing see the path
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class CompressedLinks implements EdgeFilter {

    /** A fully compressed link of a GTIN is at least 55 bits: its code and the GTIN. */
    private static final Pattern FULL = Pattern.compile("/([A-Za-z0-9_-]{10,})/?");
    private static final Pattern PARTIAL = Pattern.compile("/01/([0-9]{14})/([A-Za-z0-9_-]+)/?");

    private final QrProperties qr;

    CompressedLinks(final QrProperties qr) {
        this.qr = qr;
    }

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final URI uri = exchange.getRequest().getURI();
        final Optional<String> link = uncompressed(uri.getRawPath());
        if (link.isEmpty()) {
            return chain.filter(exchange);
        }
        final String own = uri.getRawQuery();
        final String target = link.get() + (own == null || own.isEmpty() ? "" : (link.get().contains("?") ? "&" : "?") + own);
        final URI rewritten = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + target);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().add(HttpHeaders.LINK, "<" + qr.resolverRoot() + target + ">; rel=\"owl:sameAs\"");
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request -> request.uri(rewritten)).build());
    }

    /** The uncompressed path and query of a compressed link of a GTIN, or empty if {@code path} is not one. */
    static Optional<String> uncompressed(final String path) {
        if (!shapedLikeOne(path)) {
            return Optional.empty();
        }
        final Matcher full = FULL.matcher(path);
        if (full.matches()) {
            return CompressedLink.decode(full.group(1)).flatMap(CompressedLink.Decoded::gtinLink);
        }
        final Matcher partial = PARTIAL.matcher(path);
        if (partial.matches()) {
            return CompressedLink.decode(partial.group(2)).filter(d -> !d.ais().containsKey("01"))
                    .flatMap(d -> d.withKey("01", partial.group(1)).gtinLink());
        }
        return Optional.empty();
    }

    /**
     * Whether a path has the segments a compressed link has: one (fully compressed, at least 11
     * characters with its slash) or three after {@code /01/}, a slash after them allowed. Every request
     * passes here, and most (a resolver path, {@code /ping}) fail this without a regular expression.
     */
    private static boolean shapedLikeOne(final String path) {
        final int length = path.endsWith("/") ? path.length() - 1 : path.length();
        int slashes = 0;
        for (int i = 0; i < length; i++) {
            if (path.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes == 1 && length >= 11 || slashes == 3 && path.startsWith("/01/");
    }
}
