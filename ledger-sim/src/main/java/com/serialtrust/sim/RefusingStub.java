package com.serialtrust.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import java.util.List;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * What every simulated proposal answers alike: the refusals of a LevelDB peer (rich queries), what a
 * simulation has not got (a signed proposal, chaincode-to-chaincode calls, key-level endorsement
 * policies), and the composite-key conveniences that reduce to one range query.
 */
abstract class RefusingStub implements ChaincodeStub {

    @Override
    public Response invokeChaincode(final String chaincodeName, final List<byte[]> args, final String channel) {
        throw new UnsupportedOperationException("chaincode-to-chaincode calls are not simulated");
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        return new byte[0];
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        throw new UnsupportedOperationException("key-level endorsement is not simulated");
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw new UnsupportedOperationException("rich queries need CouchDB; SerialTrust uses composite keys");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            final String query, final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException("rich queries need CouchDB; SerialTrust uses composite keys");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        return new byte[0];
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException("key-level endorsement is not simulated");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw new UnsupportedOperationException("rich queries need CouchDB; SerialTrust uses composite keys");
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw new UnsupportedOperationException("a simulated proposal is not signed");
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String objectType, final String... attributes) {
        return getStateByPartialCompositeKey(partialKey(objectType, attributes));
    }

    /**
     * The partial key Fabric's {@link CompositeKey} makes, without the regular expression it compiles to
     * check each segment (3 % of a verification's time on the ledger threads, for two range reads): a segment that
     * holds U+0000 or U+10FFFF is left to {@code CompositeKey}, which refuses it as a peer does.
     */
    static String partialKey(final String objectType, final String... attributes) {
        final StringBuilder key = new StringBuilder(64).append(CompositeKey.NAMESPACE);
        for (int i = -1; i < attributes.length; i++) {
            final String segment = i < 0 ? objectType : attributes[i];
            if (segment == null || segment.indexOf('\u0000') >= 0 || segment.contains(MAX_RUNE)) {
                return new CompositeKey(objectType, attributes).toString();
            }
            key.append(segment).append(CompositeKey.NAMESPACE);
        }
        return key.toString();
    }

    private static final String MAX_RUNE = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        return getStateByPartialCompositeKey(compositeKey.toString());
    }
}
