package com.serialtrust.api.ledger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's organisations and roles. Each adapter configures itself in its own package, chosen by
 * {@code serialtrust.ledger.mode}: {@code embedded} (the default) or {@code fabric}; the port knows
 * neither.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {}
