package com.serialtrust.api.verify;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.gs1.DigitalLink;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Public verification: the contract's verdict for a label, with the number of the block that holds
 * the item's current state added to the ledger proof (chaincode cannot see block numbers).
 */
@Service
public class VerificationService {

    private final Ledger ledger;
    private final Organisation asPublic;
    private final JsonMapper json;

    VerificationService(final Ledger ledger, final LedgerProperties properties, final JsonMapper json) {
        this.ledger = ledger;
        this.asPublic = properties.require(properties.publicOrganisation());
        this.json = json;
    }

    /** The verification of the item a Digital Link names, checking its {@code sig} if it has one. */
    public Mono<ObjectNode> verify(final DigitalLink link) {
        final List<String> args = List.of(link.element().gtin().value(), link.element().serial(),
                link.signature().orElse(""));
        return ledger.evaluate(asPublic, "Verify", args)
                .map(payload -> (ObjectNode) json.readTree(payload))
                .map(VerificationService::withoutSignature)
                .flatMap(this::withBlock);
    }

    /**
     * The registered signature is never echoed: a caller who guesses a serial must not learn the
     * signature that would make a perfect copy of its label. Whoever scanned the label has it already.
     */
    private static ObjectNode withoutSignature(final ObjectNode verification) {
        verification.remove("signature");
        return verification;
    }

    private Mono<ObjectNode> withBlock(final ObjectNode verification) {
        final JsonNode proof = verification.get("proof");
        if (proof == null || !proof.hasNonNull("txId")) {
            return Mono.just(verification);
        }
        return ledger.blockOf(proof.get("txId").asString())
                .map(block -> {
                    ((ObjectNode) proof).put("block", block);
                    return verification;
                })
                .defaultIfEmpty(verification);
    }
}
