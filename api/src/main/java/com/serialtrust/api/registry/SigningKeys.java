package com.serialtrust.api.registry;

import com.serialtrust.api.crypto.P256Signer;
import com.serialtrust.api.ledger.Organisation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /** Holds {@code key} for signing on behalf of {@code org}. */
    public void put(final Organisation org, final ECPrivateKey key) {
        byMsp.put(org.mspId(), new P256Signer(key));
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
        final byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(elementString.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(signer.signP1363(hash)));
    }
}
