package com.serialtrust.api.warranty;

import com.serialtrust.api.ledger.Written;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.ReplacedPart;
import com.serialtrust.contract.ServiceInput;
import com.serialtrust.contract.WarrantyRecord;
import java.util.Optional;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A service centre's view: warranty status and service records; repairs, replaced parts, voiding. */
@RestController
class WarrantyController {

    private final Chaincode chaincode;

    WarrantyController(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    @Schema(description = "A replaced part: its GTIN, and the serial removed, the serial installed, or both", example = "{\"gtin\":\"09520123456788\",\"removedSerial\":\"CROWN-0113\",\"installedSerial\":\"CROWN-0542\"}")
    record Part(String gtin, String removedSerial, String installedSerial) {}

    @Schema(description = "A repair, and the parts replaced", example = "{\"description\":\"Crown and gasket replaced\",\"replacedParts\":[{\"gtin\":\"09520123456788\",\"removedSerial\":\"CROWN-0113\",\"installedSerial\":\"CROWN-0542\"}]}")
    record ServiceRecord(String description, List<Part> replacedParts) {}

    @Schema(description = "Why the warranty is void", example = "{\"reason\":\"opened by an unauthorised repairer\"}")
    record Voiding(String reason) {}

    @GetMapping("/api/items/{gtin}/{serial}/warranty")
    Mono<WarrantyRecord> warranty(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        return chaincode.query(caller.organisation(), Calls.getWarranty(new ItemRef(gtin, serial)));
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/service-records", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<com.serialtrust.contract.ServiceRecord>> record(@AuthenticationPrincipal final ApiKeys.Holder caller,
            @PathVariable final String gtin, @PathVariable final String serial, @RequestBody final ServiceRecord record) {
        final List<ReplacedPart> parts = record.replacedParts() == null ? List.of() : record.replacedParts().stream()
                .map(p -> new ReplacedPart(Optional.ofNullable(p.gtin()), Optional.ofNullable(p.removedSerial()),
                        Optional.ofNullable(p.installedSerial())))
                .toList();
        return chaincode.submit(caller.organisation(), Calls.recordService(new ItemRef(gtin, serial),
                new ServiceInput(ApiProblem.required(record.description(), "description"), parts)));
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/warranty/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> voidWarranty(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Voiding request) {
        return chaincode.submit(caller.organisation(), Calls.voidWarranty(new ItemRef(gtin, serial),
                ApiProblem.required(request.reason(), "reason")));
    }
}
