package com.serialtrust.api.theft;

import com.serialtrust.chaincode.Role;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.CloseMatches;
import com.serialtrust.contract.ItemPage;
import com.serialtrust.contract.PoliceTheftView;
import com.serialtrust.contract.SerialCheck;
import com.serialtrust.contract.SerialCheckResult;
import java.util.Optional;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.api.security.LedgerRoles;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Theft and police work: a custodian's report, the police's own flag and the clearing on recovery;
 * exact, list and close-serial checks; the register of stolen items; the owner's private contact.
 */
@RestController
class TheftController {

    private final Chaincode chaincode;
    private final StolenSightings sightings;
    private final LedgerRoles roles;

    TheftController(final Chaincode chaincode, final StolenSightings sightings, final LedgerRoles roles) {
        this.chaincode = chaincode;
        this.sightings = sightings;
        this.roles = roles;
    }

    @Schema(description = "A theft: date, place and police report number (place and number stay private)", example = "{\"date\":\"2026-01-15\",\"place\":\"Demo warehouse\",\"policeReport\":\"PR-2026-0042\"}")
    record Report(String date, String place, String policeReport) {}

    @Schema(description = "How the item was recovered", example = "{\"note\":\"recovered at a pawn shop, returned to the owner\"}")
    record Recovery(String note) {}

    @Schema(description = "One serial to check, optionally with its GTIN", example = "{\"serial\":\"DEM0-OOO1\",\"gtin\":\"09520123456788\"}")
    record Check(String serial, String gtin) {}

    @Schema(description = "Serials to check, each answered on its own", example = "{\"serials\":[{\"serial\":\"DEMO-0004\"},{\"serial\":\"DEM0-OOO1\",\"gtin\":\"09520123456788\"}]}")
    record Checks(List<Check> serials) {}

    /** A custodian (brand, distributor, retailer) reports an item in its custody stolen. */
    @PostMapping(path = "/api/items/{gtin}/{serial}/theft", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> report(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Report report) {
        return chaincode.submit(caller.organisation(), Calls.reportTheft(new ItemRef(gtin, serial),
                TheftReports.publicPart(report.date()), TheftReports.privatePart(report.place(), report.policeReport())));
    }

    /** The police flag an item stolen on their own report. */
    @PostMapping(path = "/api/police/items/{gtin}/{serial}/flag", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> flag(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Report report) {
        return chaincode.submit(caller.organisation(), Calls.flagStolen(new ItemRef(gtin, serial),
                TheftReports.publicPart(report.date()), TheftReports.privatePart(report.place(), report.policeReport())));
    }

    @PostMapping(path = "/api/police/items/{gtin}/{serial}/recovery", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> recover(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Recovery recovery) {
        return chaincode.submit(caller.organisation(), Calls.clearTheft(new ItemRef(gtin, serial),
                ApiProblem.required(recovery.note(), "note")));
    }

    /** Exact checks of up to 1,000 serials, pasted or from a CSV: matches, and theft reports. */
    @PostMapping(path = "/api/police/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<SerialCheckResult>> check(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestBody final Checks checks) {
        if (checks.serials() == null || checks.serials().isEmpty()) {
            throw new ApiProblem(ApiError.BAD_REQUEST, "serials must list at least one {serial, gtin?}");
        }
        final List<SerialCheck> list = checks.serials().stream().map(c -> new SerialCheck(
                Optional.ofNullable(c.gtin()).filter(g -> !g.isBlank()), c.serial() == null ? "" : c.serial())).toList();
        return police(caller).then(Mono.defer(() -> chaincode.query(caller.organisation(), Calls.checkSerials(list))))
                .flatMap(results -> PoliceDetails.of(chaincode, caller.organisation(), results));
    }

    /** Items whose serial is close to a worn or mistyped one. */
    @GetMapping("/api/police/close-serials")
    Mono<CloseMatches> close(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestParam final String serial) {
        return chaincode.query(caller.organisation(), Calls.findCloseSerials(serial))
                .flatMap(close -> PoliceDetails.of(chaincode, caller.organisation(), close));
    }

    @GetMapping("/api/police/stolen")
    Mono<ItemPage> stolen(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @RequestParam(defaultValue = "100") final int pageSize, @RequestParam(defaultValue = "") final String bookmark) {
        return chaincode.query(caller.organisation(), Calls.listStolenItems(pageSize, bookmark));
    }

    /**
     * The latest public checks of stolen items, newest first: the item, the coarse place the scanner
     * reported, the time. The police only, as their organisation's roles on the ledger say.
     */
    @GetMapping("/api/police/sightings")
    Mono<List<StolenSightings.Sighting>> sightings(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @RequestParam(defaultValue = "100") final int limit) {
        if (limit < 1 || limit > StolenSightings.MAX_READ) {
            throw new ApiProblem(ApiError.BAD_REQUEST, "limit is 1 to " + StolenSightings.MAX_READ);
        }
        return police(caller).then(sightings.latest(limit).switchIfEmpty(Mono.error(new ApiProblem(ApiError.SIGHTINGS_UNAVAILABLE,
                        "the record of sightings cannot be reached now; try again shortly"))));
    }

    private Mono<Void> police(final ApiKeys.Holder caller) {
        return roles.require(caller.organisation(), Role.POLICE, "this is for the police only");
    }

    /** A theft report with its private place and police report number: the police only. */
    @GetMapping("/api/police/items/{gtin}/{serial}/theft")
    Mono<PoliceTheftView> theftReport(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        return chaincode.query(caller.organisation(), Calls.getTheftReport(new ItemRef(gtin, serial)));
    }

    /** The owner's contact details, from the private collection: the police only. */
    @GetMapping("/api/police/items/{gtin}/{serial}/owner-contact")
    Mono<JsonNode> ownerContact(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        return chaincode.query(caller.organisation(), Calls.getOwnerContact(new ItemRef(gtin, serial)));
    }
}
