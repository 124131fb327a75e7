package com.serialtrust.api.ledger;

import com.serialtrust.api.ledger.embedded.EmbeddedLedger;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the ledger adapter: {@code serialtrust.ledger.mode=embedded} (the default) or {@code fabric}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "serialtrust.ledger.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedLedger embeddedLedger(final LedgerProperties properties, @Value("${serialtrust.data-dir}") final Path dataDir) {
        return new EmbeddedLedger(dataDir.resolve("ledger"), properties.require(properties.authority()).mspId(),
                Clock.systemUTC());
    }
}
