package com.serialtrust.chaincode;

import com.serialtrust.gs1.Cset82;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recalls by GTIN, lot, production date range or serial. An item is recalled when a recall covers
 * it or any component in it, so recalling a component lot recalls every product built with it.
 */
final class Recalls {

    /** How deep assemblies are followed, and how many parts of one item are checked. */
    static final int MAX_DEPTH = 8;
    static final int MAX_PARTS = 500;

    private Recalls() {}

    static Recall issue(final Tx tx, final String scopeJson, final String noticeArg) {
        tx.require(Role.MANUFACTURER);
        final Recall.Scope input = Json.readArgument("scope", scopeJson, Recall.Scope.class);
        final Recall.Scope scope = validate(input);
        ProductCatalogue.own(tx, scope.gtin());
        final String notice = Arguments.text("notice", noticeArg, 2000);
        final Recall recall = new Recall(tx.txId(), tx.mspId(), scope, notice, tx.now(), Optional.empty());
        tx.put(StateKeys.recall(tx, recall.id()), recall);
        tx.mark(tx.key(StateKeys.RECALL_BY_GTIN, scope.gtin(), recall.id()));
        tx.emit("RecallIssued", Map.of("recallId", recall.id(), "gtin", scope.gtin(), "kind", scope.kind(), "txId", tx.txId()));
        return recall;
    }

    static Recall withdraw(final Tx tx, final String id) {
        tx.require(Role.MANUFACTURER);
        final Recall recall = get(tx, id);
        if (!recall.mspId().equals(tx.mspId())) {
            throw ErrorCode.NOT_AUTHORISED.failure("recall " + recall.id() + " was issued by " + recall.mspId());
        }
        if (!recall.active()) {
            throw ErrorCode.ILLEGAL_TRANSITION.failure("recall " + recall.id() + " is already withdrawn");
        }
        final Recall withdrawn = new Recall(recall.id(), recall.mspId(), recall.scope(), recall.notice(),
                recall.issuedAt(), Optional.of(tx.now()));
        tx.put(StateKeys.recall(tx, recall.id()), withdrawn);
        tx.emit("RecallWithdrawn", Map.of("recallId", recall.id(), "gtin", recall.scope().gtin(), "txId", tx.txId()));
        return withdrawn;
    }

    static Recall get(final Tx tx, final String id) {
        return tx.get(StateKeys.recall(tx, id == null ? "" : id), Recall.class)
                .orElseThrow(() -> ErrorCode.RECALL_NOT_FOUND.failure("no recall " + com.serialtrust.gs1.Text.quote(String.valueOf(id))));
    }

    /** Active recalls of a GTIN, oldest first. */
    static List<Recall> ofGtin(final Tx tx, final String gtin) {
        return ofGtin(tx, gtin, true);
    }

    /** Recalls of a GTIN, oldest first: those in force, or also the withdrawn ones. */
    private static List<Recall> ofGtin(final Tx tx, final String gtin, final boolean activeOnly) {
        final List<Recall> recalls = new ArrayList<>();
        for (String key : tx.keysUnder(StateKeys.RECALL_BY_GTIN, 1000, gtin)) {
            final Recall recall = get(tx, tx.attributes(key).get(1));
            if (recall.active() || !activeOnly) {
                recalls.add(recall);
            }
        }
        recalls.sort(java.util.Comparator.comparing(Recall::issuedAt).thenComparing(Recall::id));
        return recalls;
    }

    /** The active recalls that cover the item or a component in it. */
    static List<AppliedRecall> activeFor(final Tx tx, final Item item) {
        return covering(tx, item, true);
    }

    /**
     * Every recall, in force or withdrawn, that covers the item or a component in it: what the item's
     * history tells of recalls.
     */
    static List<AppliedRecall> everFor(final Tx tx, final Item item) {
        return covering(tx, item, false);
    }

    private static List<AppliedRecall> covering(final Tx tx, final Item item, final boolean activeOnly) {
        final Map<String, List<Recall>> byGtin = new HashMap<>();
        final List<AppliedRecall> applied = new ArrayList<>();
        for (Item part : withComponents(tx, item)) {
            for (Recall recall : byGtin.computeIfAbsent(part.gtin(), g -> ofGtin(tx, g, activeOnly))) {
                if (recall.scope().covers(part)) {
                    applied.add(new AppliedRecall(recall, part == item ? Optional.empty() : Optional.of(part.ref())));
                }
            }
        }
        return applied;
    }

