package com.serialtrust.api.qr;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.contract.Calls;
import com.serialtrust.contract.ItemLabel;
import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The Digital Link that goes on an item's label: its identifiers and its registered signature, for its manufacturer. */
@Service
public class LabelService {

    private final Chaincode chaincode;
    private final QrProperties properties;

    LabelService(final Chaincode chaincode, final QrProperties properties) {
        this.chaincode = chaincode;
        this.properties = properties;
    }

    /** The label URI of a registered item, read from the ledger as {@code as}: its manufacturer alone may. */
    public Mono<String> uri(final Organisation as, final String gtin, final String serial) {
        final ElementString requested = ElementString.of(Gtin.parse(gtin), serial);
        return labels(as, List.of(new ItemRef(requested.gtin().value(), requested.serial())))
                .map(found -> uri(found.get(0)));
    }

    /**
     * Labels of items, from the contract's GetLabels: the signature is in no public state, only in the
     * brand's own private collection, and the contract hands it to the item's manufacturer alone.
     */
    private Mono<List<ItemLabel>> labels(final Organisation as, final List<ItemRef> refs) {
        return chaincode.query(as, Calls.getLabels(refs));
    }

    /** A label's link: the element string the brand signed, and its signature. */
    private String uri(final ItemLabel label) {
        return new DigitalLink(ElementString.parse(label.elementString()), Optional.of(label.signature()))
                .toUri(properties.resolverBase());
    }

    /** Every item of a lot, as labels, read page by page; at most {@link #MAX_SHEET}. */
    Mono<List<LabelSheet.Label>> lot(final Organisation as, final String gtin, final String lot) {
        final String gtin14 = Gtin.parse(gtin).value();
        return page(as, gtin14, lot, "", new ArrayList<>());
    }

    static final int MAX_SHEET = 10_000;

    private Mono<List<LabelSheet.Label>> page(final Organisation as, final String gtin, final String lot,
            final String bookmark, final List<LabelSheet.Label> acc) {
        return chaincode.query(as, Calls.listItemsByLot(gtin, lot, 1000, bookmark)).flatMap(page -> {
            final List<ItemRef> refs = page.items().stream().map(Item::ref).toList();
            if (acc.size() + refs.size() > MAX_SHEET) {
                return Mono.error(new ApiProblem(ErrorCode.LIMIT_EXCEEDED,
                        "a label sheet holds at most " + MAX_SHEET + " labels"));
            }
            final String next = page.bookmark() == null ? "" : page.bookmark();
            final Mono<List<LabelSheet.Label>> withPage = refs.isEmpty() ? Mono.just(acc)
                    : labels(as, refs).map(found -> {
                        found.forEach(label -> acc.add(new LabelSheet.Label(label.gtin(), label.serial(), uri(label))));
                        return acc;
                    });
            return next.isEmpty() || refs.isEmpty() ? withPage : withPage.flatMap(done -> page(as, gtin, lot, next, done));
        });
    }
}
