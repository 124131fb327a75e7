package com.serialtrust.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** The signer's output checked by the JDK's own ECDSA, an independent implementation. */
class P256SignerTest {

    private static KeyPair keys(final String curve) throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    @Test
    void derAndP1363SignaturesVerifyWithTheJdkAndAreLowSAndDeterministic() throws Exception {
        final KeyPair keys = keys("secp256r1");
        final P256Signer signer = new P256Signer((ECPrivateKey) keys.getPrivate());
        final BigInteger halfN = ((ECPrivateKey) keys.getPrivate()).getParams().getOrder().shiftRight(1);
        for (int i = 0; i < 50; i++) {
            final byte[] message = ("proposal " + i).getBytes(StandardCharsets.UTF_8);
            final byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);

            final Signature der = Signature.getInstance("SHA256withECDSA");
            der.initVerify(keys.getPublic());
            der.update(message);
            assertThat(der.verify(signer.signDer(hash))).isTrue();

            final Signature p1363 = Signature.getInstance("SHA256withECDSAinP1363Format");
            p1363.initVerify(keys.getPublic());
            p1363.update(message);
            final byte[] raw = signer.signP1363(hash);
            assertThat(raw).hasSize(64);
            assertThat(p1363.verify(raw)).isTrue();

            assertThat(signer.sign(hash)[1]).isLessThanOrEqualTo(halfN);
            assertThat(signer.signP1363(hash)).isEqualTo(raw);
        }
    }

    @Test
    void itsPublicKeyInfoIsTheJdksEncodingOfThePublicHalf() throws Exception {
        for (int i = 0; i < 20; i++) {
            final KeyPair keys = keys("secp256r1");
            assertThat(new P256Signer((ECPrivateKey) keys.getPrivate()).publicKeyInfo()).isEqualTo(keys.getPublic().getEncoded());
        }
    }

    @Test
    void aKeyOfAnotherCurveIsRefused() throws Exception {
        final ECPrivateKey p384 = (ECPrivateKey) keys("secp384r1").getPrivate();
        assertThatThrownBy(() -> new P256Signer(p384)).isInstanceOf(IllegalArgumentException.class);
    }
}
