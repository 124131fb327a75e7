package com.serialtrust.contract;

import java.util.List;

/** A repair as a service centre records it: what was done and the parts it replaced. */
public record ServiceInput(String description, List<ReplacedPart> replacedParts) {
    public ServiceInput {
        replacedParts = replacedParts == null ? List.of() : List.copyOf(replacedParts);
    }
}
