package com.serialtrust.api.theft;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.serialtrust.api.analytics.Geohash;
import com.serialtrust.api.redis.Redis;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.XAddArgs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every public check of a stolen item, for the police: logged, counted in the metrics, and kept in a
 * Redis stream of the latest {@value #KEPT} with the item, the coarse place the scanner reported and the
 * time. Nothing about who scanned is kept: no address, no device, no account.
 */
@Component
public class StolenSightings {

    static final String STREAM = "sightings:stolen";
    static final long KEPT = 100_000;
    /** The most the police read at once. */
    public static final int MAX_READ = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StolenSightings.class);

    private final Redis redis;
    private final Counter checks;

    StolenSightings(final Redis redis, final MeterRegistry meters) {
        this.redis = redis;
        this.checks = Counter.builder("serialtrust.stolen.checks")
                .description("public verifications of items reported stolen").register(meters);
    }

    /** Records a check of a stolen item; completes empty whether or not Redis could keep it. */
    public Mono<Void> record(final String gtin, final String serial, final Optional<String> place, final Instant at) {
        checks.increment();
        LOG.info("stolen item checked: (01){}(21){} place={}", gtin, serial, place.orElse("unknown"));
        final Map<String, String> entry = new LinkedHashMap<>();
        entry.put("gtin", gtin);
        entry.put("serial", serial);
        place.ifPresent(p -> entry.put("place", p));
        entry.put("at", at.toString());
        return redis.call(r -> r.xadd(STREAM, XAddArgs.Builder.maxlen(KEPT).approximateTrimming(), entry)).then();
    }

    /**
     * The latest sightings, newest first; empty if Redis is off or out of reach. A place given as a
     * geohash cell comes with the cell's centre.
     */
    public Mono<List<Sighting>> latest(final int count) {
        return redis.call(r -> r.xrevrange(STREAM, Range.create("-", "+"), Limit.from(count))
                .map(message -> Sighting.of(message.getBody()))
                .collectList());
    }

    /** A check of a stolen item: which, the coarse place the scanner reported (with its centre), when. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Sighting(String gtin, String serial, Optional<String> place, String at, Optional<String> latitude,
            Optional<String> longitude) {

        static Sighting of(final Map<String, String> entry) {
            final Optional<String> place = Optional.ofNullable(entry.get("place"));
            final Optional<Geohash.Cell> cell = place.flatMap(Geohash::cell);
            return new Sighting(entry.getOrDefault("gtin", ""), entry.getOrDefault("serial", ""), place,
                    entry.getOrDefault("at", ""), cell.map(c -> String.format(Locale.ROOT, "%.2f", c.latitude())),
                    cell.map(c -> String.format(Locale.ROOT, "%.2f", c.longitude())));
        }
    }
}
