package com.serialtrust.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.junit.jupiter.api.Test;

class SimulatedStubTest {

    private static final SimIdentity CALLER = new SimIdentity("OrgMSP", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    private final InMemoryWorldState state = new InMemoryWorldState();

    private SimulatedStub stub(final String txId) {
        return new SimulatedStub(state, "ch", txId, Instant.parse("2026-01-01T00:00:00Z"), CALLER, List.of("Fn", "a"),
                Map.of("secret", "s".getBytes(UTF_8)));
    }

    @Test
    void readsSeeCommittedStateNeverTheTransactionsOwnWrites() {
        final SimulatedStub tx = stub("t1");
        tx.putState("k", "v".getBytes(UTF_8));
        assertThat(tx.getState("k")).isEmpty();
        state.commit(tx.writeSet());
        assertThat(stub("t2").getState("k")).isEqualTo("v".getBytes(UTF_8));
    }

    @Test
    void partialCompositeKeysAndPagesScanInKeyOrder() {
        final SimulatedStub tx = stub("t1");
        for (String serial : List.of("C", "A", "B")) {
            tx.putState(tx.createCompositeKey("item", "G", serial).toString(), serial.getBytes(UTF_8));
        }
        tx.putState(tx.createCompositeKey("item", "H", "Z").toString(), "Z".getBytes(UTF_8));
        state.commit(tx.writeSet());
        final List<String> serials = new ArrayList<>();
        for (KeyValue kv : stub("t2").getStateByPartialCompositeKey("item", "G")) {
            serials.add(kv.getStringValue());
        }
        assertThat(serials).containsExactly("A", "B", "C");
        final var page = stub("t3").getStateByPartialCompositeKeyWithPagination(stub("t3").createCompositeKey("item", "G"), 2, "");
        assertThat(page.getMetadata().getFetchedRecordsCount()).isEqualTo(2);
        final var next = stub("t4").getStateByPartialCompositeKeyWithPagination(
                stub("t4").createCompositeKey("item", "G"), 2, page.getMetadata().getBookmark());
        assertThat(next.iterator().next().getStringValue()).isEqualTo("C");
    }

    @Test
    void historyIsNewestFirstAndRecordsDeletes() {
        final SimulatedStub first = stub("t1");
        first.putState("k", "1".getBytes(UTF_8));
        state.commit(first.writeSet());
        final SimulatedStub second = stub("t2");
        second.delState("k");
        state.commit(second.writeSet());
        final List<KeyModification> history = new ArrayList<>();
        stub("t3").getHistoryForKey("k").forEach(history::add);
        assertThat(history).extracting(KeyModification::getTxId).containsExactly("t2", "t1");
        assertThat(history.get(0).isDeleted()).isTrue();
    }

    @Test
    void privateDataTransientDataAndTheLastEvent() {
        final SimulatedStub tx = stub("t1");
        tx.putPrivateData("pdc", "k", "p".getBytes(UTF_8));
        tx.setEvent("First", new byte[0]);
        tx.setEvent("Second", "x".getBytes(UTF_8));
        assertThat(tx.chaincodeEvent()).hasValueSatisfying(e -> assertThat(e.getEventName()).isEqualTo("Second"));
        assertThat(tx.getTransient().get("secret")).isEqualTo("s".getBytes(UTF_8));
        state.commit(tx.writeSet());
        assertThat(stub("t2").getPrivateData("pdc", "k")).isEqualTo("p".getBytes(UTF_8));
        assertThat(state.get("k")).isEmpty();
        assertThat(stub("t2").getPrivateDataHash("pdc", "k")).hasSize(32);
    }

    @Test
    void refusesWhatALevelDbPeerRefuses() {
        assertThatThrownBy(() -> stub("t1").getQueryResult("{}")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stub("t1").putState("k", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub("t1").getFunction()).isEqualTo("Fn");
        assertThat(stub("t1").getParameters()).containsExactly("a");
    }

    @Test
    void partialCompositeKeysAreTheOnesFabricMakesAndRefuseWhatFabricRefuses() {
        final String[][] cases = {{"child", "09520123456788", "NK(12)"}, {"recallgtin", "09520123456788"}, {"item"},
                {"lot", "", "é✓😀"}};
        for (String[] c : cases) {
            final String[] attributes = java.util.Arrays.copyOfRange(c, 1, c.length);
            assertThat(RefusingStub.partialKey(c[0], attributes))
                    .isEqualTo(new org.hyperledger.fabric.shim.ledger.CompositeKey(c[0], attributes).toString());
        }
        final String maxRune = new String(Character.toChars(Character.MAX_CODE_POINT));
        for (String bad : new String[] {"a\u0000b", "x" + maxRune}) {
            final Class<?> fabrics = org.assertj.core.api.Assertions.catchThrowable(
                    () -> new org.hyperledger.fabric.shim.ledger.CompositeKey("child", bad)).getClass();
            assertThat(fabrics.getSimpleName()).isEqualTo("CompositeKeyFormatException");
            assertThatThrownBy(() -> RefusingStub.partialKey("child", "09520123456788", bad)).isInstanceOf(fabrics);
            assertThatThrownBy(() -> RefusingStub.partialKey(bad)).isInstanceOf(fabrics);
        }
    }
}
