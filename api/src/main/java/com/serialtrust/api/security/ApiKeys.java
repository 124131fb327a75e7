package com.serialtrust.api.security;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.Organisation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys the api accepts, held as SHA-256 hashes: a stolen configuration or database reveals no
 * key. A key is 32 random bytes, base64url, prefixed {@code st_}.
 */
public final class ApiKeys {

    private final Map<String, Holder> byHash = new ConcurrentHashMap<>();
    private final LedgerProperties ledger;

    /** Who holds a key: a name (for logs; never the key) and the organisation they act for. */
    public record Holder(String name, Organisation organisation) {}

    public ApiKeys(final SecurityProperties properties, final LedgerProperties ledger) {
        this.ledger = ledger;
        properties.apiKeys().forEach(key -> add(key.sha256(), key.name(), key.organisation()));
    }

    /** Accepts a key by its hash, for an organisation the ledger settings know. */
    public void add(final String sha256Hex, final String name, final String organisation) {
        final Organisation org = ledger.organisation(organisation).orElseThrow(() -> new IllegalStateException(
                "API key '" + name + "' is for unknown organisation '" + organisation + "'"));
        byHash.put(sha256Hex.toLowerCase(java.util.Locale.ROOT), new Holder(name, org));
    }

    /** The holder of a presented key, compared by hash. */
    public Optional<Holder> holder(final String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(presentedKey)));
    }

    /** A new random key; only its hash should ever be stored. */
    public static String generate() {
        final byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "st_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(final String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
