package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.contract.ChaincodeSettings;
import com.serialtrust.sim.SimLedger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The search index leaves the ledger: no transaction writes it, a world state that keeps it derives it
 * from the items, and a peer, which keeps none, refuses the searches rather than find nothing.
 */
class SearchIndexTest {

    @Nested
    class Registration {

        @Test
        void writesTheItemsAndNoIndexKey() {
            final Consortium c = Consortium.ready();
            final var batch = Consortium.Registered.split(json(List.of(
                    c.signedItem(GTIN, "IX-1", Map.of("lot", "L1")), c.signedItem(GTIN, "IX-2", Map.of()))));
            final var result = c.ledger.submit(c.brand, batch.transientData(), "RegisterItems", batch.items());
            assertThat(result.ok()).as(result.message()).isTrue();
            assertThat(result.writes().publicWrites().keySet())
                    .containsExactlyInAnyOrder(itemKey("IX-1"), itemKey("IX-2"));
        }

        @Test
        void aStateThatKeepsTheIndexFindsTheItemsByEverySearch() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "SN-00A7B3X9Q", Map.of("lot", "L7")))));
            assertThat(c.query(c.police, "FindCloseSerials", "SN 00A7B3X").get("matches").size()).isEqualTo(1);
            assertThat(c.query(c.police, "CheckSerials", "[{\"serial\":\"SN-00A7B3X9Q\"}]").get(0).get("matches").size())
                    .isEqualTo(1);
            assertThat(c.query(c.stranger, "SuggestSerials", GTIN, "sn-ooa7b3x9q").get("suggestions").toString())
                    .isEqualTo("[\"SN-00A7B3X9Q\"]");
            assertThat(c.query(c.brand, "ListItemsByLot", GTIN, "L7", "10", "").get("items").size()).isEqualTo(1);
        }
    }

    @Nested
    class OnAPeer {

        /** The contract as a peer's chaincode server runs it, over the same committed state: no index setting. */
        private SimLedger peer(final Consortium c) {
            return new SimLedger(ChaincodeSettings.authority(Consortium.AUTHORITY).around(SimLedger.contractRouter(SerialTrustContract.class)),
                    c.ledger.state(), "serialtrust", c.clock);
        }

        @Test
        void everySearchIsRefusedWithItsOwnCodeNotAnsweredWithNothing() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "PEER-1", Map.of("lot", "L1")))));
            final SimLedger peer = peer(c);
            for (var search : List.of(
                    new String[] {"FindCloseSerials", "PEER-1"},
                    new String[] {"CheckSerials", "[{\"serial\":\"PEER-1\"}]"},
                    new String[] {"SuggestSerials", GTIN, "peer-1"},
                    new String[] {"ListItemsByLot", GTIN, "L1", "10", ""})) {
                final var who = search[0].equals("ListItemsByLot") ? c.brand : search[0].equals("SuggestSerials") ? c.stranger : c.police;
                final var result = peer.evaluate(who, search[0], java.util.Arrays.copyOfRange(search, 1, search.length));
                assertThat(result.ok()).as(search[0]).isFalse();
                assertThat(new String(result.payload(), StandardCharsets.UTF_8)).as(search[0])
                        .contains("\"code\":\"SEARCH_INDEX_UNAVAILABLE\"");
            }
        }

        @Test
        void whatNeedsNoIndexStillAnswers() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "PEER-2", Map.of()))));
            final SimLedger peer = peer(c);
            final var check = peer.evaluate(c.brand, "CheckSerials", "[{\"gtin\":\"" + GTIN + "\",\"serial\":\"PEER-2\"}]");
            assertThat(check.ok()).as(check.message()).isTrue();
            assertThat(check.payloadText()).as("a check that names its GTIN reads the item itself").contains("PEER-2");
            assertThat(peer.evaluate(c.stranger, "GetItem", GTIN, "PEER-2").ok()).isTrue();
        }
    }

    @Nested
    class Derivation {

        @Test
        void anItemWriteBringsItsLotSerialNormalisedAndSegmentKeys() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "SN-00A7B3X9Q", Map.of("lot", "L7")))));
            final byte[] item = c.ledger.state().get(itemKey("SN-00A7B3X9Q")).orElseThrow();
            final String of = GTIN + Z + "SN-00A7B3X9Q" + Z;
            assertThat(DerivedIndex.keysOf(itemKey("SN-00A7B3X9Q"), item)).containsExactly(
                    Z + "lot" + Z + GTIN + Z + "L7" + Z + "SN-00A7B3X9Q" + Z,
                    Z + "serial" + Z + "SN-00A7B3X9Q" + Z + GTIN + Z,
                    Z + "norm" + Z + "5N00A783X9Q" + Z + of,
                    Z + "nseg" + Z + "011" + Z + "0" + Z + "5N0" + Z + of,
                    Z + "nseg" + Z + "011" + Z + "1" + Z + "0A78" + Z + of,
                    Z + "nseg" + Z + "011" + Z + "2" + Z + "3X9Q" + Z + of);
            assertThat(DerivedIndex.keysOf(Z + "product" + Z + GTIN + Z, item)).as("only items are indexed").isEmpty();
            assertThat(DerivedIndex.keysOf(itemKey("SN-00A7B3X9Q"), new byte[0])).as("a delete brings none").isEmpty();
            assertThat(DerivedIndex.covers(Z + "nseg" + Z + "011" + Z)).isTrue();
            assertThat(DerivedIndex.covers(itemKey("SN-00A7B3X9Q"))).isFalse();
        }
        @Test
        void theKeysComeFromTheItemsOwnFieldsNotFromTheAssemblyItIsPartOf() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "PART-7", Map.of("lot", "L9")))));
            final var item = (tools.jackson.databind.node.ObjectNode) Json.tree(c.ledger.state().get(itemKey("PART-7")).orElseThrow());
            // a consumed part names its parent, whose fields share the item's names one level down
            item.putObject("parent").put("gtin", "09506000134352").put("lot", "PARENT-LOT").put("serial", "PARENT-1");
            final byte[] part = item.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(DerivedIndex.keysOf(itemKey("PART-7"), part))
                    .isEqualTo(SearchIndex.keys(GTIN, "PART-7", java.util.Optional.of("L9")))
                    .noneMatch(k -> k.contains("PARENT"));
        }

        @Test
        void anItemWithoutItsSerialIsUnreadableNotIndexedUnderNothing() {
            final byte[] broken = ("{\"gtin\":\"" + GTIN + "\",\"lot\":\"L1\"}").getBytes(StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThatIllegalStateException()
                    .isThrownBy(() -> DerivedIndex.keysOf(itemKey("X-1"), broken));
        }
    }

    private static final String Z = "\u0000";

    private static String itemKey(final String serial) {
        return Z + "item" + Z + GTIN + Z + serial + Z;
    }
}
