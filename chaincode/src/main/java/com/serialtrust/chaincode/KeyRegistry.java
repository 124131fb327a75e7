package com.serialtrust.chaincode;

import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.InvalidKeyException;
import com.serialtrust.crypto.P256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Manufacturers' signing keys: register, rotate, revoke, declare compromised. */
final class KeyRegistry {

    /** The most keys an organisation may hold at once, so that signature checks stay bounded. */
    static final int MAX_ACTIVE_KEYS = 16;

    /** Parsed keys by id; a key id is the digest of its bytes, so an entry can never go stale. */
    private static final Map<String, P256.PublicKey> PARSED = new ConcurrentHashMap<>();

    private KeyRegistry() {}

    static ManufacturerKey register(final Tx tx, final String publicKeyText) {
        tx.require(Role.MANUFACTURER);
        final ManufacturerKey key = add(tx, publicKeyText);
        tx.emit("KeyRegistered", Map.of("keyId", key.keyId(), "mspId", key.mspId(), "txId", tx.txId()));
        return key;
    }

    static ManufacturerKey rotate(final Tx tx, final String oldKeyId, final String newPublicKeyText) {
        tx.require(Role.MANUFACTURER);
        final ManufacturerKey old = own(tx, oldKeyId);
        if (old.status() != ManufacturerKey.Status.ACTIVE) {
            throw ErrorCode.KEY_NOT_ACTIVE.failure("key " + old.keyId() + " is " + old.status());
        }
        tx.put(StateKeys.signingKey(tx, old.keyId()), old.retire(ManufacturerKey.Status.RETIRED, tx.now(), Optional.empty()));
        final ManufacturerKey next = add(tx, newPublicKeyText);
        tx.put(StateKeys.signingKey(tx, old.keyId()),
                old.retire(ManufacturerKey.Status.RETIRED, tx.now(), Optional.of(next.keyId())));
        tx.emit("KeyRotated", Map.of("keyId", next.keyId(), "replaces", old.keyId(), "mspId", tx.mspId(), "txId", tx.txId()));
        return next;
    }

    static ManufacturerKey revoke(final Tx tx, final String keyId) {
        tx.require(Role.MANUFACTURER);
        final ManufacturerKey key = own(tx, keyId);
        if (key.status() == ManufacturerKey.Status.REVOKED) {
            throw ErrorCode.KEY_NOT_ACTIVE.failure("key " + key.keyId() + " is already revoked");
        }
        final ManufacturerKey revoked = key.retire(ManufacturerKey.Status.REVOKED, tx.now(), key.replacedBy());
        tx.put(StateKeys.signingKey(tx, key.keyId()), revoked);
        tx.emit("KeyRevoked", Map.of("keyId", key.keyId(), "mspId", tx.mspId(), "txId", tx.txId()));
        return revoked;
    }

    static ManufacturerKey declareCompromised(final Tx tx, final String keyId, final String fromText) {
        tx.require(Role.MANUFACTURER);
        final ManufacturerKey key = own(tx, keyId);
        final Instant from = Arguments.instant("from", fromText);
        if (from.isAfter(tx.now())) {
            throw ErrorCode.INVALID_ARGUMENT.failure("a key cannot be declared compromised from a future time");
        }
        if (key.compromisedFrom().filter(existing -> !existing.isAfter(from)).isPresent()) {
            throw ErrorCode.KEY_NOT_ACTIVE.failure("key " + key.keyId() + " is already compromised from an earlier time");
        }
        final ManufacturerKey compromised = key.compromised(from, tx.now());
        tx.put(StateKeys.signingKey(tx, key.keyId()), compromised);
        tx.emit("KeyCompromised", Map.of("keyId", key.keyId(), "from", from.toString(), "mspId", tx.mspId(), "txId", tx.txId()));
        return compromised;
    }

    static ManufacturerKey get(final Tx tx, final String keyId) {
        return tx.get(StateKeys.signingKey(tx, keyId == null ? "" : keyId), ManufacturerKey.class)
                .orElseThrow(() -> ErrorCode.KEY_NOT_FOUND.failure("no key " + com.serialtrust.gs1.Text.quote(String.valueOf(keyId))));
    }

    static List<ManufacturerKey> ofOrganisation(final Tx tx, final String mspId) {
        final List<ManufacturerKey> keys = new ArrayList<>();
        for (String indexKey : tx.keysUnder(StateKeys.ORG_KEY, 1000, mspId)) {
            keys.add(get(tx, tx.attributes(indexKey).get(1)));
        }
        return keys;
    }

    static List<ManufacturerKey> activeOf(final Tx tx, final String mspId) {
        return ofOrganisation(tx, mspId).stream().filter(k -> k.status() == ManufacturerKey.Status.ACTIVE).toList();
    }

    /** The parsed public key, cached by id. */
    static P256.PublicKey publicKey(final ManufacturerKey key) {
        return PARSED.computeIfAbsent(key.keyId(), id -> P256.parsePublicKey(key.publicKey()));
    }

    private static ManufacturerKey add(final Tx tx, final String publicKeyText) {
        final P256.PublicKey parsed;
        try {
            parsed = P256.parsePublicKey(publicKeyText == null ? "" : publicKeyText);
        } catch (InvalidKeyException e) {
            throw ErrorCode.KEY_INVALID.failure(e.getMessage());
        }
        final String keyId = parsed.fingerprint();
        if (tx.exists(StateKeys.signingKey(tx, keyId))) {
            throw ErrorCode.KEY_EXISTS.failure("key " + keyId + " is already registered");
        }
        if (activeOf(tx, tx.mspId()).size() >= MAX_ACTIVE_KEYS) {
            throw ErrorCode.LIMIT_EXCEEDED.failure("an organisation may hold " + MAX_ACTIVE_KEYS + " active keys; revoke one first");
        }
        final ManufacturerKey key = new ManufacturerKey(keyId, tx.mspId(), Base64Url.encode(parsed.spki()),
                ManufacturerKey.Status.ACTIVE, tx.now(), Optional.empty(), Optional.empty(), Optional.empty());
        tx.put(StateKeys.signingKey(tx, keyId), key);
        tx.mark(tx.key(StateKeys.ORG_KEY, tx.mspId(), keyId));
        return key;
    }

    private static ManufacturerKey own(final Tx tx, final String keyId) {
        final ManufacturerKey key = get(tx, keyId);
        if (!key.mspId().equals(tx.mspId())) {
            throw ErrorCode.NOT_AUTHORISED.failure("key " + key.keyId() + " belongs to " + key.mspId());
        }
        return key;
    }
}
