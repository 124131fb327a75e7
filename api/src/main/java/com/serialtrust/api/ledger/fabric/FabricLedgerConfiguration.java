package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.Organisation;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Fabric Gateway client, when {@code serialtrust.ledger.mode=fabric}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FabricProperties.class)
class FabricLedgerConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "serialtrust.ledger.mode", havingValue = "fabric")
    FabricLedger fabricLedger(final LedgerProperties properties, final FabricProperties fabric,
            @Value("${serialtrust.data-dir}") final Path dataDir) {
        final FabricProperties settings = fabric.readModel().dir() != null ? fabric
                : fabric.withReadModelDir(dataDir.resolve("fabric"));
        return new FabricLedger(settings, properties.organisations().entrySet().stream()
                .map(e -> new Organisation(e.getKey(), e.getValue())).toList(),
                properties.require(properties.publicOrganisation()), properties.require(properties.authority()).mspId());
    }

    @Bean
    @ConditionalOnProperty(name = "serialtrust.ledger.mode", havingValue = "fabric")
    ReadModelHealth readModelHealthIndicator(final FabricLedger ledger) {
        return new ReadModelHealth(ledger);
    }
}
