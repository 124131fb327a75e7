package com.serialtrust.api.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.ProductLinks;
import com.serialtrust.contract.BrandLink;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.chaincode.Product;
import com.serialtrust.chaincode.Recall;
import com.serialtrust.contract.Calls;
import com.serialtrust.gs1.ProductLink;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What the resolver answers for a link above the item ({@code /01/<gtin>[/22/<cpv>][/10/<lot>]}): the
 * product, its brand, and the recalls in force that concern it. Only what is public anyway: the
 * product model, and the notices that a verification of a recalled item shows.
 */
@Service
class ProductSummaries {

    private final Chaincode chaincode;
    private final Organisation asPublic;
    private final LedgerProperties names;

    ProductSummaries(final Chaincode chaincode, final LedgerProperties properties) {
        this.chaincode = chaincode;
        this.asPublic = properties.require(properties.publicOrganisation());
        this.names = properties;
    }

    @Schema(description = "A recall in force that concerns the product or lot asked about")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record RecallNotice(
            @Schema(description = "GTIN, LOT or PRODUCTION_DATE_RANGE: which of the product's items it covers") String kind,
            String notice, Optional<String> lot, Optional<String> producedFrom, Optional<String> producedTo,
            Instant issuedAt) {

        static RecallNotice of(final Recall recall) {
            final Recall.Scope scope = recall.scope();
            return new RecallNotice(scope.kind(), recall.notice(), scope.lot(), scope.producedFrom(), scope.producedTo(),
                    recall.issuedAt());
        }
    }

    @Schema(description = "A product, or one lot of it, as the resolver answers a link without a serial")
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ProductView(
            String gtin, Optional<String> cpv, Optional<String> lot, String productName, String manufacturer,
            @Schema(description = "The manufacturer as people know it") String manufacturerName, int warrantyMonths,
            @Schema(description = "Recalls in force: for a lot, those of the whole product, of a production date range,"
                    + " and of that lot; for the product, those of any lot too") List<RecallNotice> recalls,
            @Schema(description = "The links the brand serves for the product: recall status, registration...") List<BrandLink> links) {}

    /** The links the product's brand set for the resolver to serve; none for a GTIN no manufacturer registered. */
    Mono<List<BrandLink>> brandLinks(final ProductLink link) {
        return chaincode.query(asPublic, Calls.getProductLinks(link.gtin().value())).map(ProductLinks::links)
                .onErrorResume(LedgerRefusal.class, refusal -> refusal.is(ErrorCode.PRODUCT_NOT_FOUND) ? Mono.just(List.of())
                        : Mono.error(refusal));
    }

    /** The product the link names, with its recalls; a GTIN no manufacturer registered is PRODUCT_NOT_FOUND. */
    Mono<ProductView> of(final ProductLink link) {
        final String gtin = link.gtin().value();
        return Mono.zip(chaincode.query(asPublic, Calls.getProduct(gtin)), chaincode.query(asPublic, Calls.listRecalls(gtin)),
                        brandLinks(link))
                .map(found -> view(link, found.getT1(), found.getT2(), found.getT3()));
    }

    private ProductView view(final ProductLink link, final Product product, final List<Recall> recalls,
            final List<BrandLink> links) {
        final List<RecallNotice> notices = recalls.stream()
                .filter(r -> concerns(r.scope(), link))
                .map(RecallNotice::of)
                .toList();
        return new ProductView(product.gtin(), link.cpv(), link.lot(), product.name(), product.mspId(),
                names.displayName(product.mspId()), product.warrantyMonths(), notices, links);
    }

    /** A recall of one serial is the item's business, not the product's; one of another lot is not this lot's. */
    private static boolean concerns(final Recall.Scope scope, final ProductLink link) {
        if (scope.serial().isPresent()) {
            return false;
        }
        return link.lot().isEmpty() || scope.lot().isEmpty() || scope.lot().equals(link.lot());
    }
}
