package com.serialtrust.chaincode;

import com.serialtrust.crypto.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

/** A manufacturer's signing key in a test, signing as WebCrypto does: P1363 r||s, base64url. */
record BrandKey(KeyPair pair) {

    static BrandKey generate() {
        return new BrandKey(Identities.keyPair());
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    String sign(final String message) {
        try {
            final Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(pair.getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64Url.encode(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
