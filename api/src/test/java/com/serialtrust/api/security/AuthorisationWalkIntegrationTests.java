package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import com.serialtrust.api.qr.QrCodes;
import com.serialtrust.api.security.RoleTable.Rule;
import com.serialtrust.api.security.RoleTable.Who;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

/**
 * The authorisation walk: every endpoint of the role table, called as every organisation of the demo,
 * without a key and with a wrong key, each call on fresh items in the state the call needs. No call
 * may succeed where the table says it must not; and for every endpoint, a caller the table allows does
 * succeed, so that a refusal is the role's doing and not a broken sample.
 */
class AuthorisationWalkIntegrationTests extends DemoIntegrationTest {

    static final String GTIN = "09520123456788";
    static final List<String> CALLERS = List.of("brand", "retail", "police", "service", "authority", "(no key)", "(wrong key)");
    static final Map<Who, Set<String>> ALLOWED = Map.of(
            Who.ANYONE, Set.copyOf(CALLERS),
            Who.STAFF, Set.of("brand", "retail", "police", "service", "authority"),
            Who.MANUFACTURER, Set.of("brand"),
            Who.RETAILER, Set.of("retail"),
            Who.RETAILER_OR_MANUFACTURER, Set.of("retail", "brand"),
            Who.POLICE, Set.of("police"),
            Who.SERVICE, Set.of("service"),
            Who.MANUFACTURER_OR_SERVICE, Set.of("brand", "service"));
    /** Endpoints no caller can pass here: no Redis in this test, and the owner's proof is nobody's. */
    static final Set<String> NONE_SUCCEEDS_HERE = Set.of("GET /api/police/sightings", "DELETE /api/suspects/{gtin}/{serial}",
            "POST /owner/items/{gtin}/{serial}/claim", "POST /owner/items/{gtin}/{serial}/transfer",
            "POST /owner/items/{gtin}/{serial}/theft", "POST /owner/items/{gtin}/{serial}/contact");

    private final AtomicInteger counter = new AtomicInteger();

    /** One call: what to send, and who holds the items it acts on (if holding matters). */
    record Call(String method, String uri, String contentType, byte[] body, Optional<String> holder) {
        static Call get(final String uri) {
            return new Call("GET", uri, null, null, Optional.empty());
        }

        static Call json(final String method, final String uri, final String body) {
            return new Call(method, uri, MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.UTF_8), Optional.empty());
        }

