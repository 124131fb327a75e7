package com.serialtrust.api.ledger;

import com.serialtrust.api.ledger.embedded.EmbeddedLedger;
import com.serialtrust.api.ledger.fabric.FabricLedger;
import com.serialtrust.api.ledger.fabric.FabricProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the ledger adapter: {@code serialtrust.ledger.mode=embedded} (the default) or {@code fabric}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LedgerProperties.class, FabricProperties.class})
class LedgerConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "serialtrust.ledger.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedLedger embeddedLedger(final LedgerProperties properties, @Value("${serialtrust.data-dir}") final Path dataDir) {
        return new EmbeddedLedger(dataDir.resolve("ledger"), properties.require(properties.authority()).mspId(),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "serialtrust.ledger.mode", havingValue = "fabric")
    FabricLedger fabricLedger(final LedgerProperties properties, final FabricProperties fabric,
            @Value("${serialtrust.data-dir}") final Path dataDir) {
        final FabricProperties withCheckpoint = fabric.checkpoint() != null ? fabric
                : fabric.withCheckpoint(dataDir.resolve("fabric").resolve("chaincode-events.checkpoint"));
        return new FabricLedger(withCheckpoint, properties.organisations().entrySet().stream()
                .map(e -> new Organisation(e.getKey(), e.getValue())).toList(),
                properties.require(properties.publicOrganisation()));
    }
}
