package com.serialtrust.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;

/** The contract builds composite keys itself, for speed: byte for byte what Fabric's shim builds. */
class CompositeKeyTest {

    @Test
    void everyKeyIsTheShimsKey() {
        for (List<String> attributes : List.<List<String>>of(List.of(), List.of("09520123456788", "DEMO-0001"),
                List.of("lot A", "", "NK(12)", "é€😀"), List.of("005", "0", "DEMO", "09520123456788", "DEMO-0001"))) {
            final String[] array = attributes.toArray(String[]::new);
            assertThat(Tx.compositeKey("item", array)).contains(new CompositeKey("item", array).toString());
        }
    }

    @Test
    void aSegmentFabricRefusesIsLeftToTheShim() {
        assertThat(Tx.compositeKey("item", "a\u0000b")).isEmpty();
        assertThat(Tx.compositeKey("item", "a" + new String(Character.toChars(Character.MAX_CODE_POINT)))).isEmpty();
        assertThat(Tx.compositeKey("it\u0000em", "a")).isEmpty();
    }
}
