package com.serialtrust.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scanners on networks of their own, for the suspect-copy rule: only distinct client networks count. */
public final class ScanClients {

    /** Paris: a geohash cell and four cells that share an edge with it, so that no hop between them is fast. */
    public static final String CENTRE = "u09tv";
    public static final List<String> BESIDE = List.of("u09wj", "u09tt", "u09ty", "u09tu");

    private ScanClients() {}

    /** A client on its own network: connections from 127.0.{network}.1, another /24 for each. */
    public static WebTestClient from(final int port, final int network) {
        final HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0." + network + ".1", 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** The verification JSON of a path, with a place or without (null). */
    public static JsonNode verify(final JsonMapper json, final WebTestClient client, final String path, final String place) {
        final var request = client.get().uri(path).accept(MediaType.APPLICATION_JSON);
        return json.readTree((place == null ? request : request.header("X-Scan-Place", place)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** Scans a label in five places, back to the centre between neighbours: eight scans, each client by its number. */
    public static List<String> scanInFivePlaces(final JsonMapper json, final String path, final IntFunction<WebTestClient> client) {
        final List<String> verdicts = new ArrayList<>();
        int n = 0;
        for (String beside : BESIDE) {
            verdicts.add(verify(json, client.apply(n++), path, CENTRE).get("verdict").asString());
            verdicts.add(verify(json, client.apply(n++), path, beside).get("verdict").asString());
        }
        return verdicts;
    }
}
