package com.serialtrust.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A scan's time is written exactly as the JDK writes an instant, whatever its precision. */
class IsoInstantTest {

    @Test
    void everyPrecisionIsWrittenAsTheJdkWritesIt() {
        for (Instant at : new Instant[] {Instant.parse("2026-12-02T05:15:21Z"), Instant.parse("2026-12-02T05:15:21.100Z"),
            Instant.parse("2026-12-02T05:15:21.000123Z"), Instant.parse("2026-12-02T05:15:21.000000007Z"),
            Instant.parse("2026-12-02T05:15:21.999999999Z"), Instant.EPOCH, Instant.ofEpochSecond(-1, 5),
            Instant.parse("+12026-01-01T00:00:00.5Z")}) {
            assertThat(IsoInstant.of(at)).isEqualTo(at.toString());
        }
    }

    @Test
    void instantsInAndAcrossSecondsAreWrittenAsTheJdkWritesThem() {
        final Random random = new Random(14);
        Instant at = Instant.parse("2026-12-02T05:15:21Z");
        for (int i = 0; i < 100_000; i++) {
            at = at.plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000) * 1_000_000L : random.nextInt(20_000_000));
            assertThat(IsoInstant.of(at)).isEqualTo(at.toString());
        }
        assertThat(IsoInstant.of(Instant.parse("2026-12-01T00:00:00.001Z"))).isEqualTo("2026-12-01T00:00:00.001Z");
    }
}
