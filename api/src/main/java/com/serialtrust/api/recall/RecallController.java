package com.serialtrust.api.recall;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.chaincode.Recall;
import com.serialtrust.contract.Calls;
import java.util.List;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Recalls by a manufacturer: by lot, production dates, GTIN, one serial, or a component (every
 * finished item that contains it). Verification shows the notice from the moment it commits.
 */
@RestController
class RecallController {

    private final Chaincode chaincode;

    RecallController(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    /** {@code scope}: {@code {"gtin", "lot"?, "producedFrom"?, "producedTo"?, "serial"?}}. */
    @Schema(description = "A recall: which items (a GTIN, and a lot, a production date range, one item or a component serial), and the notice shown on verification", example = "{\"scope\":{\"gtin\":\"09520123456788\",\"lot\":\"L2026-11\"},\"notice\":\"Return this watch to the shop: its strap buckle may break.\"}")
    record RecallRequest(JsonNode scope, String notice) {}

    @PostMapping(path = "/api/recalls", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Recall>> issue(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestBody final RecallRequest request) {
        if (request.scope() == null || !request.scope().isObject()) {
            throw new ApiProblem(ApiError.BAD_REQUEST, "scope is a JSON object naming at least the gtin");
        }
        return chaincode.submit(caller.organisation(), Calls.issueRecall(request.scope(),
                request.notice() == null ? "" : request.notice()));
    }

    @DeleteMapping("/api/recalls/{id}")
    Mono<Written<Recall>> withdraw(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String id) {
        return chaincode.submit(caller.organisation(), Calls.withdrawRecall(id));
    }

    @GetMapping("/api/recalls/{id}")
    Mono<Recall> recall(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String id) {
        return chaincode.query(caller.organisation(), Calls.getRecall(id));
    }

    @GetMapping("/api/recalls")
    Mono<List<Recall>> recalls(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestParam final String gtin) {
        return chaincode.query(caller.organisation(), Calls.listRecalls(gtin));
    }
}
