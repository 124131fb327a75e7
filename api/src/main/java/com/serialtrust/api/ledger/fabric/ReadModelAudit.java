package com.serialtrust.api.ledger.fabric;

import com.serialtrust.contract.Calls;
import com.serialtrust.contract.StatePage;
import com.serialtrust.sim.WorldState;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.GatewayException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the read model with its peer's world state, key by key: the peer lists its public keys
 * with the hashes of their values ({@code AuditState}, a page at a time, in key order) and each page
 * is merged with the read model's keys of the same range. A key only on one side, or with another
 * value, is a difference.
 */
public final class ReadModelAudit {

    /** The most differences a report lists (it counts them all). */
    static final int LISTED = 100;
    private static final int PAGE = 500;

    /** What an audit found: the blocks both sides were at, the keys compared, and every difference. */
    public record Report(long readModelBlock, long peerBlock, long keys, long differences, List<String> listed) {
        public boolean intact() {
            return differences == 0;
        }

        @Override
        public String toString() {
            return String.format("%s: %,d keys compared, %,d differences; read model at block %d, peer at block %d",
                    intact() ? "same" : "DIFFERENT", keys, differences, readModelBlock, peerBlock);
        }
    }

    private final ReadModel model;
    private final Connection peer;
    private final JsonMapper json = JsonMapper.builder().build();
    private long keys;
    private long differences;
    private final List<String> listed = new ArrayList<>();

    private ReadModelAudit(final ReadModel model, final Connection peer) {
        this.model = model;
        this.peer = peer;
    }

    /** Compares every key; the read model is first given {@code catchUpMillis} to reach the peer's last block. */
    static Report compare(final ReadModel model, final Connection peer, final long peerBlock, final long catchUpMillis)
            throws InterruptedException {
        model.awaitCommitted(peerBlock, catchUpMillis);
        final ReadModelAudit audit = new ReadModelAudit(model, peer);
        audit.run();
        return new Report(model.committedHeight(), peerBlock, audit.keys, audit.differences, List.copyOf(audit.listed));
    }

    private void run() {
        String after = "";
        while (true) {
            final StatePage page = page(after);
            final String last = page.entries().isEmpty() ? after : page.entries().get(page.entries().size() - 1).key();
            // the read model's keys of the range this page covers: (after, last], or all the rest on the last page
            final Iterator<Map.Entry<String, byte[]>> local = model.keysBetween(after, page.done() ? null : last).iterator();
            merge(page.entries().iterator(), local);
            if (page.done()) {
                return;
            }
            after = last;
        }
    }

    private void merge(final Iterator<StatePage.Entry> remote, final Iterator<Map.Entry<String, byte[]>> local) {
        StatePage.Entry r = remote.hasNext() ? remote.next() : null;
        Map.Entry<String, byte[]> l = local.hasNext() ? local.next() : null;
        while (r != null || l != null) {
            final int order = r == null ? 1 : l == null ? -1 : compareBytes(r.key(), l.getKey());
            if (order < 0) {
                differ("only on the peer: " + printable(r.key()));
                r = remote.hasNext() ? remote.next() : null;
            } else if (order > 0) {
                differ("only in the read model: " + printable(l.getKey()));
                l = local.hasNext() ? local.next() : null;
            } else {
                keys++;
                if (!r.sha256().equals(HexFormat.of().formatHex(WorldState.sha256(l.getValue())))) {
                    differ("another value: " + printable(r.key()));
                }
                r = remote.hasNext() ? remote.next() : null;
                l = local.hasNext() ? local.next() : null;
            }
        }
    }

    private void differ(final String what) {
        differences++;
        if (listed.size() < LISTED) {
            listed.add(what);
        }
    }

    private StatePage page(final String after) {
        final var call = Calls.auditState(after, PAGE);
        try {
            return json.readValue(peer.contract().evaluateTransaction(call.transaction().function(),
                    call.args().toArray(String[]::new)), call.result());
        } catch (GatewayException e) {
            throw FabricErrors.translate(call.transaction().function(), e);
        }
    }

    /** Keys compare as the ledger orders them: by their UTF-8 bytes. */
    private static int compareBytes(final String a, final String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A composite key as people read it: its parts between bars. */
    private static String printable(final String key) {
        return key.replace('\u0000', '|');
    }
}
