package com.serialtrust.api.verify;

import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets browsers keep the pages' scripts, styles, icon and QR decoder for a year: the build names each
 * by its content's hash, so a changed file is a new address. The pages themselves are asked for again
 * each time (they name the current files), so a second visit transfers little more than the page.
 */
@Component
class AssetCaching implements WebFilter {

    /** A file the build named by its hash: {@code /app/scan-4ZL5FD24.js}, {@code /app/zxing_reader-6K8x7bVtBS.wasm}. */
    private static final Pattern HASHED = Pattern.compile("/app/[A-Za-z_]+-[A-Za-z0-9_-]{8,}\\.(js|css|svg|wasm)");

    static final String FOR_A_YEAR = "public, max-age=31536000, immutable";

    @Override
    public Mono<Void> filter(final ServerWebExchange exchange, final WebFilterChain chain) {
        final String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/app/") && HASHED.matcher(path).matches()) {
            // set before the response is written, so that the security headers' "no-store" stays off it
            exchange.getResponse().beforeCommit(() -> {
                if (exchange.getResponse().getStatusCode() != null && exchange.getResponse().getStatusCode().is2xxSuccessful()) {
                    final HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.setCacheControl(FOR_A_YEAR);
                    headers.remove(HttpHeaders.PRAGMA);
                    headers.remove(HttpHeaders.EXPIRES);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    /** Spring names each filter of its chain on every request (a checkpoint): a fixed name costs nothing. */
    @Override
    public String toString() {
        return "AssetCaching";
    }
}
