package com.serialtrust.api.health;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The api's own request timer (see {@link RequestTimer}). */
@Configuration(proxyBeanMethods = false)
class RequestMetrics {

    @Bean
    RequestTimer requestTimer(final MeterRegistry registry) {
        return new RequestTimer(registry);
    }
}
