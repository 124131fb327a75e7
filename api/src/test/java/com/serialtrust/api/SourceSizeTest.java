package com.serialtrust.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No production source of any module is over 300 lines: a class that grows past that is asking to be split. */
class SourceSizeTest {

    private static final int MAX_LINES = 300;

    @Test
    void noProductionSourceIsOverThreeHundredLines() throws IOException {
        final List<String> large = new ArrayList<>();
        int read = 0;
        for (String module : List.of("api", "chaincode", "ledger-sim")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    read++;
                    final long lines = Files.readAllLines(file).size();
                    if (lines > MAX_LINES) {
                        large.add(file.getFileName() + " (" + lines + " lines)");
                    }
                }
            }
        }
        assertThat(read).as("sources read").isGreaterThan(150);
        assertThat(large).as("sources over " + MAX_LINES + " lines").isEmpty();
    }
}
