package com.serialtrust.api.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 fields of one CSV line: commas separate, double quotes enclose, {@code ""} is a quote. GS1
 * serials may hold commas and quotes, so a quoted field is the only safe way to write them.
 */
final class Csv {

    static final int MAX_LINE = 4096;

    private Csv() {}

    /** The fields of a line, or empty if it is not well-formed CSV. */
    static Optional<List<String>> fields(final String line) {
        if (line.length() > MAX_LINE) {
            return Optional.empty();
        }
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    return Optional.empty();
                }
                quoted = true;
                wasQuoted = true;
            } else {
                if (wasQuoted) {
                    return Optional.empty();
                }
                field.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        fields.add(field.toString());
        return Optional.of(fields);
    }
}
