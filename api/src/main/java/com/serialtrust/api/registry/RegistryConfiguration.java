package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.LedgerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class RegistryConfiguration {

    @Bean
    SigningKeys signingKeys(final SigningProperties properties, final LedgerProperties orgs) {
        final SigningKeys keys = new SigningKeys();
        properties.keys().forEach((org, file) -> {
            try {
                final String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                keys.put(orgs.require(org), (ECPrivateKey) KeyFactory.getInstance("EC")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the signing key of " + org, e);
            } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
                throw new IllegalStateException("the signing key of " + org + " is not a PKCS#8 P-256 key", e);
            }
        });
        return keys;
    }
}
