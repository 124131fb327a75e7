package com.serialtrust.api.registry;

import com.serialtrust.contract.ItemInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.serialtrust.api.problem.ApiProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzing of the import reader: any text after a valid header is read row by row, each row naming an
 * item or a problem, on strictly increasing spreadsheet lines; the items read back the same once
 * written out quoted; nothing but a coded refusal escapes.
 */
class CsvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void csvLine(final FuzzedDataProvider data) throws Exception {
        final String body = data.consumeRemainingAsString();
        final List<ItemInput> items = new ArrayList<>();
        try (CsvRows rows = CsvRows.of(new StringReader("gtin,serial,lot\n" + body))) {
            long lastLine = 1;
            Optional<CsvRows.Row> row;
            while ((row = rows.next()).isPresent()) {
                assertThat(row.get().line()).as("lines only go forward").isGreaterThan(lastLine);
                lastLine = row.get().line();
                assertThat(row.get().item().isPresent()).as("an item or a problem").isNotEqualTo(row.get().problem().isPresent());
                row.get().item().ifPresent(items::add);
            }
        } catch (ApiProblem refused) {
            assertThat(refused.code()).isIn("CSV_INVALID");
            return;
        }
        final StringBuilder written = new StringBuilder("gtin,serial,lot\n");
        for (ItemInput item : items) {
            written.append(quoted(item.gtin())).append(',').append(quoted(item.serial())).append(',')
                    .append(quoted(item.lot().orElse(""))).append("\r\n");
        }
        final List<ItemInput> again = new ArrayList<>();
        try (CsvRows rows = CsvRows.of(new StringReader(written.toString()))) {
            Optional<CsvRows.Row> row;
            while ((row = rows.next()).isPresent()) {
                row.get().item().ifPresent(again::add);
            }
        }
        assertThat(again).as("written back quoted: %s", written).isEqualTo(items);
    }

    private static String quoted(final String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
