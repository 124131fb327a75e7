package com.serialtrust.chaincode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/** A recall that covers an item, and the component in the item through which it does, if it is not the item itself. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record AppliedRecall(Recall recall, Optional<ItemRef> via) {

    public AppliedRecall {
        Objects.requireNonNull(recall, "recall");
        via = via == null ? Optional.empty() : via;
    }
}
