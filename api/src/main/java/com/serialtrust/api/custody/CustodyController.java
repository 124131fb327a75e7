package com.serialtrust.api.custody;

import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ownership.OwnerProof;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.problem.ProblemTypes;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.chaincode.OwnerProofs;
import com.serialtrust.crypto.P256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** Custody along the supply chain: ship, receive, sell, take back, decommission, assemble. */
@RestController
class CustodyController {

    private final Chaincode chaincode;

    CustodyController(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    @Schema(description = "An item: GTIN and serial", example = "{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}")
    record ItemRef(String gtin, String serial) {}

    @Schema(description = "Items shipped to another member, by its MSP id", example = "{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}],\"to\":\"RetailMSP\"}")
    record Shipment(List<ItemRef> items, String to) {}

    @Schema(description = "Items received that were shipped to the caller", example = "{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}]}")
    record Receipt(List<ItemRef> items) {}

    /** A sale hands the consumer a claim secret, unless the consumer brings a public key of their own. */
    @Schema(description = "A retail sale: empty for a one-time claim code in the answer, or the buyer's public key", example = "{}")
    record Sale(String ownerPublicKey) {}

    @Schema(description = "Why: a return, a decommissioning", example = "{\"reason\":\"damaged in transit\"}")
    record Reason(String reason) {}

    @Schema(description = "Components consumed into an assembly", example = "{\"components\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0003\"}]}")
    record Components(List<ItemRef> components) {}

    @PostMapping(path = "/api/shipments", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> ship(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestBody final Shipment shipment) {
        return chaincode.submit(caller.organisation(), "ShipItems", chaincode.text(items(shipment.items())),
                ApiProblem.required(shipment.to(), "to"));
    }

    @PostMapping(path = "/api/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> receive(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestBody final Receipt receipt) {
        return chaincode.submit(caller.organisation(), "ReceiveItems", chaincode.text(items(receipt.items())));
    }

    /**
     * Sells to a consumer. The claim secret is in this response only: the ledger keeps its hash, the
     * api keeps nothing, so it must reach the consumer (printed on the receipt, say) now.
     */
    @PostMapping(path = "/api/items/{gtin}/{serial}/sale")
    Mono<ObjectNode> sell(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody(required = false) final Sale sale) {
        if (sale != null && sale.ownerPublicKey() != null) {
            final String commitment = OwnerProofs.commitKey(P256.parsePublicKey(sale.ownerPublicKey()));
            return chaincode.submit(caller.organisation(), "SellItem", gtin, serial, commitment);
        }
        final byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        final String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return chaincode.submit(caller.organisation(), "SellItem", gtin, serial, OwnerProofs.commitSecret(secret))
                .map(done -> done.put("claimSecret", secret));
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> takeBack(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final OwnerProof proof) {
        return chaincode.submit(caller.organisation(), proof.transientData(), "ReturnItem", gtin, serial);
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/decommission", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> decommission(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Reason reason) {
        return chaincode.submit(caller.organisation(), "DecommissionItem", gtin, serial, ApiProblem.required(reason.reason(), "reason"));
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/components", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ObjectNode> assemble(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Components components) {
        return chaincode.submit(caller.organisation(), "LinkComponents", gtin, serial,
                chaincode.text(items(components.components())));
    }

    private static List<Map<String, String>> items(final List<ItemRef> refs) {
        if (refs == null || refs.isEmpty()) {
            throw new ApiProblem(ProblemTypes.BAD_REQUEST, "items must name at least one {gtin, serial}");
        }
        return refs.stream().map(r -> Map.of("gtin", ApiProblem.required(r.gtin(), "gtin"), "serial", ApiProblem.required(r.serial(), "serial")))
                .toList();
    }
}
