package com.serialtrust.chaincode;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * A transaction's context whose caller is read from a certificate in its binary form (DER). Fabric's
 * own context reads the caller's PEM certificate on every transaction, and the JDK reads PEM a
 * character at a time: a seventh of a query's CPU on the read model. Each distinct caller's PEM is
 * decoded once here; the JDK keeps the certificates it has parsed by their DER bytes. The context's
 * stub is the transaction's own, so {@code getCreator()} still gives what the peer gave.
 */
final class Callers {

    /** Distinct callers kept (a consortium's members' clients); past it the memory starts again. */
    static final int KEPT = 1_000;

    /** A caller's serialized identity, as the peer gives it, to a stub that gives the same with a DER certificate. */
    private static final Map<ByteBuffer, ChaincodeStub> DER_VIEWS = new ConcurrentHashMap<>();

    private Callers() {}

    /** The context of a transaction on {@code stub}: the same caller, identity and stub as Fabric's own context. */
    static Context context(final ChaincodeStub stub) {
        final byte[] creator = stub.getCreator();
        final ByteBuffer key = ByteBuffer.wrap(creator);
        ChaincodeStub view = DER_VIEWS.get(key);
        if (view == null) {
            final byte[] der = derCreator(creator);
            if (der == null) {
                // not a certificate this can read: Fabric's own context says why, as it always has
                return new Context(stub);
            }
            if (DER_VIEWS.size() >= KEPT) {
                DER_VIEWS.clear();
            }
            view = creatorOnly(der);
            DER_VIEWS.put(key, view);
        }
        return new CallerContext(stub, view);
    }

    /** The serialized identity with its PEM certificate as DER; null if it is not an identity with a certificate. */
    static byte[] derCreator(final byte[] creator) {
        try {
            final SerializedIdentity identity = SerializedIdentity.parseFrom(creator);
            final byte[] der = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(identity.getIdBytes().toByteArray())).getEncoded();
            return identity.toBuilder().setIdBytes(ByteString.copyFrom(der)).build().toByteArray();
        } catch (InvalidProtocolBufferException | CertificateException | RuntimeException e) {
            return null;
        }
    }

    /** A stub that answers {@code getCreator()} only: all that Fabric's client identity asks of it. */
    private static ChaincodeStub creatorOnly(final byte[] creator) {
        return (ChaincodeStub) Proxy.newProxyInstance(Callers.class.getClassLoader(), new Class<?>[] {ChaincodeStub.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCreator" -> creator.clone();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "the caller of a transaction";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Fabric's context with the caller read from the DER view, and the transaction's own stub. */
    private static final class CallerContext extends Context {

        CallerContext(final ChaincodeStub stub, final ChaincodeStub derView) {
            super(derView);
            this.stub = stub;
        }
    }
}
