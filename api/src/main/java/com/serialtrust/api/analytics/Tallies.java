package com.serialtrust.api.analytics;

import com.serialtrust.api.redis.Redis;
import io.lettuce.core.ScoredValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A manufacturer's counts over time, off the ledger in Redis, for its dashboard: checks of its items
 * per day (UTC), items registered per day, and the coarse places (5-character geohash cells) its items
 * were checked from, apart from the places where its stolen items were seen. Checks are counted in the
 * same command as the item's scan ({@link ScanAnalytics#record}). Counts only: no item,
 * client or time of a single check is kept here. When Redis cannot be reached, nothing is counted
 * and nothing fails.
 */
@Component
public class Tallies {

    /** The most cells kept per manufacturer and kind; the least-counted go first. */
    static final int MAX_CELLS = 10_000;

    private static final String DAILY_CHECKS = "tally:checks:";
    private static final String DAILY_REGISTRATIONS = "tally:registrations:";
    private static final String CHECK_CELLS = "tally:check-cells:";
    private static final String STOLEN_CELLS = "tally:stolen-cells:";

    private final Redis redis;

    Tallies(final Redis redis) {
        this.redis = redis;
    }

    /** The hash of a manufacturer's checks per day; a check is counted by {@link ScanAnalytics#record}. */
    static String dailyChecks(final String manufacturer) {
        return DAILY_CHECKS + manufacturer;
    }

    /** The sorted set of the cells a manufacturer's items were checked from, by count. */
    static String checkCells(final String manufacturer) {
        return CHECK_CELLS + manufacturer;
    }

    /** The sorted set of the cells a manufacturer's stolen items were seen in, by count. */
    static String stolenCells(final String manufacturer) {
        return STOLEN_CELLS + manufacturer;
    }

    /** Counts items a manufacturer registered. */
    public Mono<Void> registered(final String manufacturer, final long items, final Instant at) {
        return items <= 0 ? Mono.empty() : redis.call(r -> r.hincrby(DAILY_REGISTRATIONS + manufacturer, day(at), items)).then();
    }

    /** One day's counts. */
    public record Day(String date, long checks, long registrations) {}

    /** A coarse place and how often it was counted, with the cell's centre for the map. */
    public record Place(String cell, double latitude, double longitude, long count) {}

    /** What a dashboard shows: days oldest first, places most counted first. */
    public record Counts(boolean available, List<Day> days, List<Place> checkPlaces, List<Place> stolenSightings) {}

    /** The last {@code days} days up to {@code today}, and the {@code places} most counted cells of each kind. */
    public Mono<Counts> of(final String manufacturer, final LocalDate today, final int days, final int places) {
        final String[] dates = new String[days];
        for (int i = 0; i < days; i++) {
            dates[i] = today.minusDays(days - 1L - i).toString();
        }
        return redis.call(r -> r.hmget(DAILY_CHECKS + manufacturer, dates).collectList()
                .zipWith(r.hmget(DAILY_REGISTRATIONS + manufacturer, dates).collectList())
                .zipWith(r.zrevrangeWithScores(CHECK_CELLS + manufacturer, 0, places - 1L).collectList()
                        .zipWith(r.zrevrangeWithScores(STOLEN_CELLS + manufacturer, 0, places - 1L).collectList()))
                .map(all -> {
                    final List<Day> series = new ArrayList<>(days);
                    for (int i = 0; i < days; i++) {
                        series.add(new Day(dates[i], number(all.getT1().getT1().get(i).getValueOrElse("0")),
                                number(all.getT1().getT2().get(i).getValueOrElse("0"))));
                    }
                    return new Counts(true, series, places(all.getT2().getT1()), places(all.getT2().getT2()));
                }), Redis.PATIENT)
                .defaultIfEmpty(new Counts(false, List.of(), List.of(), List.of()));
    }

    private static List<Place> places(final List<ScoredValue<String>> scored) {
        final List<Place> out = new ArrayList<>(scored.size());
        for (ScoredValue<String> s : scored) {
            Geohash.cell(s.getValue()).ifPresent(c -> out.add(new Place(s.getValue(), round(c.latitude()), round(c.longitude()),
                    Math.round(s.getScore()))));
        }
        return out;
    }

    /**
     * How many cells a check should trim each cell set to: {@link #MAX_CELLS} for about one check in a
     * hundred, else 0 (no trim), so that the sets stay bounded without a trim on every check.
     */
    static int trimSometimes() {
        return ThreadLocalRandom.current().nextInt(100) == 0 ? MAX_CELLS : 0;
    }

    static String day(final Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static long number(final String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double round(final double degrees) {
        return Math.round(degrees * 100) / 100.0;
    }
}
