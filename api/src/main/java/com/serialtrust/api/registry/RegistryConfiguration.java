package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.LedgerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.serialtrust.api.redis.RedisProperties;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SigningProperties.class, ImportProperties.class})
class RegistryConfiguration {

    /** The import store the settings name; a shared one needs Redis. */
    @Bean
    ImportStore importStore(final ImportProperties imports, final RedisProperties redis,
            @Value("${serialtrust.data-dir}") final Path dataDir, final JsonMapper json) throws IOException {
        if (imports.store() == ImportProperties.Store.REDIS) {
            if (!redis.enabled()) {
                throw new IllegalStateException("serialtrust.imports.store=redis needs serialtrust.redis.url");
            }
            return new RedisImportStore(redis.url(), imports.lease(), json);
        }
        final DiskImportStore disk = new DiskImportStore(dataDir, json);
        disk.load();
        return disk;
    }

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
