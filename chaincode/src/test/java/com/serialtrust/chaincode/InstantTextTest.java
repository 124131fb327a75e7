package com.serialtrust.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Instants read without a date-time formatter are the instants the JDK's ISO reader gives, and nothing else is taken. */
class InstantTextTest {

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds: the years the ledger's form covers. */
    private static final long FIRST = -62_167_219_200L;
    private static final long LAST = 253_402_300_799L;

    private static final JsonMapper JACKSONS_ALONE = JsonMapper.builder().build();
    private static final JsonMapper WITH_MODULE = JsonMapper.builder().addModule(InstantText.module()).build();

    record At(Instant at) {}

    @Test
    void readsWhatInstantToStringWritesAsTheJdkDoes() {
        final SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 100_000; i++) {
            final Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST, LAST + 1), random.nextInt(4) == 0 ? 0
                    : random.nextInt(1_000_000_000));
            final String text = instant.toString();
            assertThat(InstantText.parse(text)).as(text).isEqualTo(instant).isEqualTo(iso(text));
        }
    }

    @Test
    void readsEveryWidthOfFractionAsTheJdkDoes() {
        final SplittableRandom random = new SplittableRandom(7);
        for (int width = 1; width <= 9; width++) {
            for (int i = 0; i < 2_000; i++) {
                final String seconds = Instant.ofEpochSecond(random.nextLong(FIRST, LAST + 1)).toString();
                final String fraction = String.format("%09d", random.nextInt(1_000_000_000)).substring(0, width);
                final String text = seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
                assertThat(InstantText.parse(text)).as(text).isEqualTo(iso(text));
            }
        }
    }

    @Test
    void leavesEveryOtherTextToJackson() {
        for (String text : List.of("2026-12-02T09:30:00+01:00", "2026-12-02T09:30:00z", "2026-12-02t09:30:00Z",
                "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
                "2026-12-02T24:00:00Z", "2026-12-02T23:60:00Z", "2016-12-31T23:59:60Z", "+10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z", "2026-12-02T09:30:00.Z", "2026-12-02T09:30:00.1234567890Z",
                "2026-12-02T09:30Z", "2026-12-2T09:30:00Z", " 2026-12-02T09:30:00Z", "2026-12-02T09:30:00Z ",
                "2026-12-02T09:30:0xZ", "2026-12-02T09:30:00,5Z", "２026-12-02T09:30:00Z", "2026-12-02 09:30:00Z", "")) {
            assertThat(InstantText.parse(text)).as(text).isNull();
        }
    }

    @Test
    void aMapperWithTheModuleReadsWhatJacksonReadsAndRefusesWhatItRefuses() {
        final List<String> values = new ArrayList<>(List.of("\"2026-12-02T09:30:00Z\"", "\"2026-12-02T09:30:00.123Z\"",
                "\"2026-12-02T09:30:00.123456789Z\"", "\"2026-12-02T09:30:00+01:00\"", "\" 2026-12-02T09:30:00Z \"",
                "\"2016-12-31T23:59:60Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2026-02-29T00:00:00Z\"", "\"2026-12-02\"",
                "\"\"", "\"soon\"", "1764667800", "1764667800.5", "-1", "null", "true", "[]", "{}"));
        for (String value : values) {
            final String json = "{\"at\":" + value + "}";
            final Object expected = outcome(JACKSONS_ALONE, json);
            assertThat(outcome(WITH_MODULE, json)).as(json).isEqualTo(expected);
        }
    }

    @Test
    void theLedgersMapperReadsInstantsThisWay() {
        assertThat(Json.readState("{\"at\":\"2026-12-02T09:30:00.5Z\"}".getBytes(), At.class).at())
                .isEqualTo(Instant.parse("2026-12-02T09:30:00.500Z"));
        assertThatThrownBy(() -> Json.readState("{\"at\":\"2026-02-29T00:00:00Z\"}".getBytes(), At.class))
                .isInstanceOf(RuntimeException.class);
    }

    private static Instant iso(final String text) {
        return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    /** The instant read, or the kind of error. */
    private static Object outcome(final JsonMapper mapper, final String json) {
        try {
            final At at = mapper.readValue(json, At.class);
            return at.at() == null ? "null" : at.at();
        } catch (JacksonException e) {
            return e.getClass();
        }
    }
}