    /** The item and every component in it, breadth first, within the depth and size bounds. */
    static List<Item> withComponents(final Tx tx, final Item item) {
        final List<Item> parts = new ArrayList<>();
        final Deque<Item> queue = new ArrayDeque<>();
        final Map<ItemRef, Integer> depth = new HashMap<>();
        queue.add(item);
        depth.put(item.ref(), 0);
        while (!queue.isEmpty() && parts.size() < MAX_PARTS) {
            final Item part = queue.poll();
            parts.add(part);
            final int level = depth.get(part.ref());
            if (level == MAX_DEPTH) {
                continue;
            }
            for (ItemRef child : components(tx, part.ref())) {
                if (depth.putIfAbsent(child, level + 1) == null) {
                    tx.get(StateKeys.item(tx, child), Item.class).ifPresent(queue::add);
                }
            }
        }
        return parts;
    }

    /** The components linked directly into an item. */
    static List<ItemRef> components(final Tx tx, final ItemRef parent) {
        final List<ItemRef> refs = new ArrayList<>();
        for (String key : tx.keysUnder(StateKeys.CHILD, MAX_PARTS, parent.gtin(), parent.serial())) {
            final List<String> attrs = tx.attributes(key);
            final ItemRef child = new ItemRef(attrs.get(2), attrs.get(3));
            // an unlinked component keeps its index entry out of date only until it is relinked
            if (tx.get(StateKeys.item(tx, child), Item.class).flatMap(Item::parent).filter(parent::equals).isPresent()) {
                refs.add(child);
            }
        }
        return refs;
    }

    /** The assemblies an item is built into, innermost first. */
    static List<ItemRef> ancestors(final Tx tx, final Item item) {
        final Set<ItemRef> chain = new LinkedHashSet<>();
        Optional<ItemRef> parent = item.parent();
        while (parent.isPresent() && chain.size() < MAX_DEPTH * 4 && chain.add(parent.get())) {
            parent = tx.get(StateKeys.item(tx, parent.get()), Item.class).flatMap(Item::parent);
        }
        return List.copyOf(chain);
    }

    private static Recall.Scope validate(final Recall.Scope scope) {
        final String gtin = ProductCatalogue.gtin(scope.gtin());
        final boolean range = scope.producedFrom().isPresent() || scope.producedTo().isPresent();
        final int narrowings = (scope.lot().isPresent() ? 1 : 0) + (scope.serial().isPresent() ? 1 : 0) + (range ? 1 : 0);
        if (narrowings > 1) {
            throw ErrorCode.RECALL_SCOPE_INVALID.failure("a recall is by GTIN, lot, production date range or serial: one at a time");
        }
        scope.lot().filter(l -> !Cset82.isValid(l, 20)).ifPresent(l -> {
            throw ErrorCode.LOT_INVALID.failure("a lot is 1-20 characters of GS1 set 82");
        });
        scope.serial().filter(s -> !Cset82.isValid(s, 20)).ifPresent(s -> {
            throw ErrorCode.SERIAL_INVALID.failure("a serial is 1-20 characters of GS1 set 82");
        });
        if (range) {
            if (scope.producedFrom().isEmpty() || scope.producedTo().isEmpty()) {
                throw ErrorCode.RECALL_SCOPE_INVALID.failure("a production date range needs producedFrom and producedTo");
            }
            final LocalDate from = Arguments.date("producedFrom", scope.producedFrom().get());
            final LocalDate to = Arguments.date("producedTo", scope.producedTo().get());
            if (from.isAfter(to)) {
                throw ErrorCode.RECALL_SCOPE_INVALID.failure("producedFrom is after producedTo");
            }
            return new Recall.Scope(gtin, Optional.empty(), Optional.empty(), Optional.of(from.toString()), Optional.of(to.toString()));
        }
        return new Recall.Scope(gtin, scope.lot(), scope.serial(), Optional.empty(), Optional.empty());
    }
}
