package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A brand's staff member with a CSV import, through the api's HTTP endpoints at {@code base}. */
record ImportClient(HttpClient http, URI base, String key) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A CSV of {@code rows} items of the demo's GTIN, serial {@code serial(i)}, all of lot {@code lot}. */
    static Path csv(final Path dir, final int rows, final IntFunction<String> serial, final String lot) throws IOException {
        final StringBuilder text = new StringBuilder("gtin,serial,lot\n");
        for (int i = 0; i < rows; i++) {
            text.append("09520123456788,").append(serial.apply(i)).append(',').append(lot).append('\n');
        }
        return Files.writeString(dir.resolve("items.csv"), text);
    }

    /** Uploads the file: 202, and the import's id. */
    String upload(final Path csv) throws IOException, InterruptedException {
        final HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("/api/imports"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("id").asString();
    }

    JsonNode status(final String id) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/imports/" + id))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Waits, at most 5 minutes, until at least {@code rows} rows are registered; answers how many are. */
    long awaitRegistered(final String id, final long rows) throws IOException, InterruptedException {
        long registered = 0;
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (registered < rows) {
            assertThat(System.nanoTime()).as("%,d rows registered within 5 minutes", rows).isLessThan(deadline);
            registered = status(id).get("registered").asLong();
            Thread.sleep(50);
        }
        return registered;
    }

    /** Waits, at most 10 minutes, until the import is done, failing at once if it failed. */
    JsonNode awaitDone(final String id) throws IOException, InterruptedException {
        JsonNode job = status(id);
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!job.get("state").asString().equals("DONE")) {
            assertThat(job.get("state").asString()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("the import finishes within 10 minutes").isLessThan(deadline);
            Thread.sleep(200);
            job = status(id);
        }
        return job;
    }

    /** The import's report, header included. */
    String report(final String id) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/imports/" + id + "/errors"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
