package com.serialtrust.api.custody;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.Received;
import com.serialtrust.contract.Shipped;
import java.util.Optional;
import com.serialtrust.api.problem.ApiError;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ownership.OwnerProof;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.chaincode.OwnerProofs;
import com.serialtrust.crypto.P256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Custody along the supply chain: ship, receive, sell, take back, decommission, assemble. */
@RestController
class CustodyController {

    private final Chaincode chaincode;

    CustodyController(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    @Schema(description = "An item: GTIN and serial", example = "{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}")
    record ItemKey(String gtin, String serial) {}

    @Schema(description = "Items shipped to another member, by its MSP id", example = "{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}],\"to\":\"RetailMSP\"}")
    record Shipment(List<ItemKey> items, String to) {}

    @Schema(description = "Items received that were shipped to the caller", example = "{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}]}")
    record Receipt(List<ItemKey> items) {}

    /** A sale as committed, with the consumer's one-time claim secret when the sale made one. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Sold(@JsonUnwrapped Written<Item> sale,
            @Schema(description = "The one-time secret the buyer claims the item with: shown here only") Optional<String> claimSecret) {}

    /** A sale hands the consumer a claim secret, unless the consumer brings a public key of their own. */
    @Schema(description = "A retail sale: empty for a one-time claim code in the answer, or the buyer's public key", example = "{}")
    record Sale(String ownerPublicKey) {}

    @Schema(description = "Why: a return, a decommissioning", example = "{\"reason\":\"damaged in transit\"}")
    record Reason(String reason) {}

    @Schema(description = "Components consumed into an assembly", example = "{\"components\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0003\"}]}")
    record Components(List<ItemKey> components) {}

    @PostMapping(path = "/api/shipments", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Shipped>> ship(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestBody final Shipment shipment) {
        return chaincode.submit(caller.organisation(), Calls.shipItems(items(shipment.items()),
                ApiProblem.required(shipment.to(), "to")));
    }

    @PostMapping(path = "/api/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Received>> receive(@AuthenticationPrincipal final ApiKeys.Holder caller, @RequestBody final Receipt receipt) {
        return chaincode.submit(caller.organisation(), Calls.receiveItems(items(receipt.items())));
    }

    /**
     * Sells to a consumer. The claim secret is in this response only: the ledger keeps its hash, the
     * api keeps nothing, so it must reach the consumer (printed on the receipt, say) now.
     */
    @PostMapping(path = "/api/items/{gtin}/{serial}/sale")
    Mono<Sold> sell(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody(required = false) final Sale sale) {
        final ItemRef item = new ItemRef(gtin, serial);
        if (sale != null && sale.ownerPublicKey() != null) {
            final String commitment = OwnerProofs.commitKey(P256.parsePublicKey(sale.ownerPublicKey()));
            return chaincode.submit(caller.organisation(), Calls.sellItem(item, commitment))
                    .map(done -> new Sold(done, Optional.empty()));
        }
        final byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        final String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return chaincode.submit(caller.organisation(), Calls.sellItem(item, OwnerProofs.commitSecret(secret)))
                .map(done -> new Sold(done, Optional.of(secret)));
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> takeBack(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final OwnerProof proof) {
        return chaincode.submit(caller.organisation(), Calls.returnItem(new ItemRef(gtin, serial)).plusTransient(proof.transientData()));
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/decommission", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> decommission(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Reason reason) {
        return chaincode.submit(caller.organisation(), Calls.decommissionItem(new ItemRef(gtin, serial),
                ApiProblem.required(reason.reason(), "reason")));
    }

    @PostMapping(path = "/api/items/{gtin}/{serial}/components", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> assemble(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestBody final Components components) {
        return chaincode.submit(caller.organisation(), Calls.linkComponents(new ItemRef(gtin, serial),
                items(components.components())));
    }

    private static List<ItemRef> items(final List<ItemKey> refs) {
        if (refs == null || refs.isEmpty()) {
            throw new ApiProblem(ApiError.BAD_REQUEST, "items must name at least one {gtin, serial}");
        }
        return refs.stream().map(r -> new ItemRef(ApiProblem.required(r.gtin(), "gtin"), ApiProblem.required(r.serial(), "serial")))
                .toList();
    }
}
