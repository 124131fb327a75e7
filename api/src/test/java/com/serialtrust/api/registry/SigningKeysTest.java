package com.serialtrust.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.P256;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private final Organisation brand = new Organisation("brand", "BrandMSP");

    @Test
    void theKeyIdOfAHeldKeyIsTheLedgersIdOfItsPublicKeyAndItsSignaturesVerifyWithThatKey() throws Exception {
        final KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair pair = ec.generateKeyPair();
        final SigningKeys keys = new SigningKeys();
        assertThat(keys.keyId(brand)).isEmpty();

        keys.put(brand, (ECPrivateKey) pair.getPrivate());

        // what RegisterKey stores for the brand's public key, as the JDK and openssl encode it
        final P256.PublicKey registered = P256.parsePublicKey(pair.getPublic().getEncoded());
        assertThat(keys.keyId(brand)).contains(registered.fingerprint());
        final String element = "(01)09520123456788(21)KEY-1";
        assertThat(P256.verify(registered, element, Base64Url.decode(keys.sign(brand, element).orElseThrow()).orElseThrow()))
                .isTrue();
        assertThat(keys.keyId(new Organisation("retail", "RetailMSP"))).isEmpty();
    }
}
