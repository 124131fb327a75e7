package com.serialtrust.api.redis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    Redis redis(final RedisProperties properties) {
        return new Redis(properties);
    }
}
