package com.serialtrust.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * The api's handler lookup, checking paths first, finds the handler Spring's own lookup finds, or the
 * same refusal, for every kind of request the api answers or refuses; the actuator is asked last.
 */
class HandlerLookupIntegrationTests extends DemoIntegrationTest {

    private static final String ITEM = "/01/09520123456788/21/DEMO-0001";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping api;

    @Autowired
    DispatcherHandler dispatcher;

    @Autowired
    ApplicationContext context;

    private static List<MockServerHttpRequest> requests() {
        return List.of(
                MockServerHttpRequest.get("/ping").header("Accept", "text/plain").build(),
                MockServerHttpRequest.get("/ping").header("Accept", "application/json").build(),
                MockServerHttpRequest.method(HttpMethod.DELETE, "/ping").build(),
                MockServerHttpRequest.get(ITEM).header("Accept", "application/json").build(),
                MockServerHttpRequest.get(ITEM).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                MockServerHttpRequest.get(ITEM).build(),
                MockServerHttpRequest.get(ITEM + "?linkType=all").header("Accept", "application/linkset+json").build(),
                MockServerHttpRequest.get("/01/09520123456788").header("Accept", "application/json").build(),
                MockServerHttpRequest.get("/01/09520123456788/10/L1/21/S1/extra").header("Accept", "*/*").build(),
                MockServerHttpRequest.post("/api/items").header("Content-Type", "application/json").build(),
                MockServerHttpRequest.post("/api/items").header("Content-Type", "text/plain").build(),
                MockServerHttpRequest.put("/api/items").header("Content-Type", "application/json").build(),
                MockServerHttpRequest.post("/verify/photo").header("Content-Type", "image/png").build(),
                MockServerHttpRequest.get("/api/items/09520123456788/DEMO-0001/history.epcis").header("Accept", "application/ld+json").build(),
                MockServerHttpRequest.options(ITEM).header("Origin", "https://example.com")
                        .header("Access-Control-Request-Method", "GET").build(),
                MockServerHttpRequest.get("/.well-known/gs1resolver").build(),
                MockServerHttpRequest.get("/nowhere").build(),
                MockServerHttpRequest.get("/").header("Accept", "text/html").build(),
                MockServerHttpRequest.get("/API/keys").build(),
                // a pattern compares a segment decoded and without its ;parameters
                MockServerHttpRequest.method(HttpMethod.GET, URI.create("/ping;a=b")).header("Accept", "text/plain").build(),
                MockServerHttpRequest.method(HttpMethod.GET, URI.create("/%30%31/09520123456788/21/DEMO-0001"))
                        .header("Accept", "application/json").build(),
                MockServerHttpRequest.get("/actuator/health").build());
    }

    /** What a lookup found: the handler, nothing, or the kind of refusal. */
    static String found(final HandlerMapping mapping, final MockServerHttpRequest request) {
        return mapping.getHandler(MockServerWebExchange.from(request)).map(String::valueOf)
                .onErrorResume(e -> Mono.just(e.getClass().getSimpleName())).defaultIfEmpty("nothing").block();
    }

    @Test
    void everyRequestFindsTheHandlerSpringsOwnLookupFinds() {
        assertThat(api).isInstanceOf(HandlerLookup.PathFirst.class);
        final RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setApplicationContext(context);
        api.getHandlerMethods().forEach((info, method) -> spring.registerMapping(info, method.getBean(), method.getMethod()));
        final List<String> outcomes = requests().stream().map(request -> found(api, request)).toList();
        assertThat(outcomes).isEqualTo(requests().stream().map(request -> found(spring, request)).toList());
        // and the requests do reach different outcomes: handlers, refusals and nothing
        assertThat(outcomes).contains("nothing", "NotAcceptableStatusException", "MethodNotAllowedException",
                "UnsupportedMediaTypeStatusException").anyMatch(outcome -> outcome.contains("PingController"));
    }

    @Test
    void theActuatorIsAskedAfterTheApisOwnMappings() {
        final List<HandlerMapping> mappings = dispatcher.getHandlerMappings();
        final int api = mappings.indexOf(this.api);
        assertThat(mappings.stream().filter(m -> m.getClass().getPackageName().contains(".actuate."))
                .mapToInt(mappings::indexOf)).isNotEmpty().allMatch(index -> index > api);
        assertThat(((Ordered) this.api).getOrder()).isLessThan(HandlerLookup.ACTUATOR_ORDER);
    }
}
