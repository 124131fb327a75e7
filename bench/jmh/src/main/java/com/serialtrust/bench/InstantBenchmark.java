package com.serialtrust.bench;

import com.serialtrust.chaincode.InstantText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the instants of a state object, as the contract reads an item's: Jackson's own reader of
 * instants (a date-time formatter) against the ledger's form read by {@code InstantText}, same JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InstantBenchmark {

    /** Three instants, as an item holds them: registered, last changed, first sold. */
    public record Times(Instant registeredAt, Instant changedAt, Instant firstSoldAt) {}

    private static final byte[] JSON = ("{\"changedAt\":\"2026-12-02T09:30:00.123456Z\","
            + "\"firstSoldAt\":\"2026-11-30T17:02:11.5Z\",\"registeredAt\":\"2026-11-29T08:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final JsonMapper jacksons = JsonMapper.builder().build();
    private final JsonMapper ledgers = JsonMapper.builder().addModule(InstantText.module()).build();

    @Benchmark
    public Times jacksonsReader() {
        return jacksons.readValue(JSON, Times.class);
    }

    @Benchmark
    public Times ledgerForm() {
        return ledgers.readValue(JSON, Times.class);
    }
}
