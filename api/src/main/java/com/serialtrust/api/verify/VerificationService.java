package com.serialtrust.api.verify;

import com.serialtrust.api.analytics.Scan;
import com.serialtrust.api.analytics.ScanAnalytics;
import com.serialtrust.api.analytics.Tallies;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.theft.StolenSightings;
import com.serialtrust.gs1.DigitalLink;
import java.time.Clock;
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
    private final VerificationCache cache;
    private final ScanAnalytics analytics;
    private final Tallies tallies;
    private final StolenSightings sightings;
    private final Clock clock = Clock.systemUTC();
    private final LedgerProperties names;

    VerificationService(final Ledger ledger, final LedgerProperties properties, final JsonMapper json,
            final VerificationCache cache, final ScanAnalytics analytics, final StolenSightings sightings,
            final Tallies tallies) {
        this.tallies = tallies;
        this.ledger = ledger;
        this.asPublic = properties.require(properties.publicOrganisation());
        this.names = properties;
        this.json = json;
        this.cache = cache;
        this.analytics = analytics;
        this.sightings = sightings;
    }

    /**
     * The verification of the item a Digital Link names, checking its {@code sig} if it has one: from
     * the cache if no chaincode event has touched the item since, else from the ledger. The scan is
     * counted, a genuine label scanned in implausibly many places turns {@code SUSPECT_COPY}, and a
     * check of a stolen item is recorded for the police.
     */
    public Mono<ObjectNode> verify(final DigitalLink link, final Scan scan) {
        final String gtin = link.element().gtin().value();
        final String serial = link.element().serial();
        final String elementString = link.element().canonical();
        final String signature = link.signature().orElse("");
        // the verdict depends on every identifier the link carries, so the cache keys on all of them
        final String presented = elementString + "\n" + signature;
        return cache.get(gtin, serial, presented)
                .switchIfEmpty(Mono.defer(() -> fromLedger(gtin, serial, elementString, signature, presented)))
                // the ledger is out of reach: a cache that was only too slow may still have the answer
                .onErrorResume(LedgerUnavailableException.class, unreachable -> cache.getPatiently(gtin, serial, presented)
                        .switchIfEmpty(Mono.error(unreachable)))
                .flatMap(verification -> scanned(verification, gtin, serial, scan));
    }

    private Mono<ObjectNode> fromLedger(final String gtin, final String serial, final String elementString,
            final String signature, final String presented) {
        final VerificationCache.Stamp stamp = cache.stamp();
        return ledger.evaluate(asPublic, "Verify", List.of(elementString, signature))
                .map(payload -> (ObjectNode) json.readTree(payload))
                .flatMap(v -> signature.isEmpty() ? withSuggestions(v, gtin, serial) : Mono.just(v))
                .map(this::withManufacturerName)
                .flatMap(this::withBlock)
                .flatMap(v -> cache.put(gtin, serial, presented, v, stamp).thenReturn(v));
    }

    private Mono<ObjectNode> scanned(final ObjectNode verification, final String gtin, final String serial,
            final Scan scan) {
        if (!verification.path("registered").asBoolean(false)) {
            return Mono.just(verification);
        }
        final String verdict = verification.path("verdict").asString();
        final Mono<Void> sighting = "STOLEN".equals(verdict)
                ? sightings.record(gtin, serial, scan.place(), clock.instant()) : Mono.empty();
        // a suspect code is suspect to every check that would otherwise read well: with its label, or without
        final boolean overridable = "GENUINE".equals(verdict) || "SIGNATURE_MISSING".equals(verdict);
        final String manufacturer = verification.path("manufacturer").asString("");
        final Mono<Void> tally = tallies.checked(manufacturer, scan.place(), "STOLEN".equals(verdict), clock.instant());
        return Mono.when(sighting, tally).then(analytics.record(gtin, serial, manufacturer, scan,
                        "GENUINE".equals(verdict), clock.instant())
                .map(suspicion -> suspicion != ScanAnalytics.Suspicion.NONE && overridable
                        ? suspectCopy(verification, suspicion) : verification)
                .defaultIfEmpty(verification));
    }

    private static ObjectNode suspectCopy(final ObjectNode verification, final ScanAnalytics.Suspicion suspicion) {
        final ObjectNode copy = verification.deepCopy();
        copy.put("verdict", "SUSPECT_COPY");
        copy.put("suspectReason", suspicion.reason());
        return copy;
    }

    /** The manufacturer as people know it, beside its MSP id. */
    private ObjectNode withManufacturerName(final ObjectNode verification) {
        final JsonNode msp = verification.get("manufacturer");
        if (msp != null && msp.isString()) {
            verification.put("manufacturerName", names.displayName(msp.asString()));
        }
        return verification;
    }

    /**
     * A typed serial that is not registered may be a typing slip: {@code didYouMean} names the
     * registered serials of its GTIN that read the same once look-alike characters are folded.
     */
    private Mono<ObjectNode> withSuggestions(final ObjectNode verification, final String gtin, final String serial) {
        if (!"UNREGISTERED".equals(verification.path("verdict").asString())) {
            return Mono.just(verification);
        }
        return ledger.evaluate(asPublic, "SuggestSerials", List.of(gtin, serial)).map(payload -> {
            final JsonNode suggestions = json.readTree(payload).path("suggestions");
            if (!suggestions.isEmpty()) {
                verification.set("didYouMean", suggestions);
            }
            return verification;
        });
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
