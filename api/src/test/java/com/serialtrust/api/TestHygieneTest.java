package com.serialtrust.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A WebTestClient response whose body is never read keeps its pooled connection half-used, and a
 * later request on that connection fails with "Rejecting additional inbound receiver", in another
 * test class, once in a few runs. Every exchange in the tests reads or releases its body.
 */
class TestHygieneTest {

    private static final Pattern STATEMENT = Pattern.compile("[^;{}]*\\.exchange\\(\\)[^;]*;");

    @Test
    void everyExchangeReadsOrReleasesItsBody() throws IOException {
        final List<String> unread = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                final String source = Files.readString(file);
                final Matcher m = STATEMENT.matcher(source);
                while (m.find()) {
                    final String statement = m.group();
                    if (!statement.contains("expectBody") && !statement.contains("returnResult")
                            && !statement.contains("final var exchange")) {
                        unread.add(file.getFileName() + ":" + (source.substring(0, m.start()).split("\n", -1).length));
                    }
                }
            }
        }
        assertThat(unread).as("exchanges that never read their body (add .expectBody(Void.class))").isEmpty();
    }
}
