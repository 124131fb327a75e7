package com.serialtrust.api.verify;

import com.serialtrust.api.analytics.Scan;
import com.serialtrust.api.analytics.ScanAnalytics;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.theft.StolenSightings;
import com.serialtrust.chaincode.Verdict;
import com.serialtrust.chaincode.Verification;
import com.serialtrust.contract.Calls;
import com.serialtrust.gs1.DigitalLink;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Public verification: the contract's verdict for a label, with the number of the block that holds
 * the item's current state added to the ledger proof (chaincode cannot see block numbers).
 */
@Service
public class VerificationService {

    private final Ledger ledger;
    private final Organisation asPublic;
    private final Chaincode chaincode;
    private final VerificationCache cache;
    private final ScanAnalytics analytics;
    private final StolenSightings sightings;
    private final Clock clock = Clock.systemUTC();
    private final LedgerProperties names;

    VerificationService(final Ledger ledger, final LedgerProperties properties, final Chaincode chaincode,
            final VerificationCache cache, final ScanAnalytics analytics, final StolenSightings sightings) {
        this.ledger = ledger;
        this.asPublic = properties.require(properties.publicOrganisation());
        this.names = properties;
        this.chaincode = chaincode;
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
    public Mono<VerificationView> verify(final DigitalLink link, final Scan scan) {
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

    private Mono<VerificationView> fromLedger(final String gtin, final String serial, final String elementString,
            final String signature, final String presented) {
        final VerificationCache.Stamp stamp = cache.stamp();
        return chaincode.query(asPublic, Calls.verify(elementString, signature))
                .map(VerificationView::of)
                .flatMap(v -> signature.isEmpty() ? withSuggestions(v, gtin, serial) : Mono.just(v))
                .map(this::withManufacturerName)
                .flatMap(this::withBlock)
                .flatMap(v -> cache.put(gtin, serial, presented, v, stamp).thenReturn(v));
    }

    private Mono<VerificationView> scanned(final VerificationView view, final String gtin, final String serial,
            final Scan scan) {
        final Verification verification = view.verification();
        if (!verification.registered()) {
            return Mono.just(view);
        }
        final Verdict verdict = verification.verdict();
        final boolean stolen = verdict == Verdict.STOLEN;
        // a suspect code is suspect to every check that would otherwise read well: with its label, or without
        final boolean overridable = verdict == Verdict.GENUINE || verdict == Verdict.SIGNATURE_MISSING;
        final String manufacturer = verification.manufacturer().orElse("");
        final Mono<VerificationView> judged = analytics.record(gtin, serial, manufacturer, scan, verdict == Verdict.GENUINE,
                        stolen, clock.instant())
                .map(suspicion -> suspicion != ScanAnalytics.Suspicion.NONE && overridable
                        ? view.suspectCopy(suspicion.reason()) : view)
                .defaultIfEmpty(view);
        if (!stolen) {
            return judged;
        }
        final Mono<Void> sighting = sightings.record(gtin, serial, scan.place(), clock.instant());
        // both at once: their Redis commands share one round trip
        return Mono.zip(judged, sighting.thenReturn(Boolean.TRUE), (answer, seen) -> answer);
    }

    /** The manufacturer as people know it, beside its MSP id. */
    private VerificationView withManufacturerName(final VerificationView view) {
        return view.verification().manufacturer().map(msp -> view.withManufacturerName(names.displayName(msp))).orElse(view);
    }

    /**
     * A typed serial that is not registered may be a typing slip: {@code didYouMean} names the
     * registered serials of its GTIN that read the same once look-alike characters are folded.
     */
    private Mono<VerificationView> withSuggestions(final VerificationView view, final String gtin, final String serial) {
        if (view.verdict() != Verdict.UNREGISTERED) {
            return Mono.just(view);
        }
        return chaincode.query(asPublic, Calls.suggestSerials(gtin, serial)).map(found ->
                found.suggestions().isEmpty() ? view : view.withSuggestions(found.suggestions()));
    }

    private Mono<VerificationView> withBlock(final VerificationView view) {
        return Mono.justOrEmpty(view.verification().proof())
                .flatMap(proof -> ledger.blockOf(proof.txId()))
                .map(block -> view.with(view.verification().withBlock(block)))
                .defaultIfEmpty(view);
    }
}
