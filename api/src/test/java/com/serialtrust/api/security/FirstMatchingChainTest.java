package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/** The api's chain proxy does what Spring Security's does with the same chains, for every kind of request. */
class FirstMatchingChainTest {

    private static final ServerExchangeRejectedHandler REJECTED = (exchange, e) -> {
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        return exchange.getResponse().setComplete();
    };

    /** What a request met: the chains that ran (by the header each one's filter adds), the rest, the status, an error. */
    record Outcome(List<String> chains, boolean reachedTheRest, HttpStatus status, String error) {
    }

    private static SecurityWebFilterChain chain(final String name, final ServerWebExchangeMatcher matcher) {
        final WebFilter mark = (exchange, next) -> {
            exchange.getResponse().getHeaders().add("X-Chain", name);
            return next.filter(exchange);
        };
        final WebFilter stop = (exchange, next) -> exchange.getRequest().getPath().value().endsWith("/stop")
                ? Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN)) : next.filter(exchange);
        return new MatcherSecurityWebFilterChain(matcher, List.of(mark, stop));
    }

    private static ServerWebExchangeMatcher pathStarts(final String prefix) {
        return exchange -> exchange.getRequest().getPath().value().startsWith(prefix)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static Outcome run(final WebFilterChainProxy proxy, final MockServerHttpRequest request) {
        final ServerWebExchange exchange = MockServerWebExchange.from(request);
        final boolean[] reached = {false};
        String error = null;
        try {
            proxy.filter(exchange, e -> Mono.fromRunnable(() -> reached[0] = true)).block();
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        final List<String> chains = exchange.getResponse().getHeaders().get("X-Chain");
        final HttpStatus status = exchange.getResponse().getStatusCode() == null ? null
                : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
        return new Outcome(chains == null ? List.of() : chains, reached[0], status, error);
    }

    /** Each request through Spring's proxy and the api's, built from the same chains; the outcomes side by side. */
    private static List<Outcome[]> both(final List<SecurityWebFilterChain> chains, final List<MockServerHttpRequest> requests) {
        final WebFilterChainProxy spring = new WebFilterChainProxy(chains);
        spring.setFirewall(new StrictServerWebExchangeFirewall());
        spring.setExchangeRejectedHandler(REJECTED);
        final FirstMatchingChain api = new FirstMatchingChain(chains, new StrictServerWebExchangeFirewall(), REJECTED);
        final List<Outcome[]> outcomes = new ArrayList<>();
        for (MockServerHttpRequest request : requests) {
            outcomes.add(new Outcome[] {run(spring, request), run(api, request)});
        }
        return outcomes;
    }

    private static final List<MockServerHttpRequest> REQUESTS = List.of(
            MockServerHttpRequest.get("/api/items").build(),
            MockServerHttpRequest.get("/api/stop").build(),
            MockServerHttpRequest.get("/actuator/health").build(),
            MockServerHttpRequest.get("/ping").build(),
            MockServerHttpRequest.get("/public/stop").build(),
            MockServerHttpRequest.method(HttpMethod.valueOf("TRACE"), "/api/items").build(),
            MockServerHttpRequest.get("/a/%2e%2e/api/items").build(),
            MockServerHttpRequest.get("/error/now").build());

    private static void assertSame(final List<Outcome[]> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            assertThat(outcomes.get(i)[1]).as(REQUESTS.get(i).getMethod() + " " + REQUESTS.get(i).getURI())
                    .isEqualTo(outcomes.get(i)[0]);
        }
    }

    @Test
    void theFirstMatchingChainRunsAndTheRestAfterIt() {
        final List<Outcome[]> outcomes = both(List.of(chain("staff", pathStarts("/api/")), chain("public", e -> ServerWebExchangeMatcher.MatchResult.match())), REQUESTS);
        assertSame(outcomes);
        assertThat(outcomes.get(0)[1]).isEqualTo(new Outcome(List.of("staff"), true, null, null));
        assertThat(outcomes.get(1)[1]).isEqualTo(new Outcome(List.of("staff"), false, HttpStatus.FORBIDDEN, null));
        assertThat(outcomes.get(3)[1]).isEqualTo(new Outcome(List.of("public"), true, null, null));
    }

    @Test
    void withNoMatchingChainTheRequestGoesStraightOn() {
        final List<Outcome[]> outcomes = both(List.of(chain("staff", pathStarts("/api/")), chain("metrics", pathStarts("/actuator/"))), REQUESTS);
        assertSame(outcomes);
        assertThat(outcomes.get(2)[1].chains()).containsExactly("metrics");
        assertThat(outcomes.get(3)[1]).isEqualTo(new Outcome(List.of(), true, null, null));
    }

    @Test
    void aMatcherThatAnswersNothingDoesNotMatchAndOneThatFailsFailsTheRequest() {
        final Function<ServerWebExchange, Mono<ServerWebExchangeMatcher.MatchResult>> silentOrFailing = exchange ->
                exchange.getRequest().getPath().value().startsWith("/error/") ? Mono.error(new IllegalStateException("matcher failed"))
                        : Mono.empty();
        final List<Outcome[]> outcomes = both(List.of(chain("silent", silentOrFailing::apply), chain("staff", pathStarts("/api/"))), REQUESTS);
        assertSame(outcomes);
        assertThat(outcomes.get(0)[1].chains()).containsExactly("staff");
        assertThat(outcomes.get(7)[1]).isEqualTo(new Outcome(List.of(), false, null, "matcher failed"));
    }

    @Test
    void whatTheFirewallRejectsGoesToTheRejectionHandlerAndNoChain() {
        final List<Outcome[]> outcomes = both(List.of(chain("staff", pathStarts("/api/"))), REQUESTS);
        assertSame(outcomes);
        assertThat(outcomes.get(5)[1]).isEqualTo(new Outcome(List.of(), false, HttpStatus.BAD_REQUEST, null));
        assertThat(outcomes.get(6)[1]).isEqualTo(new Outcome(List.of(), false, HttpStatus.BAD_REQUEST, null));
    }
}
