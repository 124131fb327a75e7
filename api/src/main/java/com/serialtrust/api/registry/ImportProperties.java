package com.serialtrust.api.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where CSV imports are kept, and how replicas share them.
 *
 * @param store {@code disk}: the data folder, for one api alone; {@code redis}: the Redis of
 *     {@code serialtrust.redis.url}, shared by every replica (its append-only file must be on)
 * @param lease how long a replica may fall silent before another takes over the import it held
 * @param retryAfter the first wait of an import that finds the ledger out of reach
 */
@ConfigurationProperties("serialtrust.imports")
public record ImportProperties(
        @DefaultValue("disk") Store store,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("30s") Duration retryAfter) {

    public enum Store { DISK, REDIS }
}