        Call heldBy(final String org) {
            return new Call(method, uri, contentType, body, Optional.of(org));
        }
    }

    // --- fresh state

    private String serial() {
        return "WALK-" + counter.incrementAndGet();
    }

    private JsonNode post(final String org, final String uri, final Object body) {
        try {
            return postOnce(org, uri, body);
        } catch (IllegalStateException e) {
            dumpThreads(uri);
            throw e;
        }
    }

    /** What every thread of this JVM (the api runs in it) was doing when a request got no answer. */
    private static void dumpThreads(final String uri) {
        final StringBuilder out = new StringBuilder("walk: no answer to " + uri + "; threads:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                out.append("    ").append(frame).append('\n');
            }
        });
        System.out.println(out);
    }

    private JsonNode postOnce(final String org, final String uri, final Object body) {
        final byte[] answer = client().post().uri(uri).header("Authorization", bearer(org)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful().expectBody().returnResult().getResponseBody();
        return answer == null ? json.createObjectNode() : json.readTree(answer);
    }

    /** A fresh item, registered and held by the brand. */
    private String registered() {
        final String serial = serial();
        post("brand", "/api/items", List.of(Map.of("gtin", GTIN, "serial", serial, "lot", "WALK")));
        return serial;
    }

    private static List<Map<String, String>> refs(final String serial) {
        return List.of(Map.of("gtin", GTIN, "serial", serial));
    }

    private String inTransitToRetail() {
        final String serial = registered();
        post("brand", "/api/shipments", Map.of("items", refs(serial), "to", "RetailMSP"));
        return serial;
    }

    private String inRetailStock() {
        final String serial = inTransitToRetail();
        post("retail", "/api/receipts", Map.of("items", refs(serial)));
        return serial;
    }

    /** Sold; returns {serial, claim secret}. */
    private String[] sold() {
        final String serial = inRetailStock();
        return new String[] {serial, post("retail", item(serial) + "/sale", Map.of()).get("claimSecret").asString()};
    }

    private String stolen() {
        final String serial = registered();
        post("brand", item(serial) + "/theft", Map.of("date", "2026-01-01", "place", "walk"));
        return serial;
    }

    private static String item(final String serial) {
        return "/api/items/" + GTIN + "/" + serial;
    }

    private String spareKey() {
        revokeSpareKeys();
        return post("brand", "/api/keys", Map.of("publicKey", newPublicKey())).get("keyId").asString();
    }

    /** Revokes every active key of the brand but the one that signs the demo's labels: a brand holds at most 16. */
    private void revokeSpareKeys() {
        final String demoKey = json.readTree(client().get().uri("/api/items/" + GTIN + "/DEMO-0001").header("Authorization", bearer("brand"))
                .exchange().expectBody().returnResult().getResponseBody()).get("keyId").asString();
        final JsonNode keys = json.readTree(client().get().uri("/api/keys").header("Authorization", bearer("brand"))
                .exchange().expectBody().returnResult().getResponseBody());
        for (JsonNode key : keys) {
            if (key.get("status").asString().equals("ACTIVE") && !key.get("keyId").asString().equals(demoKey)) {
                post("brand", "/api/keys/" + key.get("keyId").asString() + "/revocation", Map.of());
            }
        }
    }

    private static String newPublicKey() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GTIN-14 under the demo brand's prefix 9520123 that no one has registered yet. */
    private String freshGtin() {
        final String body = "09520123" + String.format("%05d", 50_000 + counter.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(body.length() - 1 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }

    private String recall() {
        return post("brand", "/api/recalls", Map.of("scope", Map.of("gtin", GTIN, "serial", registered()), "notice", "walk"))
                .get("result").get("id").asString();
    }

    private String anImport() {
        return json.readTree(client().post().uri("/api/imports").header("Authorization", bearer("brand"))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("gtin,serial\n" + GTIN + "," + serial() + "\n")
                .exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
    }

    private byte[] labelPhoto() {
        final String uri = labels.uri(new com.serialtrust.api.ledger.Organisation("brand", "BrandMSP"), GTIN, "DEMO-0001").block();
        return QrCodes.png(uri, 300);
    }

    /** The call that exercises a rule, on state made for it alone. */
    private Call sample(final Rule rule) {
        final String p = rule.path();
        return switch (rule.method() + " " + p) {
            case "GET /01/{gtin}/21/{serial}" -> Call.get(labelPath("DEMO-0001"));
            case "GET /01/{gtin}/10/{lot}/21/{serial}" -> Call.get("/01/" + GTIN + "/10/WALK/21/" + registered());
            case "GET /01/{gtin}/22/{cpv}/21/{serial}" -> Call.get("/01/" + GTIN + "/22/BLUE/21/DEMO-0001");
            case "GET /01/{gtin}/22/{cpv}/10/{lot}/21/{serial}" -> Call.get("/01/" + GTIN + "/22/BLUE/10/WALK/21/DEMO-0001");
            case "GET /01/**" -> Call.get(labelPath("DEMO-0001").replace("?", "/?"));
            case "GET /01/{gtin}" -> Call.get("/01/" + GTIN);
            case "GET /01/{gtin}/10/{lot}" -> Call.get("/01/" + GTIN + "/10/WALK");
            case "GET /01/{gtin}/22/{cpv}" -> Call.get("/01/" + GTIN + "/22/BLUE");
            case "GET /01/{gtin}/22/{cpv}/10/{lot}" -> Call.get("/01/" + GTIN + "/22/BLUE/10/WALK");
            case "POST /verify/photo" -> new Call("POST", "/verify/photo", MediaType.IMAGE_PNG_VALUE, labelPhoto(), Optional.empty());
            case "GET /", "GET /app/", "GET /ping", "GET /.well-known/gs1resolver", "GET /api/me", "GET /api/keys", "GET /api/suspects", "GET /api/dashboard", "GET /api/police/stolen",
                    "GET /api/police/sightings" -> Call.get(p);
            case "POST /owner/items/{gtin}/{serial}/claim", "POST /owner/items/{gtin}/{serial}/transfer" -> Call.json("POST",
                    p.replace("{gtin}", GTIN).replace("{serial}", sold()[0]),
                    "{\"secret\":\"not-the-owner-secret\",\"newSecret\":\"another-secret-123\"}");
            case "POST /owner/items/{gtin}/{serial}/theft" -> Call.json("POST", p.replace("{gtin}", GTIN).replace("{serial}", sold()[0]),
                    "{\"secret\":\"not-the-owner-secret\",\"date\":\"2026-01-01\"}");
            case "POST /owner/items/{gtin}/{serial}/contact" -> Call.json("POST", p.replace("{gtin}", GTIN).replace("{serial}", sold()[0]),
                    "{\"secret\":\"not-the-owner-secret\",\"contact\":{\"email\":\"x@example.org\"}}");
            case "POST /api/keys" -> {
                revokeSpareKeys();
                yield Call.json("POST", p, "{\"publicKey\":\"" + newPublicKey() + "\"}");
            }
            case "POST /api/keys/{keyId}/rotation" -> Call.json("POST", p.replace("{keyId}", spareKey()),
                    "{\"publicKey\":\"" + newPublicKey() + "\"}");
            case "POST /api/keys/{keyId}/revocation" -> new Call("POST", p.replace("{keyId}", spareKey()), null, null, Optional.empty());
            case "POST /api/keys/{keyId}/compromise" -> Call.json("POST", p.replace("{keyId}", spareKey()),
                    "{\"from\":\"" + Instant.now().minusSeconds(60) + "\"}");
            case "POST /api/products" -> Call.json("POST", p, "{\"gtin\":\"" + freshGtin() + "\",\"name\":\"Walk\",\"warrantyMonths\":12}");
            case "PUT /api/products/{gtin}/links" -> Call.json("PUT", p.replace("{gtin}", GTIN), "{\"links\":[]}");
            case "GET /api/products/{gtin}/links" -> Call.get(p.replace("{gtin}", GTIN));
            case "POST /api/items" -> Call.json("POST", p, "[{\"gtin\":\"" + GTIN + "\",\"serial\":\"" + serial() + "\"}]");
            case "POST /api/imports" -> new Call("POST", p, "text/csv",
                    ("gtin,serial\n" + GTIN + "," + serial() + "\n").getBytes(StandardCharsets.UTF_8), Optional.empty());
            case "GET /api/imports/{id}", "GET /api/imports/{id}/errors" -> Call.get(p.replace("{id}", anImport()));
            case "GET /api/items/{gtin}/{serial}", "GET /api/items/{gtin}/{serial}/history",
                    "GET /api/items/{gtin}/{serial}/history.epcis", "GET /api/items/{gtin}/{serial}/label.png",
                    "GET /api/items/{gtin}/{serial}/label.svg", "GET /api/items/{gtin}/{serial}/warranty" ->
                    Call.get(p.replace("{gtin}", GTIN).replace("{serial}", "DEMO-0001"));
            case "GET /api/epcis/events" -> Call.get(p + "?MATCH_epc=https://id.gs1.org/01/" + GTIN + "/21/DEMO-0001");
            case "GET /api/lots/{gtin}/{lot}/labels.pdf" -> Call.get(p.replace("{gtin}", GTIN).replace("{lot}", "WALK"));
            case "POST /api/recalls" -> Call.json("POST", p, "{\"scope\":{\"gtin\":\"" + GTIN + "\",\"serial\":\"" + registered()
                    + "\"},\"notice\":\"walk\"}");
            case "DELETE /api/recalls/{id}" -> new Call("DELETE", p.replace("{id}", recall()), null, null, Optional.empty());
            case "GET /api/recalls" -> Call.get(p + "?gtin=" + GTIN);
            case "GET /api/recalls/{id}" -> Call.get(p.replace("{id}", recall()));
            case "DELETE /api/suspects/{gtin}/{serial}" -> new Call("DELETE", p.replace("{gtin}", GTIN).replace("{serial}", "DEMO-0001"),
                    null, null, Optional.empty());
            case "POST /api/shipments" -> Call.json("POST", p, "{\"items\":[{\"gtin\":\"" + GTIN + "\",\"serial\":\"" + registered()
                    + "\"}],\"to\":\"RetailMSP\"}").heldBy("brand");
            case "POST /api/receipts" -> Call.json("POST", p, "{\"items\":[{\"gtin\":\"" + GTIN + "\",\"serial\":\""
                    + inTransitToRetail() + "\"}]}").heldBy("retail");
            case "POST /api/items/{gtin}/{serial}/sale" -> Call.json("POST", item(inRetailStock()) + "/sale", "{}").heldBy("retail");
            case "POST /api/items/{gtin}/{serial}/return" -> {
                final String[] sale = sold();
                yield Call.json("POST", item(sale[0]) + "/return", "{\"secret\":\"" + sale[1] + "\"}");
            }
            case "POST /api/items/{gtin}/{serial}/decommission" -> Call.json("POST", item(registered()) + "/decommission",
                    "{\"reason\":\"walk\"}").heldBy("brand");
            case "POST /api/items/{gtin}/{serial}/components" -> Call.json("POST", item(registered()) + "/components",
                    "{\"components\":[{\"gtin\":\"" + GTIN + "\",\"serial\":\"" + registered() + "\"}]}").heldBy("brand");
            case "POST /api/items/{gtin}/{serial}/theft" -> Call.json("POST", item(registered()) + "/theft",
                    "{\"date\":\"2026-01-01\",\"place\":\"walk\"}").heldBy("brand");
            case "POST /api/items/{gtin}/{serial}/service-records" -> Call.json("POST", item(registered()) + "/service-records",
                    "{\"description\":\"walk\",\"replacedParts\":[]}");
            case "POST /api/items/{gtin}/{serial}/warranty/void" -> Call.json("POST", item(registered()) + "/warranty/void",
                    "{\"reason\":\"walk\"}");
            case "POST /api/police/checks" -> Call.json("POST", p, "{\"serials\":[{\"serial\":\"DEMO-0001\"}]}");
            case "GET /api/police/close-serials" -> Call.get(p + "?serial=DEMO-0001");
            case "POST /api/police/items/{gtin}/{serial}/flag" -> Call.json("POST",
                    p.replace("{gtin}", GTIN).replace("{serial}", registered()), "{\"date\":\"2026-01-01\"}");
            case "POST /api/police/items/{gtin}/{serial}/recovery" -> Call.json("POST",
                    p.replace("{gtin}", GTIN).replace("{serial}", stolen()), "{\"note\":\"walk\"}");
            case "GET /api/police/items/{gtin}/{serial}/theft" -> Call.get(p.replace("{gtin}", GTIN).replace("{serial}", stolen()));
            case "GET /api/police/items/{gtin}/{serial}/owner-contact" -> {
                final String[] sale = sold();
                post(null, "/owner/items/" + GTIN + "/" + sale[0] + "/contact",
                        Map.of("secret", sale[1], "contact", Map.of("email", "owner@example.org")));
                yield Call.get(p.replace("{gtin}", GTIN).replace("{serial}", sale[0]));
            }
            default -> throw new AssertionError("no sample call for " + rule.method() + " " + p + ": add one");
        };
    }

    /** The last calls sent, to name in a report of a call that got no answer. */
    private final java.util.Deque<String> recent = new java.util.ArrayDeque<>();

    private int send(final Call call, final String caller) {
        recent.addLast(call.method() + " " + call.uri() + " as " + caller);
        if (recent.size() > 4) {
            recent.removeFirst();
        }
        try {
            return sendOnce(call, caller);
        } catch (IllegalStateException e) {
            dumpThreads(String.join(" | ", recent));
            throw e;
        }
    }

    /**
     * A client that opens a connection for each call. On a pooled, kept-alive connection, a call after
     * a refusal now and then got no answer (server idle, 30 s timeout; see the closing note of the
     * session that wrote this): the walk is about who may call what, not about connection reuse.
     */
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    private int sendOnce(final Call call, final String caller) {
        var request = client().method(HttpMethod.valueOf(call.method())).uri(call.uri());
        if (caller.equals("(wrong key)")) {
            request = request.header("Authorization", "Bearer not-a-key-of-anyone");
        } else if (!caller.startsWith("(")) {
            request = request.header("Authorization", bearer(caller));
        }
        final var exchange = call.body() == null ? request.exchange()
                : request.contentType(MediaType.parseMediaType(call.contentType())).bodyValue(call.body()).exchange();
        return exchange.expectBody().returnResult().getStatus().value(); // the body read, so the connection goes back clean
    }

    @Override
    protected String bearer(final String organisation) {
        return organisation == null ? "" : super.bearer(organisation);
    }

    @Test
    void noCallSucceedsThatTheRoleTableForbidsAndEveryEndpointIsInTheTable(
            @Autowired @Qualifier("requestMappingHandlerMapping") final RequestMappingHandlerMapping mappings) throws Exception {
        final List<String> mapped = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("com.serialtrust")) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                        mapped.add(method.name() + " " + pattern.getPatternString());
                    }
                }
            }
        });
        final List<String> tabled = RoleTable.RULES.stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(tabled).as("the role table lists every endpoint of the api, and no other")
                .containsExactlyInAnyOrderElementsOf(new java.util.LinkedHashSet<>(mapped));

        final Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
        final List<String> forbiddenSuccesses = new ArrayList<>();
        final List<String> neverSucceeded = new ArrayList<>();
        for (Rule rule : RoleTable.RULES) {
            final String endpoint = rule.method() + " " + rule.path();
            final Map<String, Integer> row = new LinkedHashMap<>();
            for (String caller : CALLERS) {
                final Call call = sample(rule);
                final int status = send(call, caller);
                row.put(caller, status);
                final boolean allowed = ALLOWED.get(rule.who()).contains(caller)
                        && call.holder().map(caller::equals).orElse(true);
                // a redirect counts as getting through: only a refusal (4xx) or a failure (5xx) does not
                if (status < 400 && !allowed) {
                    forbiddenSuccesses.add(endpoint + " as " + caller + " -> " + status);
                }
            }
            if (row.values().stream().noneMatch(s -> s < 400) && !NONE_SUCCEEDS_HERE.contains(endpoint)) {
                neverSucceeded.add(endpoint + " " + row);
            }
            outcomes.put(endpoint, row);
        }
        final Path report = Path.of("target", "authorisation-walk.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table(outcomes, forbiddenSuccesses.size()));
        System.out.println(table(outcomes, forbiddenSuccesses.size()));
        assertThat(forbiddenSuccesses).as("calls that succeeded where the role table forbids them").isEmpty();
        assertThat(neverSucceeded).as("endpoints whose allowed callers all failed: a broken sample proves nothing").isEmpty();
    }

    @Test
    void theReadmeShowsTheRoleTable() throws Exception {
        final String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).as("README.md shows RoleTable.markdown(); paste it again after a change").contains(RoleTable.markdown());
    }

    private static String table(final Map<String, Map<String, Integer>> outcomes, final int forbidden) {
        final StringBuilder out = new StringBuilder("| endpoint | " + String.join(" | ", CALLERS) + " |\n|---|"
                + "---|".repeat(CALLERS.size()) + "\n");
        final Function<Integer, String> cell = s -> s < 400 ? "**" + s + "**" : String.valueOf(s);
        outcomes.forEach((endpoint, row) -> {
            out.append("| `").append(endpoint).append("` |");
            row.values().forEach(s -> out.append(' ').append(cell.apply(s)).append(" |"));
            out.append('\n');
        });
        final long calls = outcomes.values().stream().mapToLong(Map::size).sum();
        return out.append("\n").append(calls).append(" calls; ").append(forbidden)
                .append(" succeeded that the role table forbids.\n").toString();
    }
}
