package com.serialtrust.api.security;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.qr.QrProperties;
import com.serialtrust.api.redis.Redis;
import com.serialtrust.api.redis.RedisProperties;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a feature package's slice test ({@code @WebFluxTest} of one controller) needs around it: the
 * api's real security chain with one API key per demo organisation, the ledger's organisations, the
 * label settings, and a Redis client with no server configured (the rate limit then lets requests through,
 * as without Redis). The ledger itself is the test's to fake.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties({LedgerProperties.class, RedisProperties.class, QrProperties.class})
public class StaffSlice {

    private static final Map<String, String> KEYS = Map.of("brand", "slice-brand-key", "retail", "slice-retail-key",
            "police", "slice-police-key", "service", "slice-service-key");

    /** The {@code Authorization} header of the slice's staff key for an organisation (brand, retail, police, service). */
    public static String bearer(final String organisation) {
        return "Bearer " + KEYS.get(organisation);
    }

    @Bean(destroyMethod = "close")
    Redis redis(final RedisProperties properties) {
        return new Redis(properties);
    }

    @Bean
    static BeanPostProcessor staffKeys() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(final Object bean, final String name) {
                if (bean instanceof ApiKeys keys) {
                    KEYS.forEach((org, key) -> keys.add(ApiKeys.hash(key), org + " staff", org));
                }
                return bean;
            }
        };
    }
}
