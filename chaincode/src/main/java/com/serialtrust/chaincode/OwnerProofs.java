package com.serialtrust.chaincode;

import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.InvalidKeyException;
import com.serialtrust.crypto.P256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Consumer ownership without personal data. The ledger holds a commitment: to a secret,
 * {@code scrypt:<salt>:<hash>} (scrypt with N=16384, r=8, p=1 over the UTF-8 secret and a fresh random
 * 16-byte salt, both base64url: slow to guess, and never the same twice, so that one owner's items
 * cannot be linked), or {@code p256:<hex>}, the fingerprint of a key pair made in the owner's browser.
 * The owner proves control through transient data, which never reaches the block: the secret itself,
 * or the public key and a signature over {@link #statement}. Unsalted {@code sha256:} commitments
 * written before scrypt still prove, but no new one is accepted.
 */
public final class OwnerProofs {

    /** Transient field: the claim secret. */
    public static final String SECRET = "ownerSecret";
    /** Transient field: the owner's public key (PEM or base64 DER SubjectPublicKeyInfo). */
    public static final String PUBLIC_KEY = "ownerPublicKey";
    /** Transient field: the owner's P1363 signature of the statement, base64url. */
    public static final String SIGNATURE = "ownerSignature";

    private static final Pattern LEGACY_COMMITMENT = Pattern.compile("sha256:[A-Za-z0-9_-]{43}");
    private static final Pattern SECRET_COMMITMENT = Pattern.compile("scrypt:([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]{43})");
    private static final int SCRYPT_N = 16384;
    private static final int SCRYPT_R = 8;
    private static final int SCRYPT_P = 1;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final Pattern KEY_COMMITMENT = Pattern.compile("p256:[0-9a-f]{64}");
    private static final int MAX_SECRET = 256;

    private OwnerProofs() {}

    /** A new commitment to a claim secret, with a fresh random salt. */
    public static String commitSecret(final String secret) {
        final byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "scrypt:" + Base64Url.encode(salt) + ":" + Base64Url.encode(scrypt(secret, salt));
    }

    private static byte[] scrypt(final String secret, final byte[] salt) {
        return org.bouncycastle.crypto.generators.SCrypt.generate(secret.getBytes(StandardCharsets.UTF_8), salt,
                SCRYPT_N, SCRYPT_R, SCRYPT_P, 32);
    }

    /** The commitment to an owner's key pair. */
    public static String commitKey(final P256.PublicKey key) {
        return "p256:" + key.fingerprint();
    }

    /**
     * What an owner's key signs to act on an item: the action, the item, the item's current revision
     * (so that a proof cannot be replayed) and the action's argument (for example the next
     * commitment), one per line.
     */
    public static String statement(final String action, final ItemRef item, final long revision, final String argument) {
        return "SerialTrust owner proof v1\n" + action + "\n" + item + "\n" + revision + "\n" + argument;
    }

    /**
     * What a key owner's proof signs (as the argument of {@link #statement}) to leave contact details:
     * the base64url SHA-256 of the details' canonical JSON (keys sorted, no white space) without their salt.
     */
    public static String contactDigest(final java.util.Map<String, Object> details) {
        final java.util.Map<String, Object> unsalted = new java.util.TreeMap<>(details);
        unsalted.remove("salt");
        return Base64Url.encode(P256.sha256(Json.bytes(unsalted)));
    }

    static String requireCommitment(final String name, final String value) {
        if (value == null || !SECRET_COMMITMENT.matcher(value).matches() && !KEY_COMMITMENT.matcher(value).matches()) {
            throw ErrorCode.COMMITMENT_INVALID.failure(name + " must be scrypt:<22 base64url salt>:<43 base64url hash>"
                    + " or p256:<64 hex>");
        }
        return value;
    }

    /** Refuses unless the transient data proves control of the item's current owner commitment. */
    static void requireOwner(final Tx tx, final Item item, final String action, final String argument) {
        final String commitment = item.ownerCommitment()
                .orElseThrow(() -> ErrorCode.ILLEGAL_TRANSITION.failure(item.ref() + " has no consumer owner"));
        final boolean proven = commitment.startsWith("p256:") ? keyProves(tx, item, commitment, action, argument)
                : secretMatches(tx, commitment);
        if (!proven) {
            throw ErrorCode.OWNER_PROOF_INVALID.failure("the owner's proof for " + item.ref() + " is missing or wrong");
        }
    }

    private static boolean secretMatches(final Tx tx, final String commitment) {
        return tx.transientValue(SECRET)
                .filter(secret -> secret.length <= MAX_SECRET)
                .map(secret -> matches(new String(secret, StandardCharsets.UTF_8), commitment))
                .orElse(false);
    }

    /** Whether a secret opens a commitment: scrypt with the commitment's salt, or a legacy unsalted SHA-256. */
    public static boolean matches(final String secret, final String commitment) {
        final java.util.regex.Matcher scrypt = SECRET_COMMITMENT.matcher(commitment);
        if (scrypt.matches()) {
            final byte[] salt = Base64Url.decode(scrypt.group(1)).orElseThrow();
            return MessageDigest.isEqual(scrypt(secret, salt), Base64Url.decode(scrypt.group(2)).orElseThrow());
        }
        return LEGACY_COMMITMENT.matcher(commitment).matches() && MessageDigest.isEqual(
                ("sha256:" + Base64Url.encode(P256.sha256(secret.getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.US_ASCII),
                commitment.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean keyProves(final Tx tx, final Item item, final String commitment, final String action,
            final String argument) {
        final var keyBytes = tx.transientValue(PUBLIC_KEY);
        final var signatureBytes = tx.transientValue(SIGNATURE);
        if (keyBytes.isEmpty() || signatureBytes.isEmpty()) {
            return false;
        }
        try {
            final P256.PublicKey key = P256.parsePublicKey(new String(keyBytes.get(), StandardCharsets.US_ASCII));
            if (!commitKey(key).equals(commitment)) {
                return false;
            }
            return Base64Url.decode(new String(signatureBytes.get(), StandardCharsets.US_ASCII))
                    .map(sig -> P256.verify(key, statement(action, item.ref(), item.revision(), argument), sig))
                    .orElse(false);
        } catch (InvalidKeyException e) {
            return false;
        }
    }
}
