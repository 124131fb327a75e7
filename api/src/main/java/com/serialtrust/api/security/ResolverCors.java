package com.serialtrust.api.security;

import java.time.Duration;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin reads of the public resolver, as a GS1-conformant resolver must allow them: any web
 * page may read a verification and the resolver description, with GET, HEAD or OPTIONS, and no
 * credentials travel. Staff endpoints get no CORS headers at all, so a browser never lets another
 * site read them.
 */
final class ResolverCors {

    private ResolverCors() {}

    static CorsConfigurationSource source() {
        final CorsConfiguration open = new CorsConfiguration();
        open.setAllowedOrigins(List.of(CorsConfiguration.ALL));
        open.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        open.setAllowedHeaders(List.of(CorsConfiguration.ALL));
        open.setExposedHeaders(List.of("Link", "Retry-After", "Content-Location"));
        open.setAllowCredentials(false);
        open.setMaxAge(Duration.ofHours(1));
        final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/01/**", open);
        source.registerCorsConfiguration("/.well-known/gs1resolver", open);
        return source;
    }
}
