package com.serialtrust.api.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serialtrust.sim.WorldState;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read model applies blocks as a peer commits them, and refuses a block that breaks the chain. */
class ReadModelTests {

    @TempDir
    Path dir;

    private static Blocks.Parsed parsed(final Block block) {
        return Blocks.parse(block, TestBlocks.CHAINCODE);
    }

    /** Block 0 (a configuration block: nothing of the chaincode) and block 1 writing a=1 and b=2. */
    private static Blocks.Parsed[] twoBlocks() {
        final Blocks.Parsed genesis = parsed(new TestBlocks().block(0, new byte[0]));
        final Blocks.Parsed first = parsed(new TestBlocks().put("t1", "a", "1").put("t2", "b", "2").block(1, genesis.hash()));
        return new Blocks.Parsed[] {genesis, first};
    }

    /** {@link #twoBlocks()} applied to {@code model}: the last one, for the next block to name. */
    private static Blocks.Parsed appliedTwoBlocks(final ReadModel model) {
        final Blocks.Parsed[] blocks = twoBlocks();
        model.apply(blocks[0]);
        model.apply(blocks[1]);
        return blocks[1];
    }

    @Test
    void theDataHashIsSha256OfTheEnvelopesOneAfterTheOtherAsFabricHashesThem() {
        final com.google.protobuf.ByteString first = com.google.protobuf.ByteString.copyFromUtf8("first envelope");
        // a second envelope in two parts, as a large message may arrive: hashed part by part
        final com.google.protobuf.ByteString second = com.google.protobuf.ByteString.copyFromUtf8("second, ")
                .concat(com.google.protobuf.ByteString.copyFrom(new byte[300]));
        assertThat(Blocks.dataHash(java.util.List.of(first, second)))
                .isEqualTo(WorldState.sha256(first.concat(second).toByteArray()))
                .isNotEqualTo(WorldState.sha256(second.concat(first).toByteArray()));
    }

    @Test
    void onlyValidTransactionsOfTheChaincodeAreAppliedWithTheirBlockAndTransaction() {
        try (ReadModel model = new ReadModel(dir)) {
            final Blocks.Parsed genesis = parsed(new TestBlocks().block(0, new byte[0]));
            model.apply(genesis);
            model.apply(parsed(new TestBlocks()
                    .put("t1", "a", "1")
                    .tx("t2", TestBlocks.CHAINCODE, Map.of("a", Optional.of("conflict")), TxValidationCode.MVCC_READ_CONFLICT,
                            Optional.of("Ignored"))
                    .tx("t3", "_lifecycle", Map.of("a", Optional.of("lifecycle")), TxValidationCode.VALID, Optional.empty())
                    .tx("t4", TestBlocks.CHAINCODE, Map.of("b", Optional.of("2")), TxValidationCode.VALID, Optional.of("Written"))
                    .block(1, genesis.hash())));
            assertThat(model.height()).isEqualTo(1);
            assertThat(model.get("a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(TestBlocks.utf8("1")));
            assertThat(model.get("b")).hasValueSatisfying(v -> assertThat(v).isEqualTo(TestBlocks.utf8("2")));
            assertThat(model.lastWrite("a")).contains(new ReadModel.LastWrite(1, "t1"));
            assertThat(model.blockOf("t4")).contains(1L);
            assertThat(model.blockOf("t2")).as("an invalid transaction is in no block of the read model").isEmpty();
        }
    }

    @Test
    void aTransactionsEventIsHandedOnWithItsNameAndPayload() {
        final Blocks.Parsed genesis = parsed(new TestBlocks().block(0, new byte[0]));
        final Blocks.Parsed block = parsed(new TestBlocks()
                .tx("t1", TestBlocks.CHAINCODE, Map.of("a", Optional.of("1")), TxValidationCode.VALID, Optional.of("Written"))
                .tx("t2", "_lifecycle", Map.of(), TxValidationCode.VALID, Optional.of("Lifecycle"))
                .block(1, genesis.hash()));
        assertThat(block.transactions()).hasSize(2);
        assertThat(block.transactions().get(0).event()).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("Written");
            assertThat(e.payload()).isEqualTo(TestBlocks.utf8("{}"));
        });
        assertThat(block.transactions().get(1).event()).as("another chaincode's event is not ours").isEmpty();
    }

