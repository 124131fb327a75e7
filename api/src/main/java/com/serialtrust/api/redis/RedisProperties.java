package com.serialtrust.api.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis, for what may be lost without harm: the verification cache, rate limits and scan analytics.
 * The api answers without it, from the ledger.
 *
 * @param url {@code redis://host:port}; empty turns Redis off
 * @param timeout how long one command may take before the api goes on without it
 * @param suspectPlaces distinct places within {@code suspectWindow} that make a label a suspect copy
 * @param suspectClients distinct client networks (IPv4 /24, IPv6 /48) among those scans: one client never
 *     flags a code
 * @param suspectSpeedKmh the speed, between two scans in geohash cells, beyond which a label is a
 *     suspect copy: faster than an airliner
 */
@ConfigurationProperties("serialtrust.redis")
public record RedisProperties(
        @DefaultValue("") String url,
        @DefaultValue("150ms") Duration timeout,
        @DefaultValue("10m") Duration cacheTtl,
        @DefaultValue("600") int publicRequestsPerMinute,
        @DefaultValue("5") int suspectPlaces,
        @DefaultValue("24h") Duration suspectWindow,
        @DefaultValue("1000") int suspectSpeedKmh,
        @DefaultValue("3") int suspectClients) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }
}
