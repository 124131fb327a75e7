package com.serialtrust.api.ledger.embedded;

import com.serialtrust.api.ledger.LedgerProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded ledger, unless {@code serialtrust.ledger.mode} names another. */
@Configuration(proxyBeanMethods = false)
class EmbeddedLedgerConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "serialtrust.ledger.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedLedger embeddedLedger(final LedgerProperties properties, @Value("${serialtrust.data-dir}") final Path dataDir) {
        return new EmbeddedLedger(dataDir.resolve("ledger"), properties.require(properties.authority()).mspId(),
                Clock.systemUTC());
    }
}
