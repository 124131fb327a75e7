package com.serialtrust.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * What a hostile client sends, at every endpoint the api maps: broken and oversized bodies, nulls in
 * lists, the wrong media types, a bad Accept, broken multipart, malformed encodings, long addresses
 * and headers, no key and a wrong key. Whatever comes back is never a 5xx, and every error is RFC 9457
 * problem JSON with a code, naming no class of ours or of a library.
 */
class HostileInputIntegrationTests extends DemoIntegrationTest {

    @LocalServerPort
    int port;

    /** One request as sent on the wire: the address is not re-encoded. */
    record Hostile(String name, String method, String uri, Map<String, String> headers, byte[] body) {}

    /** What came back. */
    record Answer(int status, String contentType, String body) {}

    private Answer send(final Hostile h) {
        // a connection of its own for each request: a server that closes one after a refusal must not
        // take the next request down with it
        final HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).responseTimeout(Duration.ofSeconds(30))
                .headers(headers -> h.headers().forEach(headers::set));
        return client.request(HttpMethod.valueOf(h.method())).uri("http://localhost:" + port + h.uri())
                .send(h.body() == null ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(h.body())))
                .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(),
                                String.valueOf(response.responseHeaders().get("Content-Type")), text)))
                .block(Duration.ofSeconds(60));
    }

    /**
     * Every path the api maps, with its variables filled in: the demo's GTIN and an item nobody
     * registered, so that a hostile call that gets through changes no item another test relies on.
     */
    private static List<String[]> endpoints(final RequestMappingHandlerMapping mappings) {
        final Set<String> seen = new LinkedHashSet<>();
        final List<String[]> out = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("com.serialtrust")) {
                return;
            }
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    final String path = pattern.getPatternString()
                            .replace("{gtin}", "09520123456788").replace("{serial}", "HOSTILE-1").replace("{lot}", "L1")
                            .replace("{cpv}", "BLUE").replace("{id}", "no-such-id").replace("{keyId}", "no-such-key")
                            .replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
                    if (seen.add(method.name() + " " + path)) {
                        out.add(new String[] {method.name(), path});
                    }
                }
            }
        });
        return out;
    }

    private List<Hostile> corpus(final RequestMappingHandlerMapping mappings) {
        final String brand = bearer("brand");
        final byte[] huge = ("[" + "{\"gtin\":\"09520123456788\",\"serial\":\"X\"},".repeat(150_000) + "{}]").getBytes(StandardCharsets.UTF_8);
        final String brokenMultipart = "--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n\u0089PNG truncated";
        final List<Hostile> out = new ArrayList<>();
        for (String[] endpoint : endpoints(mappings)) {
            final String method = endpoint[0];
            final String path = endpoint[1];
            final String n = method + " " + path;
            final Map<String, String> json = Map.of("Authorization", brand, "Content-Type", "application/json");
            out.add(new Hostile(n + " broken JSON", method, path, json, "{\"items\": [".getBytes(StandardCharsets.UTF_8)));
            out.add(new Hostile(n + " nulls", method, path, json, ("{\"items\":[null],\"serials\":[null],\"components\":[null],"
                    + "\"scope\":null,\"notice\":null,\"publicKey\":null,\"to\":null}").getBytes(StandardCharsets.UTF_8)));
            out.add(new Hostile(n + " a list of nulls", method, path, json, "[null,null]".getBytes(StandardCharsets.UTF_8)));
            out.add(new Hostile(n + " 6 MB body", method, path, json, huge));
            out.add(new Hostile(n + " wrong media type", method, path,
                    Map.of("Authorization", brand, "Content-Type", "text/x-nonsense"), "hello".getBytes(StandardCharsets.UTF_8)));
            out.add(new Hostile(n + " broken multipart", method, path,
                    Map.of("Authorization", brand, "Content-Type", "multipart/form-data; boundary=b"),
                    brokenMultipart.getBytes(StandardCharsets.ISO_8859_1)));
            out.add(new Hostile(n + " Accept XML", method, path, Map.of("Authorization", brand, "Accept", "application/xml"), null));
            out.add(new Hostile(n + " long address", method, path + "?q=" + "a".repeat(12_000), Map.of("Authorization", brand), null));
            out.add(new Hostile(n + " long header", method, path, Map.of("Authorization", brand, "X-Filler", "b".repeat(20_000)), null));
            out.add(new Hostile(n + " bad escape", method, path + "%ZZ", Map.of("Authorization", brand), null));
            out.add(new Hostile(n + " encoded NUL", method, path + "%00", Map.of("Authorization", brand), null));
            out.add(new Hostile(n + " overlong UTF-8", method, path.replace("HOSTILE-1", "%C0%AFHOSTILE"), Map.of("Authorization", brand), null));
            out.add(new Hostile(n + " no key", method, path, Map.of(), null));
            out.add(new Hostile(n + " wrong key", method, path, Map.of("Authorization", "Bearer not-a-key"), null));
        }
        return out;
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noHostileRequestGetsA5xxAndEveryErrorIsProblemJson(
            @Autowired @Qualifier("requestMappingHandlerMapping") final RequestMappingHandlerMapping mappings,
            final CapturedOutput output) {
        final List<Hostile> corpus = corpus(mappings);
        final int logBefore = output.getAll().length();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        final List<String> broken = new ArrayList<>();
        int errors = 0;
        for (Hostile h : corpus) {
            final Answer a;
            try {
                a = send(h);
            } catch (RuntimeException e) {
                broken.add(h.name() + " -> no answer: " + e);
                continue;
            }
            if (a.status() >= 500) {
                broken.add(h.name() + " -> " + a.status() + " " + a.body());
            } else if (a.status() >= 400) {
                errors++;
                final String why = problemFault(a);
                if (why != null) {
                    broken.add(h.name() + " -> " + a.status() + " " + why + ": " + a.contentType() + " " + a.body());
                }
            }
        }
        assertThat(broken).as("of %d hostile requests", corpus.size()).isEmpty();
        assertThat(output.getAll().substring(logBefore)).as("the log while they were answered").doesNotContain("\tat ");
        assertThat(errors).as("most hostile requests are refused").isGreaterThan(corpus.size() / 2);
    }

    @Test
    void headersOverTheLimitAreRefusedWith431AndHeadersUnderItAreAnswered() {
        final String ping = "/ping";
        final Answer over = send(new Hostile("over", "GET", ping, Map.of("X-Filler", "b".repeat(16 * 1024)), null));
        assertThat(over.status()).isEqualTo(431);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.body()).contains("\"code\":\"HEADERS_TOO_LARGE\"");
        assertThat(send(new Hostile("under", "GET", ping, Map.of("X-Filler", "b".repeat(15 * 1024)), null)).status()).isEqualTo(200);
        // counted over all headers, not one
        final Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("X-Filler-" + i, "b".repeat(4 * 1024));
        }
        assertThat(send(new Hostile("many", "GET", ping, many, null)).status()).isEqualTo(431);
    }

    /** What is wrong with an error response, or null if it is a proper problem. */
    private String problemFault(final Answer a) {
        if (!a.contentType().startsWith("application/problem+json")) {
            return "not problem JSON";
        }
        final JsonNode problem;
        try {
            problem = json.readTree(a.body());
        } catch (RuntimeException e) {
            return "unreadable";
        }
        if (!problem.hasNonNull("code") || !problem.path("type").asString("").startsWith("/problems/")
                || problem.path("status").asInt() != a.status()) {
            return "no code, type or status";
        }
        if (a.body().matches("(?s).*(com\\.serialtrust|tools\\.jackson|java\\.|org\\.spring|Exception|\\tat ).*")) {
            return "names an internal class";
        }
        return null;
    }
}
