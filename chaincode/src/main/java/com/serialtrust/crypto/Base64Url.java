package com.serialtrust.crypto;

import java.util.Base64;
import java.util.Optional;

/** Base64url without padding, the encoding of signatures in SerialTrust QR codes. */
public final class Base64Url {

    private Base64Url() {}

    public static String encode(final byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The decoded bytes, or empty if the text is not unpadded base64url. */
    public static Optional<byte[]> decode(final String text) {
        if (text.indexOf('=') >= 0 || text.indexOf('+') >= 0 || text.indexOf('/') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
