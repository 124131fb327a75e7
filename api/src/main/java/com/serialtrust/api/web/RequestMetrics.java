package com.serialtrust.api.web;

import io.micrometer.common.KeyValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * Each request's timer ({@code http.server.requests}) with its usual tags, and without the
 * high-cardinality values (the request's full URL) that only a tracer reads: this api has none, and
 * they were worked out for every request.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetrics {

    @Bean
    ServerRequestObservationConvention serverRequestObservationConvention() {
        return new DefaultServerRequestObservationConvention() {
            @Override
            public KeyValues getHighCardinalityKeyValues(final ServerRequestObservationContext context) {
                return KeyValues.empty();
            }
        };
    }
}
