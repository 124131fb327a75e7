package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Organisation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * The label-signing keys a manufacturer's api holds for its own organisation, so that staff can
 * register items without a signing tool of their own. Signatures are deterministic (RFC 6979),
 * ECDSA P-256 over SHA-256, r‖s, base64url: what the chaincode and WebCrypto verify.
 */
public final class SigningKeys {

    /**
     * Bouncy Castle's P-256 with its dedicated field arithmetic: signing is several times faster than
     * on the generic curve of {@code ECNamedCurveTable}, which was most of a registration's CPU.
     */
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());

    private final Map<String, ECPrivateKeyParameters> byMsp = new ConcurrentHashMap<>();

    /** Holds {@code key} for signing on behalf of {@code org}. */
    public void put(final Organisation org, final ECPrivateKey key) {
        byMsp.put(org.mspId(), new ECPrivateKeyParameters(key.getS(), DOMAIN));
    }

    public boolean has(final Organisation org) {
        return byMsp.containsKey(org.mspId());
    }

    /** The signature of an element string by {@code org}'s key, if the api holds one. */
    public Optional<String> sign(final Organisation org, final String elementString) {
        final ECPrivateKeyParameters key = byMsp.get(org.mspId());
        if (key == null) {
            return Optional.empty();
        }
        final SHA256Digest digest = new SHA256Digest();
        final byte[] message = elementString.getBytes(StandardCharsets.UTF_8);
        digest.update(message, 0, message.length);
        final byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        final ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        final BigInteger[] rs = signer.generateSignature(hash);
        final byte[] out = new byte[64];
        copy(rs[0], out, 0);
        copy(rs[1], out, 32);
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(out));
    }

    private static void copy(final BigInteger value, final byte[] out, final int offset) {
        final byte[] bytes = value.toByteArray();
        final int from = Math.max(0, bytes.length - 32);
        final int length = bytes.length - from;
        System.arraycopy(bytes, from, out, offset + 32 - length, length);
    }
}
