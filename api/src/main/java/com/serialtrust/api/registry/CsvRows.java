package com.serialtrust.api.registry;

import com.serialtrust.contract.ItemInput;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.api.problem.ApiProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An import file read as a spreadsheet shows it, with Apache Commons CSV (RFC 4180: quoted fields may
 * hold commas, quotes and line breaks). Each data row carries the line a spreadsheet numbers it by
 * (the header is line 1) and either the item it names or why it names none: a short or long row, a
 * value with spaces at its ends, a line too long. Blank lines are skipped. Nothing is silently
 * dropped, trimmed or ignored: an unknown column refuses the file.
 */
final class CsvRows implements AutoCloseable {

    /** The most characters one row may hold, all fields together. */
    static final int MAX_ROW = 4096;

    /** The columns, as a header names them (case and underscores do not matter). */
    static final List<String> COLUMNS = List.of("gtin", "serial", "cpv", "lot", "productionDate", "expiryDate", "signature");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** Why a row names no item: a stable code and words. */
    record Problem(String code, String message) {}

    /**
     * One data row: its spreadsheet line, its place among the file's data rows (from 1, blank lines
     * not counted), the serial as written (for the report), and the item or the problem.
     */
    record Row(long line, long index, String serial, Optional<ItemInput> item, Optional<Problem> problem) {}

    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int[] positions;
    private final int width;
    private long lineAfterLast;
    private long index;
    private boolean broken;

    private CsvRows(final Reader reader) throws IOException {
        this.reader = reader;
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
        final CSVRecord header = nextRecord().orElseThrow(() -> invalid("the file is empty"));
        this.width = header.size();
        this.positions = positions(header);
        this.lineAfterLast = parser.getCurrentLineNumber();
    }

    /** Opens an import file: UTF-8, its first line naming the columns. A bad header is refused at once. */
    static CsvRows open(final Path file) throws IOException {
        final var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvRows(new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder)));
    }

    /** Reads import text that is already decoded (tests, the fuzzer). */
    static CsvRows of(final Reader text) throws IOException {
        return new CsvRows(text);
    }

    /** The number of data rows in a file, its header checked; refused past {@code max}. */
    static long count(final Path file, final long max) throws IOException {
        try (CsvRows rows = open(file)) {
            long n = 0;
            while (rows.next().isPresent()) {
                if (++n > max) {
                    throw new ApiProblem(ErrorCode.LIMIT_EXCEEDED, "an import is at most " + max + " rows");
                }
            }
            if (n == 0) {
                throw invalid("the file has no rows after its header");
            }
            return n;
        }
    }

    /** The next data row, or empty at the end (and after a line the parser cannot read past). */
    Optional<Row> next() throws IOException {
        while (!broken) {
            final long line = lineAfterLast + 1;
            final Optional<CSVRecord> found;
            try {
                found = nextRecord();
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                broken = true;
                return Optional.of(new Row(line, ++index, "", Optional.empty(), Optional.of(new Problem(ApiError.CSV_INVALID.name(),
                        "the file cannot be read past this line (" + words(e) + ")"))));
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            lineAfterLast = parser.getCurrentLineNumber();
            final CSVRecord record = found.get();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            return Optional.of(row(line, ++index, record));
        }
        return Optional.empty();
    }

    private Row row(final long line, final long index, final CSVRecord record) {
        final String serial = field(record, 1);
        if (record.stream().mapToInt(String::length).sum() > MAX_ROW) {
            return problem(line, index, "", ApiError.ROW_TOO_LONG, "a row holds at most " + MAX_ROW + " characters");
        }
        if (record.size() < width) {
            return problem(line, index, serial, ApiError.ROW_SHORT,
                    "the row has " + record.size() + " fields where the header names " + width);
        }
        if (record.size() > width) {
            return problem(line, index, serial, ApiError.ROW_LONG,
                    "the row has " + record.size() + " fields where the header names " + width);
        }
        for (int c = 0; c < COLUMNS.size(); c++) {
            final String value = field(record, c);
            if (!value.equals(value.strip())) {
                return problem(line, index, serial, ApiError.WHITESPACE, "the " + COLUMNS.get(c) + " \"" + value
                        + "\" has spaces at its ends: a GS1 value holds none");
            }
        }
        return new Row(line, index, serial, Optional.of(new ItemInput(field(record, 0), serial, optional(record, 2),
                optional(record, 3), optional(record, 4), optional(record, 5), optional(record, 6), Optional.empty())),
                Optional.empty());
    }

    private static Row problem(final long line, final long index, final String serial, final ApiError code,
            final String message) {
        return new Row(line, index, serial, Optional.empty(), Optional.of(new Problem(code.name(), message)));
    }

    private String field(final CSVRecord record, final int column) {
        final int at = positions[column];
        return at < 0 || at >= record.size() ? "" : record.get(at);
    }

    private Optional<String> optional(final CSVRecord record, final int column) {
        return Optional.of(field(record, column)); // a blank cell is no value: ItemInput drops it
    }

    private Optional<CSVRecord> nextRecord() throws IOException {
        try {
            return records.hasNext() ? Optional.of(records.next()) : Optional.empty();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw invalid("an import is UTF-8 text");
            }
            throw e;
        }
    }

    /** Column positions in the order of {@link #COLUMNS}; -1 where absent. Unknown or repeated names refuse the file. */
    private static int[] positions(final CSVRecord header) {
        final int[] positions = new int[COLUMNS.size()];
        Arrays.fill(positions, -1);
        for (int i = 0; i < header.size(); i++) {
            final String name = normalised(header.get(i).replace("\uFEFF", ""));
            final int c = COLUMNS.stream().map(CsvRows::normalised).toList().indexOf(name);
            if (c < 0) {
                throw invalid("unknown column \"" + Report.safe(header.get(i).strip()) + "\": the columns are "
                        + String.join(", ", COLUMNS));
            }
            if (positions[c] >= 0) {
                throw invalid("the column " + COLUMNS.get(c) + " is named twice");
            }
            positions[c] = i;
        }
        if (positions[0] < 0 || positions[1] < 0) {
            throw invalid("the first line must name the columns: gtin,serial and optionally "
                    + String.join(",", COLUMNS.subList(2, COLUMNS.size())));
        }
        return positions;
    }

    private static String normalised(final String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace("_", "");
    }

    private static ApiProblem invalid(final String message) {
        return new ApiProblem(ApiError.CSV_INVALID, message);
    }

    private static String words(final Exception e) {
        final String message = e.getCause() != null && e.getMessage() == null ? e.getCause().getMessage() : e.getMessage();
        return Report.safe(message == null ? "malformed CSV" : message.replaceAll("\\s+", " "));
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }

    /** The error report: one CSV line per row that was not newly registered, by spreadsheet line. */
    static final class Report {

        static final String HEADER = "line,serial,status,code,message\n";

        private Report() {}

        /** One line of the report; a value a spreadsheet would run as a formula is quoted with a leading '. */
        static String line(final long line, final String serial, final String status, final String code, final String message) {
            return line + "," + cell(serial) + "," + status + "," + code + "," + cell(message) + "\n";
        }

        private static String cell(final String text) {
            String safe = safe(text);
            if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
                safe = "'" + safe;
            }
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }

        /**
         * Text with its invisible and direction-changing characters (U+202E and the like, control
         * characters, line breaks) written as {@code \\uXXXX}, so that the report shows what the file held.
         */
        static String safe(final String text) {
            final StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (com.serialtrust.gs1.Text.unseen(cp)) {
                    out.append(String.format("\\u%04X", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }
    }
}
