package com.serialtrust.api.dashboard;

import com.serialtrust.chaincode.Role;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.analytics.ScanAnalytics;
import com.serialtrust.api.analytics.Tallies;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.registry.CsvImports;
import com.serialtrust.api.registry.ImportJob;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.api.security.LedgerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A manufacturer's dashboard: its checks and registrations per day, where its items were checked, suspects, imports. */
@RestController
class DashboardController {

    static final int MAX_DAYS = 90;
    static final int PLACES = 500;
    static final int LISTED = 20;

    private final Tallies tallies;
    private final ScanAnalytics analytics;
    private final CsvImports imports;
    private final LedgerRoles roles;
    private final Clock clock = Clock.systemUTC();

    DashboardController(final Tallies tallies, final ScanAnalytics analytics, final CsvImports imports, final LedgerRoles roles) {
        this.tallies = tallies;
        this.analytics = analytics;
        this.imports = imports;
        this.roles = roles;
    }

    /**
     * What the dashboard shows. {@code analyticsAvailable} is false when Redis cannot be reached: the
     * counts are then empty, and the imports (kept by the api) are still listed.
     */
    record Dashboard(String manufacturer, boolean analyticsAvailable, List<Tallies.Day> days,
            List<Tallies.Place> checkPlaces, List<Tallies.Place> stolenSightings, List<ScanAnalytics.Suspect> suspects,
            List<ImportJob> imports) {}

    @Operation(summary = "The caller's dashboard (manufacturers only)", description = "Checks of its items and items"
            + " registered per day (UTC, oldest first); the coarse places (5-character geohash cells, with their centre)"
            + " its items were checked from, and apart, where its stolen items were seen, at most 500 each, most counted"
            + " first; its latest 20 suspect codes and CSV imports.")
    @GetMapping("/api/dashboard")
    Mono<Dashboard> dashboard(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @Parameter(description = "how many days, 1 to 90 (default 30)") @RequestParam final Optional<Integer> days) {
        final int span = days.orElse(30);
        if (span < 1 || span > MAX_DAYS) {
            return Mono.error(new ApiProblem(com.serialtrust.api.problem.ApiError.BAD_REQUEST, "days is 1 to " + MAX_DAYS + ", not " + span));
        }
        final String msp = caller.organisation().mspId();
        return roles.require(caller.organisation(), Role.MANUFACTURER, "the dashboard is for manufacturers")
                .then(Mono.defer(() -> tallies.of(msp, LocalDate.now(clock.withZone(ZoneOffset.UTC)), span, PLACES)
                        .zipWith(analytics.suspects(msp).defaultIfEmpty(List.of()))))
                // the import store may be a shared Redis, read blocking: off the event loop
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .map(t -> new Dashboard(msp, t.getT1().available(), t.getT1().days(), t.getT1().checkPlaces(),
                        t.getT1().stolenSightings(), t.getT2().stream().limit(LISTED).toList(),
                        imports.recent(caller.organisation(), LISTED)));
    }
}
