package com.serialtrust.api.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Blocks shaped as a Fabric peer delivers them, built from protobuf, for the read model's tests. */
final class TestBlocks {

    static final String CHAINCODE = "serialtrust";

    private final List<Envelope> envelopes = new ArrayList<>();
    private final List<TxValidationCode> codes = new ArrayList<>();

    /** A transaction of {@code namespace} writing {@code writes} (an empty value deletes), marked {@code code}. */
    TestBlocks tx(final String txId, final String namespace, final Map<String, Optional<String>> writes,
            final TxValidationCode code, final Optional<String> event) {
        final KVRWSet.Builder kv = KVRWSet.newBuilder();
        writes.forEach((key, value) -> kv.addWrites(KVWrite.newBuilder().setKey(key).setIsDelete(value.isEmpty())
                .setValue(ByteString.copyFromUtf8(value.orElse("")))));
        final ChaincodeAction.Builder action = ChaincodeAction.newBuilder().setResults(TxReadWriteSet.newBuilder()
                .addNsRwset(NsReadWriteSet.newBuilder().setNamespace(namespace).setRwset(kv.build().toByteString()))
                .build().toByteString());
        event.ifPresent(name -> action.setEvents(ChaincodeEvent.newBuilder().setChaincodeId(namespace).setTxId(txId)
                .setEventName(name).setPayload(ByteString.copyFromUtf8("{}")).build().toByteString()));
        final Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setPayload(ChaincodeActionPayload.newBuilder().setAction(ChaincodeEndorsedAction.newBuilder()
                        .setProposalResponsePayload(ProposalResponsePayload.newBuilder().setExtension(action.build().toByteString())
                                .build().toByteString())).build().toByteString())).build();
        final Instant at = Instant.parse("2026-11-30T10:00:00Z").plusSeconds(envelopes.size());
        final ChannelHeader header = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE).setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build();
        envelopes.add(Envelope.newBuilder().setPayload(Payload.newBuilder().setHeader(Header.newBuilder()
                .setChannelHeader(header.toByteString())).setData(transaction.toByteString()).build().toByteString()).build());
        codes.add(code);
        return this;
    }

    /** A valid transaction of the chaincode that writes {@code key = value}. */
    TestBlocks put(final String txId, final String key, final String value) {
        return tx(txId, CHAINCODE, Map.of(key, Optional.of(value)), TxValidationCode.VALID, Optional.empty());
    }

    /** The block of the transactions added, numbered {@code number}, after a block whose hash is {@code previous}. */
    Block block(final long number, final byte[] previous) {
        final BlockData.Builder data = BlockData.newBuilder();
        envelopes.forEach(e -> data.addData(e.toByteString()));
        final byte[] filter = new byte[codes.size()];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = (byte) codes.get(i).getNumber();
        }
        final BlockData built = data.build();
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number).setPreviousHash(ByteString.copyFrom(previous))
                        .setDataHash(ByteString.copyFrom(Blocks.dataHash(built.getDataList()))))
                .setData(built)
                // signatures, last config, the transactions filter, as a peer's block metadata has them
                .setMetadata(BlockMetadata.newBuilder().addMetadata(ByteString.EMPTY).addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.copyFrom(filter)))
                .build();
    }

    static byte[] utf8(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
