package com.serialtrust.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class P256Test {

    private static final String MESSAGE = "(01)09520123456788(21)12345";

    @Test
    void verifiesAP1363SignatureMadeByTheJdkLikeWebCrypto() throws Exception {
        final KeyPair pair = pair("secp256r1");
        final P256.PublicKey key = P256.parsePublicKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertThat(P256.verify(key, MESSAGE, sign(pair, MESSAGE))).isTrue();
    }

    @Test
    void refusesAnotherMessageAnotherKeyAndMalformedSignatures() throws Exception {
        final KeyPair pair = pair("secp256r1");
        final P256.PublicKey key = P256.parsePublicKey(pair.getPublic().getEncoded());
        final byte[] signature = sign(pair, MESSAGE);
        assertThat(P256.verify(key, MESSAGE + "0", signature)).isFalse();
        assertThat(P256.verify(P256.parsePublicKey(pair("secp256r1").getPublic().getEncoded()), MESSAGE, signature)).isFalse();
        assertThat(P256.verify(key, MESSAGE, new byte[64])).isFalse();
        assertThat(P256.verify(key, MESSAGE, new byte[63])).isFalse();
        final byte[] overflow = new byte[64];
        java.util.Arrays.fill(overflow, (byte) 0xff);
        assertThat(P256.verify(key, MESSAGE, overflow)).isFalse();
    }

    @Test
    void acceptsPemAndBase64UrlAndRefusesOtherCurvesAndGarbage() throws Exception {
        final KeyPair pair = pair("secp256r1");
        final byte[] der = pair.getPublic().getEncoded();
        final String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        assertThat(P256.parsePublicKey(pem).fingerprint()).isEqualTo(P256.parsePublicKey(Base64Url.encode(der)).fingerprint());
        assertThatThrownBy(() -> P256.parsePublicKey(pair("secp384r1").getPublic().getEncoded())).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> P256.parsePublicKey("bm90IGEga2V5")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> P256.parsePublicKey("%%%")).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void base64UrlIsUnpadded() {
        assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
        assertThat(Base64Url.decode("-_8")).hasValueSatisfying(b -> assertThat(b).containsExactly(0xfb, 0xff));
        assertThat(Base64Url.decode("-_8=")).isEmpty();
        assertThat(Base64Url.decode("+/8")).isEmpty();
    }

    private static KeyPair pair(final String curve) throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static byte[] sign(final KeyPair pair, final String message) throws Exception {
        final Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        return signer.sign();
    }
}
