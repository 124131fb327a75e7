package com.serialtrust.api.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.serialtrust.sim.WorldState;
import com.serialtrust.sim.WriteSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What the read model takes from a committed block: the header's hashes, recomputed as Fabric
 * computes them, and, of the transactions the peer marked valid, each one's public writes to one
 * chaincode and its chaincode event. Invalid transactions, configuration transactions and other
 * chaincodes' writes (the lifecycle's) are left out; private data is only hashes on a block.
 */
final class Blocks {

    private Blocks() {}

    /** A block as the read model applies it. */
    record Parsed(long number, byte[] previousHash, byte[] dataHash, boolean dataIntact, List<Tx> transactions) {

        /** The hash the next block must name as its previous one. */
        byte[] hash() {
            return headerHash(number, previousHash, dataHash);
        }
    }

    /**
     * A valid transaction's writes to the chaincode (an empty value is a delete) and its event, each a
     * copy: nothing of it refers to the block's bytes, which can go before the block is applied.
     */
    record Tx(String txId, int index, Instant timestamp, SortedMap<String, Optional<byte[]>> writes,
            Optional<WriteSet.Event> event) {}

    /** Reads a block delivered by the peer, keeping what concerns {@code chaincode}. */
    static Parsed parse(final Block block, final String chaincode) {
        final BlockHeader header = block.getHeader();
        final List<ByteString> data = block.getData().getDataList();
        final byte[] dataHash = dataHash(data);
        final ByteString filter = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) : ByteString.EMPTY;
        final List<Tx> transactions = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            // a block without a filter is one the peer has not validated: nothing in it counts
            if (i < filter.size() && filter.byteAt(i) == TxValidationCode.VALID_VALUE) {
                transaction(header.getNumber(), data.get(i), i, chaincode).ifPresent(transactions::add);
            }
        }
        return new Parsed(header.getNumber(), header.getPreviousHash().toByteArray(), header.getDataHash().toByteArray(),
                java.util.Arrays.equals(dataHash, header.getDataHash().toByteArray()), List.copyOf(transactions));
    }

    private static Optional<Tx> transaction(final long block, final ByteString envelope, final int index, final String chaincode) {
        try {
            final Payload payload = Payload.parseFrom(aliased(Envelope.parseFrom(aliased(envelope)).getPayload()));
            final ChannelHeader channelHeader = ChannelHeader.parseFrom(aliased(payload.getHeader().getChannelHeader()));
            if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                return Optional.empty();
            }
            final SortedMap<String, Optional<byte[]>> writes = new TreeMap<>();
            WriteSet.Event event = null;
            for (TransactionAction action : Transaction.parseFrom(aliased(payload.getData())).getActionsList()) {
                final ChaincodeAction result = ChaincodeAction.parseFrom(aliased(ProposalResponsePayload.parseFrom(aliased(
                        ChaincodeActionPayload.parseFrom(aliased(action.getPayload())).getAction().getProposalResponsePayload()))
                        .getExtension()));
                for (NsReadWriteSet ns : TxReadWriteSet.parseFrom(aliased(result.getResults())).getNsRwsetList()) {
                    if (ns.getNamespace().equals(chaincode)) {
                        for (KVWrite write : KVRWSet.parseFrom(aliased(ns.getRwset())).getWritesList()) {
                            writes.put(write.getKey(), write.getIsDelete() ? Optional.empty()
                                    : Optional.of(write.getValue().toByteArray()));
                        }
                    }
                }
                if (!result.getEvents().isEmpty()) {
                    final ChaincodeEvent e = ChaincodeEvent.parseFrom(aliased(result.getEvents()));
                    if (e.getChaincodeId().equals(chaincode)) {
                        event = new WriteSet.Event(e.getEventName(), e.getPayload().toByteArray());
                    }
                }
            }
            final var ts = channelHeader.getTimestamp();
            return Optional.of(new Tx(channelHeader.getTxId(), index, Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos()),
                    writes, Optional.ofNullable(event)));
        } catch (IOException e) {
            // the peer validated it, so it parsed there: a block the read model cannot read is not one
            // to skip, nor one to ask for again and again
            throw new ReadModel.ChainBroken("block " + block + ": its valid transaction " + index + " does not parse ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * A message nested in {@code bytes}, read with its own byte fields as views of {@code bytes}: a
     * transaction's writes sit seven messages deep, and each level read as a copy made a block of a
     * thousand registered serials into megabytes of arrays that outlived young collections. What a
     * {@link Tx} keeps is copied out, so that no view outlives the parse.
     */
    private static CodedInputStream aliased(final ByteString bytes) {
        final CodedInputStream in = bytes.newCodedInput();
        in.enableAliasing(true);
        return in;
    }

    /** Fabric's data hash: SHA-256 of the block's envelopes, concatenated (hashed in turn, not copied together). */
    static byte[] dataHash(final List<ByteString> data) {
        final MessageDigest sha = WorldState.newSha256();
        for (ByteString envelope : data) {
            for (ByteBuffer part : envelope.asReadOnlyByteBufferList()) {
                sha.update(part);
            }
        }
        return sha.digest();
    }

    /** Fabric's block hash: SHA-256 of the DER sequence (number, previous hash, data hash). */
    static byte[] headerHash(final long number, final byte[] previousHash, final byte[] dataHash) {
        try {
            return WorldState.sha256(new DERSequence(new ASN1Encodable[] {new ASN1Integer(number),
                    new DEROctetString(previousHash), new DEROctetString(dataHash)}).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
