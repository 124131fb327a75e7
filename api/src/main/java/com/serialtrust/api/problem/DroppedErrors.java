package com.serialtrust.api.problem;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Hooks;

/**
 * Errors Reactor drops after a response was already answered: a client's broken upload that a codec
 * finishes reading later, for instance. One line in the log, no stack trace: the client got its problem.
 */
@Configuration(proxyBeanMethods = false)
class DroppedErrors {

    private static final Logger LOG = LoggerFactory.getLogger(DroppedErrors.class);

    @PostConstruct
    void install() {
        Hooks.onErrorDropped(e -> LOG.warn("an error after the response was sent: {}: {}", e.getClass().getSimpleName(),
                String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
    }

    @PreDestroy
    void uninstall() {
        Hooks.resetOnErrorDropped();
    }
}
