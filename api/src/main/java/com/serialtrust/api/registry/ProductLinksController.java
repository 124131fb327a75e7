package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.chaincode.ProductLinks;
import com.serialtrust.contract.BrandLink;
import com.serialtrust.contract.Calls;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The links a brand serves for its product through the resolver ({@code ?linkType=gs1:recallStatus} and
 * the linkset): replaced as a whole by the product's manufacturer, which the contract checks.
 */
@RestController
class ProductLinksController {

    private final Chaincode chaincode;

    ProductLinksController(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    @Schema(description = "Every link the product is to carry, in order (at most 32; none removes them all): a GS1 Web"
            + " Vocabulary link type other than verificationService and defaultLink, an https target, a title, and the"
            + " target's languages", example = "{\"links\":[{\"linkType\":\"gs1:recallStatus\",\"href\":\"https://brand.example/recalls\","
            + "\"title\":\"Recall status of your watch\",\"hreflang\":[\"en\"]},{\"linkType\":\"gs1:registerProduct\","
            + "\"href\":\"https://brand.example/register\",\"title\":\"Register your watch\"}]}")
    record LinksRequest(List<BrandLink> links) {}

    @PutMapping(path = "/api/products/{gtin}/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProductLinks> set(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @RequestBody final LinksRequest request) {
        if (request.links() == null) {
            throw new ApiProblem(ApiError.BAD_REQUEST, "links is required (an empty list removes them all)");
        }
        return chaincode.submit(caller.organisation(), Calls.setProductLinks(gtin, request.links())).map(done -> done.result());
    }

    /** Any product's links: public anyway, in its linkset. */
    @GetMapping("/api/products/{gtin}/links")
    Mono<ProductLinks> get(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin) {
        return chaincode.query(caller.organisation(), Calls.getProductLinks(gtin));
    }
}
