package com.serialtrust.chaincode;

import com.serialtrust.contract.BrandLink;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The links a product's brand serves through this resolver, in the brand's order, and when it last set
 * them (none: never set). Public, as a resolver's links are.
 */
public record ProductLinks(String gtin, String mspId, List<BrandLink> links, Optional<Instant> updatedAt) {

    public ProductLinks {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(mspId, "mspId");
        links = links == null ? List.of() : List.copyOf(links);
        updatedAt = updatedAt == null ? Optional.empty() : updatedAt;
    }
}
