package com.serialtrust.api.ownership;

import com.serialtrust.chaincode.Json;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.theft.TheftReports;
import com.serialtrust.chaincode.OwnerProofs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What an owner does with their proof of ownership, without an account: claim the item after
 * purchase, transfer it on resale, report it stolen, leave contact details for the police. The api
 * submits with the resolver operator's identity; the contract checks the proof.
 */
@RestController
class OwnershipController {

    private static final int MAX_CONTACT = 1024;

    private final Chaincode chaincode;
    private final Organisation operator;

    OwnershipController(final Chaincode chaincode, final LedgerProperties orgs) {
        this.chaincode = chaincode;
        this.operator = orgs.require(orgs.publicOrganisation());
    }

    /** The proof, and the new owner's commitment: a new secret's hash, or a key's fingerprint. */
    @Schema(description = "The owner's proof (secret, or public key and signature) and the next owner's secret or public key", example = "{\"secret\":\"claim code from the receipt\",\"newSecret\":\"my own secret 42\"}")
    record Handover(String secret, String publicKey, String signature, String newSecret, String newPublicKey) {
        OwnerProof proof() {
            return new OwnerProof(secret, publicKey, signature);
        }

        String commitment() {
            if (newSecret != null && !newSecret.isBlank()) {
                if (newSecret.length() < 12 || newSecret.length() > 256) {
                    throw new ApiProblem(ApiError.BAD_REQUEST, "a new secret is 12 to 256 characters");
                }
                return OwnerProofs.commitSecret(newSecret);
            }
            if (newPublicKey != null && !newPublicKey.isBlank()) {
                return OwnerProofs.commitKey(com.serialtrust.crypto.P256.parsePublicKey(newPublicKey));
            }
            throw new ApiProblem(ApiError.BAD_REQUEST, "name the new owner: newSecret or newPublicKey");
        }

        @Override
        public String toString() {
            return "Handover[redacted]";
        }
    }

    @Schema(description = "The owner's proof and the theft: date, place and police report number (place and number stay private)", example = "{\"secret\":\"my own secret 42\",\"date\":\"2026-11-20\",\"place\":\"Lyon, Part-Dieu station\",\"policeReport\":\"PR-2026-1187\"}")
    record TheftReport(String secret, String publicKey, String signature, String date, String place, String policeReport) {
        @Override
        public String toString() {
            return "TheftReport[redacted]";
        }
    }

    @Schema(description = "The owner's proof and contact details for the police only (any JSON object)", example = "{\"secret\":\"my own secret 42\",\"contact\":{\"email\":\"owner@example.org\"}}")
    record Contact(String secret, String publicKey, String signature, JsonNode contact) {
        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }

    @PostMapping(path = "/owner/items/{gtin}/{serial}/claim", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> claim(@PathVariable final String gtin, @PathVariable final String serial,
            @RequestBody final Handover handover) {
        return chaincode.submit(operator, Calls.claimOwnership(new ItemRef(gtin, serial), handover.commitment())
                .plusTransient(handover.proof().transientData()));
    }

    @PostMapping(path = "/owner/items/{gtin}/{serial}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> transfer(@PathVariable final String gtin, @PathVariable final String serial,
            @RequestBody final Handover handover) {
        return chaincode.submit(operator, Calls.transferOwnership(new ItemRef(gtin, serial), handover.commitment())
                .plusTransient(handover.proof().transientData()));
    }

    @PostMapping(path = "/owner/items/{gtin}/{serial}/theft", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Item>> reportTheft(@PathVariable final String gtin, @PathVariable final String serial,
            @RequestBody final TheftReport report) {
        return chaincode.submit(operator, Calls.reportTheft(new ItemRef(gtin, serial), TheftReports.publicPart(report.date()),
                        TheftReports.privatePart(report.place(), report.policeReport()))
                .plusTransient(new OwnerProof(report.secret(), report.publicKey(), report.signature()).transientData()));
    }

    @PostMapping(path = "/owner/items/{gtin}/{serial}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Written<Map<String, Object>>> leaveContact(@PathVariable final String gtin, @PathVariable final String serial,
            @RequestBody final Contact contact) {
        if (contact.contact() == null || !contact.contact().isObject()) {
            throw new ApiProblem(ApiError.BAD_REQUEST, "contact is a JSON object, such as {\"email\": ...}");
        }
        // a fresh salt in the private value, so that the hash Fabric keeps on chain confirms no guessed address
        final tools.jackson.databind.node.ObjectNode salted = ((tools.jackson.databind.node.ObjectNode) contact.contact()).deepCopy();
        salted.put("salt", TheftReports.salt());
        final String details = Json.text(salted);
        if (details.getBytes(StandardCharsets.UTF_8).length > MAX_CONTACT) {
            throw new ApiProblem(ErrorCode.LIMIT_EXCEEDED, "contact details are at most " + MAX_CONTACT + " bytes");
        }
        return chaincode.submit(operator, Calls.setOwnerContact(new ItemRef(gtin, serial), details)
                .plusTransient(new OwnerProof(contact.secret(), contact.publicKey(), contact.signature()).transientData()));
    }
}
