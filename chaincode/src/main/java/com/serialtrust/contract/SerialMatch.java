package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.ItemStatus;
import java.util.Optional;

/** An item found for a checked serial; a theft's private details only when the police asked. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SerialMatch(ItemRef item, ItemStatus status, boolean stolen, Optional<PoliceTheftView> theft,
        String manufacturer, int distance) {}
