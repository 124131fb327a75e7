package com.serialtrust.api.registry;

import com.serialtrust.api.crypto.P256Signer;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.crypto.P256;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The label-signing keys a manufacturer's api holds for its own organisation, so that staff can
 * register items without a signing tool of their own. Signatures are deterministic (RFC 6979),
 * ECDSA P-256 over SHA-256, r‖s, base64url: what the chaincode and WebCrypto verify.
 */
public final class SigningKeys {

    private final Map<String, P256Signer> byMsp = new ConcurrentHashMap<>();
    private final Map<String, String> keyIds = new ConcurrentHashMap<>();

    /** Holds {@code key} for signing on behalf of {@code org}. */
    public void put(final Organisation org, final ECPrivateKey key) {
        final P256Signer signer = new P256Signer(key);
        keyIds.put(org.mspId(), P256.parsePublicKey(signer.publicKeyInfo()).fingerprint());
        byMsp.put(org.mspId(), signer);
    }

    /**
     * The ledger's id of the key that signs for {@code org} (the SHA-256 of its public key), if the api
     * holds one: a row it signs names it, so that the contract checks that key alone rather than each of
     * the brand's active keys in turn.
     */
    public Optional<String> keyId(final Organisation org) {
        return Optional.ofNullable(keyIds.get(org.mspId()));
    }

    public boolean has(final Organisation org) {
        return byMsp.containsKey(org.mspId());
    }

    /** The signature of an element string by {@code org}'s key, if the api holds one. */
    public Optional<String> sign(final Organisation org, final String elementString) {
        final P256Signer signer = byMsp.get(org.mspId());
        if (signer == null) {
            return Optional.empty();
        }
        final byte[] hash = P256.sha256(elementString.getBytes(StandardCharsets.UTF_8));
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(signer.signP1363(hash)));
    }
}
