package com.serialtrust.contract;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What each organisation gives its own chaincode server rather than a transaction argument: the
 * consortium's first authority. The endorsement policy needs peers of several organisations, so a
 * bootstrap is endorsed only where those organisations configured the same authority, and nobody can
 * seize the role by calling first. A chaincode server reads its environment; a peer run in-process (the
 * embedded ledger, the tests) wraps the contract router with settings of its own, so two such peers in
 * one process never share them.
 *
 * <p>{@code searchIndex} says whether the world state under the contract keeps the derived search index
 * ({@link com.serialtrust.chaincode.DerivedIndex}): a peer does not, so its chaincode server refuses
 * searches; an api's read model and the embedded ledger do.
 */
public record ChaincodeSettings(Optional<String> authorityMspId, boolean searchIndex) {

    /** The chaincode server's environment variable that names the first authority. */
    public static final String AUTHORITY_ENV = "SERIALTRUST_AUTHORITY_MSPID";

    /** The settings of the invocation running on this thread, where an in-process peer bound some. */
    private static final ThreadLocal<ChaincodeSettings> BOUND = new ThreadLocal<>();

    public ChaincodeSettings {
        authorityMspId = Objects.requireNonNull(authorityMspId, "authorityMspId").map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    public static ChaincodeSettings authority(final String mspId) {
        return new ChaincodeSettings(Optional.of(Objects.requireNonNull(mspId, "mspId")), false);
    }

    /** These settings, over a world state that keeps the derived search index. */
    public ChaincodeSettings withSearchIndex() {
        return new ChaincodeSettings(authorityMspId, true);
    }

    /** As a chaincode server is configured: by its process environment. */
    public static ChaincodeSettings fromEnvironment() {
        return new ChaincodeSettings(Optional.ofNullable(System.getenv(AUTHORITY_ENV)), false);
    }

    /** The settings the running transaction sees: its in-process peer's, else the server's environment. */
    public static ChaincodeSettings current() {
        final ChaincodeSettings bound = BOUND.get();
        return bound != null ? bound : fromEnvironment();
    }

    /** The chaincode, run with these settings: Fabric's router invokes the contract on the calling thread. */
    public Chaincode around(final Chaincode chaincode) {
        Objects.requireNonNull(chaincode, "chaincode");
        return new Chaincode() {
            @Override
            public Response init(final ChaincodeStub stub) {
                return bound(() -> chaincode.init(stub));
            }

            @Override
            public Response invoke(final ChaincodeStub stub) {
                return bound(() -> chaincode.invoke(stub));
            }
        };
    }

    private Chaincode.Response bound(final Supplier<Chaincode.Response> call) {
        final ChaincodeSettings outer = BOUND.get();
        BOUND.set(this);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                BOUND.remove();
            } else {
                BOUND.set(outer);
            }
        }
    }
}