    @Test
    void aReadModelThatGaveBackItsCacheGoesOnApplyingAndAnswering() {
        try (ReadModel model = new ReadModel(dir)) {
            final Blocks.Parsed last = appliedTwoBlocks(model);
            assertThat(model.releaseWriterCache()).isTrue();
            model.apply(parsed(new TestBlocks().put("t3", "c", "3").block(2, last.hash())));
            assertThat(model.get("a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(TestBlocks.utf8("1")));
            assertThat(model.get("c")).hasValueSatisfying(v -> assertThat(v).isEqualTo(TestBlocks.utf8("3")));
            assertThat(model.height()).isEqualTo(2);
        }
    }

    @Test
    void aKeysHistoryIsNewestFirstAndADeleteIsAnEmptyChange() {
        try (ReadModel model = new ReadModel(dir)) {
            final Blocks.Parsed last = appliedTwoBlocks(model);
            model.apply(parsed(new TestBlocks().put("t3", "a", "3")
                    .tx("t4", TestBlocks.CHAINCODE, Map.of("b", Optional.empty()), TxValidationCode.VALID, Optional.empty())
                    .block(2, last.hash())));
            assertThat(model.history("a")).extracting(WorldState.Change::txId).containsExactly("t3", "t1");
            assertThat(model.history("b")).extracting(WorldState.Change::txId).containsExactly("t4", "t2");
            assertThat(model.history("b").get(0).value()).isEmpty();
            assertThat(model.get("b")).isEmpty();
        }
    }

    @Test
    void reopenedItGoesOnFromTheBlockAfterItsCheckpoint() {
        final Blocks.Parsed[] blocks = twoBlocks();
        try (ReadModel model = new ReadModel(dir)) {
            assertThat(model.getBlockNumber()).as("nothing read: the follower starts at block 0").isEmpty();
            model.apply(blocks[0]);
            model.apply(blocks[1]);
        }
        try (ReadModel model = new ReadModel(dir)) {
            assertThat(model.height()).isEqualTo(1);
            assertThat(model.getBlockNumber()).hasValue(2);
            model.apply(parsed(new TestBlocks().put("t3", "c", "3").block(2, blocks[1].hash())));
            assertThat(model.get("c")).isPresent();
        }
    }

    @Test
    void aGapAForeignPreviousHashOrTamperedDataIsRefusedAndWritesNothing() {
        try (ReadModel model = new ReadModel(dir)) {
            final Blocks.Parsed[] blocks = twoBlocks();
            model.apply(blocks[0]);
            assertThatThrownBy(() -> model.apply(parsed(new TestBlocks().put("t9", "z", "9").block(2, blocks[0].hash()))))
                    .isInstanceOf(ReadModel.ChainBroken.class).hasMessageContaining("block 2 arrived where block 1 was due");
            assertThatThrownBy(() -> model.apply(parsed(new TestBlocks().put("t9", "z", "9").block(1, new byte[32]))))
                    .isInstanceOf(ReadModel.ChainBroken.class).hasMessageContaining("previous block hash");
            final Block honest = new TestBlocks().put("t9", "z", "9").block(1, blocks[0].hash());
            final Block tampered = honest.toBuilder().setData(new TestBlocks().put("t9", "z", "forged").block(1, new byte[0])
                    .getData()).build();
            assertThatThrownBy(() -> model.apply(parsed(tampered)))
                    .isInstanceOf(ReadModel.ChainBroken.class).hasMessageContaining("do not match its data hash");
            assertThat(model.height()).isZero();
            assertThat(model.get("z")).isEmpty();
            model.apply(parsed(honest));
            assertThat(model.get("z")).isPresent();
        }
    }

    @Test
    void anItemsSearchIndexIsDerivedBesideItAndIsInNoHistoryAndNoAudit() {
        final String item = "\u0000item\u000009520123456788\u0000SN-1\u0000";
        final java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        final String value = com.serialtrust.chaincode.Json.text(new com.serialtrust.chaincode.Item("09520123456788", "SN-1",
                Optional.empty(), Optional.of("L1"), Optional.empty(), Optional.empty(), "BrandMSP", "k1", "d", at,
                com.serialtrust.chaincode.ItemStatus.REGISTERED, Optional.of("BrandMSP"), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1,
                new com.serialtrust.chaincode.LedgerEvent("REGISTERED", "t1", at, "BrandMSP", Optional.empty()), Optional.of("t1")));
        try (ReadModel model = new ReadModel(dir)) {
            final Blocks.Parsed genesis = parsed(new TestBlocks().block(0, new byte[0]));
            model.apply(genesis);
            model.apply(parsed(new TestBlocks().put("t1", item, value).block(1, genesis.hash())));
            final String bySerial = "\u0000serial\u0000SN-1\u0000";
            final var found = model.range(bySerial, bySerial + "\uffff", 10);
            assertThat(found.hasNext()).as("the serial index finds the item no transaction indexed").isTrue();
            assertThat(found.next().getKey()).isEqualTo(bySerial + "09520123456788\u0000");
            final String byLot = "\u0000lot\u000009520123456788\u0000L1\u0000";
            assertThat(model.range(byLot, byLot + "\uffff", 10).hasNext()).isTrue();
            assertThat(model.keysBetween("", null)).as("the audit compares what the peer holds: the item alone")
                    .extracting(Map.Entry::getKey).containsExactly(item);
            assertThat(model.history(bySerial + "09520123456788\u0000")).isEmpty();
        }
    }

    @Test
    void aQueryThatReadsPrivateDataIsMarkedForThePeer() {
        try (ReadModel model = new ReadModel(dir)) {
            final PublicView view = new PublicView(model);
            assertThat(view.get("a")).isEmpty();
            assertThat(view.askedForPrivateData()).isFalse();
            assertThat(view.getPrivate("ownerContact", "a")).isEmpty();
            assertThat(view.askedForPrivateData()).isTrue();
        }
    }

    @Test
    void aQuerysReadsAllSeeTheBlockItBeganAtWhateverIsAppliedMeanwhile() throws Exception {
        try (ReadModel model = new ReadModel(dir)) {
            final Blocks.Parsed last = appliedTwoBlocks(model);
            final String[] seen = model.snapshot(() -> {
                final String before = new String(model.get("a").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
                final Thread writer = new Thread(() -> model.apply(parsed(new TestBlocks().put("t3", "a", "changed")
                        .put("t4", "b", "changed").block(2, last.hash()))));
                writer.start();
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return new String[] {before, new String(model.get("a").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8),
                    new String(model.get("b").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8)};
            });
            assertThat(model.height()).as("the block was applied meanwhile").isEqualTo(2);
            assertThat(seen).containsExactly("1", "1", "2");
            assertThat(model.get("a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(TestBlocks.utf8("changed")));
        }
    }

    @Test
    void aValidTransactionThatDoesNotParseStopsTheReadModelRatherThanBeingSkipped() {
        final com.google.protobuf.ByteString truncated = com.google.protobuf.ByteString.copyFrom(new byte[] {0x0A, 0x05, 0x01});
        final Block block = new TestBlocks().block(1, new byte[32]).toBuilder()
                .setData(org.hyperledger.fabric.protos.common.BlockData.newBuilder().addData(truncated))
                .setMetadata(org.hyperledger.fabric.protos.common.BlockMetadata.newBuilder()
                        .addMetadata(com.google.protobuf.ByteString.EMPTY).addMetadata(com.google.protobuf.ByteString.EMPTY)
                        .addMetadata(com.google.protobuf.ByteString.copyFrom(new byte[] {0})))
                .build();
        assertThatThrownBy(() -> parsed(block)).isInstanceOf(ReadModel.ChainBroken.class)
                .hasMessageContaining("block 1: its valid transaction 0 does not parse");
    }
}
