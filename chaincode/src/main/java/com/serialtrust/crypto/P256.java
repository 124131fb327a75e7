package com.serialtrust.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * ECDSA over NIST P-256 with SHA-256, signatures in the 64-byte IEEE P1363 form (r‖s) that
 * WebCrypto produces. Verification uses Bouncy Castle's lightweight API, which is an order of
 * magnitude faster than the JDK's provider on the registration hot path.
 */
public final class P256 {

    /** The length of a P1363 signature: two 32-byte big-endian integers. */
    public static final int SIGNATURE_LENGTH = 64;

    /** The largest encoded public key we parse; a P-256 SPKI is 91 bytes. */
    public static final int MAX_KEY_LENGTH = 1024;

    private static final X9ECParameters CURVE = ECNamedCurveTable.getByName("secp256r1");

    private P256() {}

    /** A parsed public key together with its DER SubjectPublicKeyInfo encoding. */
    public record PublicKey(ECPublicKeyParameters parameters, byte[] spki) {

        public PublicKey {
            Objects.requireNonNull(parameters, "parameters");
            spki = spki.clone();
        }

        @Override
        public byte[] spki() {
            return spki.clone();
        }

        /** The key's id: the hex SHA-256 of its DER SubjectPublicKeyInfo, as {@code openssl pkey -pubin -outform DER | sha256sum} prints it. */
        public String fingerprint() {
            return HexFormat.of().formatHex(sha256(spki));
        }
    }

    /**
     * Parses a public key given as PEM ({@code -----BEGIN PUBLIC KEY-----}) or as the base64 or
     * base64url of its DER SubjectPublicKeyInfo.
     *
     * @throws InvalidKeyException if it is not an EC key on P-256
     */
    public static PublicKey parsePublicKey(final String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_KEY_LENGTH * 2) {
            throw new InvalidKeyException("public key text is too long");
        }
        final String body = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        final byte[] der;
        try {
            der = Base64.getDecoder().decode(body.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("public key is not base64 or PEM");
        }
        return parsePublicKey(der);
    }

    /** Parses a DER SubjectPublicKeyInfo. */
    public static PublicKey parsePublicKey(final byte[] spki) {
        Objects.requireNonNull(spki, "spki");
        if (spki.length == 0 || spki.length > MAX_KEY_LENGTH) {
            throw new InvalidKeyException("public key has an impossible length");
        }
        final AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(spki));
        } catch (Exception e) { // BC reports malformed ASN.1 through several unchecked types
            throw new InvalidKeyException("public key is not a DER SubjectPublicKeyInfo");
        }
        if (!(key instanceof ECPublicKeyParameters ec)
                || !ec.getParameters().getCurve().equals(CURVE.getCurve())
                || !ec.getParameters().getG().equals(CURVE.getG())) {
            throw new InvalidKeyException("public key is not an EC key on P-256");
        }
        return new PublicKey(ec, spki);
    }

    /**
     * Verifies a P1363 signature of the UTF-8 message. Malformed signatures (wrong length, r or s
     * out of range) are reported as not valid rather than thrown.
     */
    public static boolean verify(final PublicKey key, final String message, final byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        final BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        final BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        final BigInteger n = CURVE.getN();
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        final ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key.parameters());
        return verifier.verifySignature(sha256(message.getBytes(StandardCharsets.UTF_8)), r, s);
    }

    /**
     * The low-S twin of a P1363 signature: (r, n-s) where s is above n/2, else the signature as it is.
     * (r, s) and (r, n-s) verify alike, so signatures are compared in this form.
     */
    public static byte[] lowS(final byte[] signature) {
        Objects.requireNonNull(signature, "signature");
        if (signature.length != SIGNATURE_LENGTH) {
            return signature.clone();
        }
        final BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        final BigInteger n = CURVE.getN();
        if (s.compareTo(n.shiftRight(1)) <= 0) {
            return signature.clone();
        }
        final byte[] out = signature.clone();
        final byte[] twin = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s));
        System.arraycopy(twin, 0, out, 32, 32);
        return out;
    }

    /** SHA-256 of the bytes. */
    public static byte[] sha256(final byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
