package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.problem.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys on every staff endpoint ({@code /api/**}): {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}. Public verification, problem types and health need none. Sessionless:
 * no cookies, so no CSRF.
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

    @Bean
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
                .cors(cors -> cors.configurationSource(ResolverCors.source()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
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

    private static java.util.Optional<String> presentedKey(final HttpHeaders headers) {
        final String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return java.util.Optional.of(authorization.substring(7).strip());
        }
        return java.util.Optional.ofNullable(headers.getFirst("X-Api-Key")).map(String::strip);
    }
}
