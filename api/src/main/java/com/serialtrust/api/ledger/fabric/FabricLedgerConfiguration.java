package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.Organisation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
            @Value("${serialtrust.data-dir}") final Path dataDir, final MeterRegistry meters) {
        // from a write's commit on the peer to its block in the read model: the freshness of every query
        final Timer lag = Timer.builder("serialtrust.read.model.lag").publishPercentiles(0.5, 0.99)
                .description("from a write's commit on the peer to its block in the api's read model").register(meters);
        final FabricProperties settings = fabric.withReadModelDir(fabric.readModelDir(dataDir));
        return new FabricLedger(settings, properties.organisations().entrySet().stream()
                .map(e -> new Organisation(e.getKey(), e.getValue())).toList(),
                properties.require(properties.publicOrganisation()), properties.require(properties.authority()).mspId(),
                lag::record);
    }

    @Bean
    @ConditionalOnProperty(name = "serialtrust.ledger.mode", havingValue = "fabric")
    ReadModelHealth readModelHealthIndicator(final FabricLedger ledger) {
        return new ReadModelHealth(ledger);
    }
}
