package com.serialtrust.api.security;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys on every staff endpoint ({@code /api/**}): {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}. Public verification, problem types and health need none. Sessionless:
 * no cookies, so no CSRF. A request that neither asks for a staff endpoint nor presents a key cannot
 * be authenticated or refused: it passes through the public chain, which writes the same security
 * headers and the resolver's CORS rules and nothing else (the full chain cost the public resolver
 * more than the rest of a request).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    ApiKeys apiKeys(final SecurityProperties properties, final LedgerProperties ledger) {
        return new ApiKeys(properties, ledger);
    }

    @Bean
    ProblemWriter problemWriter(final JsonMapper json) {
        return new ProblemWriter(json);
    }

    /**
     * No observation (trace and timer) around each security filter, authentication and authorisation:
     * one per filter per request, where the request's own timer says what operators need.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static final String API_KEY = "X-Api-Key";

    private static final List<PathPattern> STAFF_PATHS = Stream.of("/api/**", "/actuator/**")
            .map(PathPatternParser.defaultInstance::parse).toList();

    /**
     * The staff endpoints and the metrics, and any request that presents a key (a wrong key is refused
     * anywhere). Not Spring Security's composite matchers: they format a debug line per request.
     */
    static final ServerWebExchangeMatcher STAFF = exchange -> {
        final HttpHeaders headers = exchange.getRequest().getHeaders();
        final PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return headers.containsHeader(HttpHeaders.AUTHORIZATION) || headers.containsHeader(API_KEY)
                || STAFF_PATHS.stream().anyMatch(p -> p.matches(path)) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    };

    @Bean
    @Order(1)
    SecurityWebFilterChain securityWebFilterChain(final ServerHttpSecurity http, final ApiKeys keys,
            final ProblemWriter problems) {
        final ReactiveAuthenticationManager manager = authentication -> Mono.justOrEmpty(
                        keys.holder(String.valueOf(authentication.getCredentials())))
                .<org.springframework.security.core.Authentication>map(ApiKeyAuthentication::new)
                .switchIfEmpty(Mono.error(new BadCredentialsException("unknown API key")));
        final AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(presentedKey(exchange.getRequest().getHeaders()))
                .map(key -> UsernamePasswordAuthenticationToken.unauthenticated("api-key", key)));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        filter.setAuthenticationFailureHandler((webFilterExchange, e) -> problems.write(webFilterExchange.getExchange(),
                ApiError.UNAUTHENTICATED, "the API key is not valid"));
        return http
                .securityMatcher(STAFF)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .addFilterAt(new HttpHeaderWriterWebFilter(SecurityHeaders.INSTANCE), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .cors(cors -> cors.configurationSource(ResolverCors.source()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // no login page to return to. The default cache asks every request for a web session, and
                // making one moves the rest of the request onto two other thread pools: most of /ping's cost
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .addFilterAt(filter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        // staff only: the api's own endpoints, and the metrics (request counts, ledger and
                        // Redis timings) that tell an outsider how the service is built and how busy it is
                        .pathMatchers("/api/**", "/actuator/prometheus").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, ApiError.UNAUTHENTICATED,
                                "this endpoint needs an API key: Authorization: Bearer <key>"))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, ApiError.FORBIDDEN,
                                "this API key may not do that")))
                .build();
    }

    /**
     * Every other request: the security headers and the resolver's CORS rules, as the staff chain writes
     * them. Each filter has a fixed name: Spring names each filter of a chain on every request, by
     * default from its class and identity, a string built anew each time.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain publicWebFilterChain() {
        return new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(), List.of(
                new HttpHeaderWriterWebFilter(SecurityHeaders.INSTANCE) {
                    @Override
                    public String toString() {
                        return "SecurityHeaders";
                    }
                },
                new CorsWebFilter(ResolverCors.source()) {
                    @Override
                    public String toString() {
                        return "ResolverCors";
                    }
                }));
    }

    private static Optional<String> presentedKey(final HttpHeaders headers) {
        final String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.ofNullable(headers.getFirst(API_KEY)).map(String::strip);
    }
}
