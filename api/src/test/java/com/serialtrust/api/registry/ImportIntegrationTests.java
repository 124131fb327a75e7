package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.DemoIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Registering items as a manufacturer's staff: a JSON batch, a CSV import with its report, and bad input. */
class ImportIntegrationTests extends DemoIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    private JsonNode importAndWait(final String csv) {
        final JsonNode started = json.readTree(http.post().uri("/api/imports").header("Authorization", bearer("brand"))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
                .expectStatus().isAccepted().expectHeader().exists("Location")
                .expectBody().returnResult().getResponseBody());
        final String id = started.get("id").asString();
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            final JsonNode job = json.readTree(http.get().uri("/api/imports/{id}", id).header("Authorization", bearer("brand"))
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
            if (!job.get("state").asString().equals("QUEUED") && !job.get("state").asString().equals("RUNNING")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("import " + id + " did not finish in 60 s");
    }

    private String errors(final String id) {
        return http.get().uri("/api/imports/{id}/errors", id).header("Authorization", bearer("brand")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Nested
    class CsvImport {

        static final String CSV = """
                gtin,serial,lot
                09520123456788,CSV-1,L7
                09520123456788,"CSV,2",L7
                09520123456789,CSV-3,L7
                09520123456788,DEMO-0001,
                09520123456788,CSV-4,L7
                """;

        @Test
        void registersTheGoodRowsReportsTheBadAndRegistersNothingTwice() {
            final JsonNode first = importAndWait(CSV);
            assertThat(first.get("state").asString()).isEqualTo("DONE");
            assertThat(first.get("rows").asLong()).isEqualTo(5);
            assertThat(first.get("registered").asLong()).isEqualTo(3);
            assertThat(first.get("alreadyRegistered").asLong()).as("the demo item").isEqualTo(1);
            assertThat(first.get("failed").asLong()).isEqualTo(1);
            // spreadsheet lines: the header is line 1, so the third data row is line 4
            assertThat(errors(first.get("id").asString())).contains("4,\"CSV-3\",FAILED,GTIN_INVALID,")
                    .contains("5,\"DEMO-0001\",ALREADY_REGISTERED,ITEM_EXISTS,");

            // a serial with a comma, quoted in the CSV, is a real item with a verifiable label
            http.get().uri("/api/items/09520123456788/CSV,2").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.lot").isEqualTo("L7");

            final JsonNode again = importAndWait(CSV);
            assertThat(again.get("registered").asLong()).isZero();
            assertThat(again.get("alreadyRegistered").asLong()).isEqualTo(4);
            assertThat(again.get("failed").asLong()).isEqualTo(1);
        }

        @Test
        void everyDefectOfASpreadsheetsFileIsReportedOnTheLineTheSpreadsheetShows() {
            final String csv = "gtin,serial,lot\n"                           // line 1
                    + "09520123456788,CSV-D1,L1\n"                            // 2: registered
                    + "09520123456788,CSV-D1,L1\n"                            // 3: the same item again
                    + "09520123456788,CSV-D2,L1,extra\n"                      // 4: a field more than the header
                    + "09520123456788\n"                                      // 5: fields missing
                    + "09520123456788,\" CSV-D3\",L1\n"                       // 6: spaces inside quotes
                    + "09520123456788,\"CSV-\nD4\",L1\n"                      // 7-8: a line break inside quotes
                    + "09520123456788,CSV-\u202eD5,L1\n"                      // 9: a right-to-left override
                    + "09520123456788,DEMO-0001,\n"                           // 10: registered before
                    + "\n"                                                    // 11: blank
                    + "09520123456788,CSV-D6,L1\n";                           // 12: registered
            final JsonNode done = importAndWait(csv);
            assertThat(done.get("state").asString()).isEqualTo("DONE");
            assertThat(done.get("registered").asLong()).isEqualTo(2);
            final String report = errors(done.get("id").asString());
            final List<String> lines = report.lines().toList();
            assertThat(lines.get(0)).isEqualTo("line,serial,status,code,message");
            assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))))
                    .as("every row not newly registered, by the line a spreadsheet shows, in order")
                    .containsExactly("3,\"CSV-D1\"", "4,\"CSV-D2\"", "5,\"\"", "6,\" CSV-D3\"", "7,\"CSV-\\u000AD4\"",
                            "9,\"CSV-\\u202ED5\"", "10,\"DEMO-0001\"");
            assertThat(report).contains("3,\"CSV-D1\",FAILED,DUPLICATE_IN_FILE,\"the same item as line 2")
                    .contains(",FAILED,ROW_LONG,").contains(",FAILED,ROW_SHORT,").contains(",FAILED,WHITESPACE,")
                    .contains("7,\"CSV-\\u000AD4\",FAILED,SERIAL_INVALID,").contains(",ALREADY_REGISTERED,ITEM_EXISTS,")
                    .doesNotContain("\u202e");
            http.post().uri("/api/imports").header("Authorization", bearer("brand"))
                    .contentType(MediaType.parseMediaType("text/csv")).bodyValue("gtin,serial,colour\n09520123456788,X-9,red\n")
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("CSV_INVALID")
                    .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("unknown column \"colour\""));
        }

        @Test
        void aFileWithoutTheRequiredColumnsIsRefusedWholeAndChangesNothing() {
            http.post().uri("/api/imports").header("Authorization", bearer("brand"))
                    .contentType(MediaType.parseMediaType("text/csv")).bodyValue("serial\nX-1\n").exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("CSV_INVALID");
            http.post().uri("/api/imports").header("Authorization", bearer("brand"))
                    .contentType(MediaType.parseMediaType("text/csv")).bodyValue("gtin,serial\n").exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("CSV_INVALID");
            http.get().uri("/api/items/09520123456788/X-1").header("Authorization", bearer("brand")).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_FOUND");
        }

        @Test
        void importsNeedAKeyAndCsvAndBelongToTheirOrganisation() {
            http.post().uri("/api/imports").contentType(MediaType.parseMediaType("text/csv")).bodyValue("gtin,serial\n")
                    .exchange().expectStatus().isUnauthorized().expectBody(Void.class);
            http.post().uri("/api/imports").header("Authorization", bearer("brand"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(415).expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            final String id = importAndWait("gtin,serial\n09520123456788,CSV-OWN\n").get("id").asString();
            http.get().uri("/api/imports/{id}", id).header("Authorization", bearer("retail")).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("IMPORT_NOT_FOUND");
        }
    }

    @Nested
    class JsonBatch {

        @Test
        void eachRowGetsItsOutcome() {
            final List<Map<String, String>> rows = List.of(
                    Map.of("gtin", "09520123456788", "serial", "JSON-1"),
                    Map.of("gtin", "09520123456788", "serial", "JSON-2", "signature", "A".repeat(86)),
                    Map.of("gtin", "09520123456788", "serial", "JSON-3"));
            final JsonNode result = json.readTree(http.post().uri("/api/items").header("Authorization", bearer("brand"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(rows).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            assertThat(result.get("items").get(0).get("status").asString()).isEqualTo("REGISTERED");
            assertThat(result.get("items").get(1).get("status").asString()).isEqualTo("FAILED");
            assertThat(result.get("items").get(1).get("code").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(result.get("items").get(2).get("status").asString()).isEqualTo("REGISTERED");
        }

        @Test
        void everyRefusedRowOfABatchIsFoundInOneRoundNotOneTransactionEach() {
            final java.util.function.ToDoubleFunction<String[]> calls = tags -> meters.find("serialtrust.ledger.calls")
                    .tags(tags).counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
            final double refusedBefore = calls.applyAsDouble(new String[] {"transaction", "RegisterItems", "outcome", "refused"});
            final double validatedBefore = calls.applyAsDouble(new String[] {"transaction", "ValidateItems", "outcome", "ok"});
            final List<Map<String, String>> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rows.add(i % 3 == 1
                        ? Map.of("gtin", "09520123456788", "serial", "ROUND-" + i, "signature", "A".repeat(86))
                        : Map.of("gtin", "09520123456788", "serial", "ROUND-" + i));
            }
            final JsonNode result = json.readTree(http.post().uri("/api/items").header("Authorization", bearer("brand"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(rows).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());

            for (int i = 0; i < 10; i++) {
                assertThat(result.get("items").get(i).get("status").asString()).as("row %d", i)
                        .isEqualTo(i % 3 == 1 ? "FAILED" : "REGISTERED");
            }
            assertThat(result.get("items").get(4).get("code").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(result.get("items").get(4).get("message").asString()).doesNotStartWith("item ");
            assertThat(result.get("counts").get("REGISTERED").asInt()).isEqualTo(7);
            // three bad rows: one refused transaction, one read-only round that names the other two, one commit
            assertThat(calls.applyAsDouble(new String[] {"transaction", "RegisterItems", "outcome", "refused"}) - refusedBefore)
                    .isEqualTo(1);
            assertThat(calls.applyAsDouble(new String[] {"transaction", "ValidateItems", "outcome", "ok"}) - validatedBefore)
                    .isEqualTo(1);
        }

        @Test
        void retailCannotRegisterItemsAndIsToldSoUpFront() {
            http.post().uri("/api/items").header("Authorization", bearer("retail")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(Map.of("gtin", "09520123456788", "serial", "FAKE-1", "signature", "A".repeat(86))))
                    .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
            http.post().uri("/api/imports").header("Authorization", bearer("retail")).contentType(MediaType.parseMediaType("text/csv"))
                    .bodyValue("gtin,serial\n09520123456788,FAKE-2\n")
                    .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void malformedOrOversizedBatchesAreProblems() {
            http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("[{").exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
            http.post().uri("/api/items").header("Authorization", bearer("brand")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("[]").exchange().expectStatus().isEqualTo(413)
                    .expectBody().jsonPath("$.code").isEqualTo("LIMIT_EXCEEDED");
        }
    }
}
