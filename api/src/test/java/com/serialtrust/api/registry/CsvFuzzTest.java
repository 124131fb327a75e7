package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;

/** Fuzzing of the CSV line parser of imports: it refuses or parses, and what it parses writes back the same. */
class CsvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void csvLine(final FuzzedDataProvider data) {
        final String line = data.consumeRemainingAsString();
        final Optional<List<String>> fields = Csv.fields(line);
        if (fields.isEmpty()) {
            return;
        }
        final String written = String.join(",", fields.get().stream()
                .map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList());
        if (written.length() > Csv.MAX_LINE) {
            // quoting every field can lengthen a line past the limit: then it is refused, like any
            // over-long line (finding 1 of the fuzzer: a line of many empty fields)
            assertThat(Csv.fields(written)).isEmpty();
            return;
        }
        assertThat(Csv.fields(written)).as("quoted back: %s", written).contains(fields.get());
    }
}
