package com.serialtrust.chaincode;

import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.InvalidKeyException;
import com.serialtrust.crypto.P256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Consumer ownership without personal data. The ledger holds a commitment: {@code sha256:<b64url>}
 * of a claim secret, or {@code p256:<hex>}, the fingerprint of a key pair made in the owner's
 * browser. The owner proves control through transient data, which never reaches the block: the
 * secret itself, or the public key and a signature over {@link #statement}.
 */
public final class OwnerProofs {

    /** Transient field: the claim secret. */
    public static final String SECRET = "ownerSecret";
    /** Transient field: the owner's public key (PEM or base64 DER SubjectPublicKeyInfo). */
    public static final String PUBLIC_KEY = "ownerPublicKey";
    /** Transient field: the owner's P1363 signature of the statement, base64url. */
    public static final String SIGNATURE = "ownerSignature";

    private static final Pattern SECRET_COMMITMENT = Pattern.compile("sha256:[A-Za-z0-9_-]{43}");
    private static final Pattern KEY_COMMITMENT = Pattern.compile("p256:[0-9a-f]{64}");
    private static final int MAX_SECRET = 256;

    private OwnerProofs() {}

    /** The commitment to a claim secret. */
    public static String commitSecret(final String secret) {
        return "sha256:" + Base64Url.encode(P256.sha256(secret.getBytes(StandardCharsets.UTF_8)));
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

    static String requireCommitment(final String name, final String value) {
        if (value == null || !SECRET_COMMITMENT.matcher(value).matches() && !KEY_COMMITMENT.matcher(value).matches()) {
            throw ErrorCode.COMMITMENT_INVALID.failure(name + " must be sha256:<43 base64url> or p256:<64 hex>");
        }
        return value;
    }

    /** Refuses unless the transient data proves control of the item's current owner commitment. */
    static void requireOwner(final Tx tx, final Item item, final String action, final String argument) {
        final String commitment = item.ownerCommitment()
                .orElseThrow(() -> ErrorCode.ILLEGAL_TRANSITION.failure(item.ref() + " has no consumer owner"));
        final boolean proven = commitment.startsWith("sha256:") ? secretMatches(tx, commitment) : keyProves(tx, item, commitment, action, argument);
        if (!proven) {
            throw ErrorCode.OWNER_PROOF_INVALID.failure("the owner's proof for " + item.ref() + " is missing or wrong");
        }
    }

    private static boolean secretMatches(final Tx tx, final String commitment) {
        return tx.transientValue(SECRET)
                .filter(secret -> secret.length <= MAX_SECRET)
                .map(secret -> MessageDigest.isEqual(
                        commitSecret(new String(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII),
                        commitment.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
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
