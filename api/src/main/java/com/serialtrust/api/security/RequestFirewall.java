package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's request firewall, set for GS1: every character of set 82 may stand in a serial or
 * a lot, so a path may carry an encoded slash ({@code %2F}), percent ({@code %25}) or semicolon
 * ({@code %3B}). Everything else it rejects stays rejected, and a rejection is problem JSON too.
 */
@Configuration(proxyBeanMethods = false)
class RequestFirewall {

    /**
     * Spring Security's chain proxy, replaced by one that takes the same chains in the same order with
     * this firewall ({@link FirstMatchingChain}). It starts with Spring's default chain decorator, the
     * one Spring sets when security observations are off, as {@code SecurityConfiguration} turns them.
     */
    @Bean
    static BeanPostProcessor gs1Firewall(final ObjectProvider<ProblemWriter> problems,
            final ObjectProvider<SecurityWebFilterChain> chains) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(final Object bean, final String name) {
                if (bean instanceof WebFilterChainProxy) {
                    final StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
                    firewall.setAllowUrlEncodedSlash(true);
                    firewall.setAllowUrlEncodedPercent(true);
                    firewall.setAllowSemicolon(true);
                    // Spring's own rules for header names and values and parameter names, without the
                    // regular expression it runs on every read of a header
                    firewall.setAllowedHeaderNames(RequestFirewall::assignedAndNoControl);
                    firewall.setAllowedHeaderValues(RequestFirewall::headerValue);
                    firewall.setAllowedParameterNames(RequestFirewall::assignedAndNoControl);
                    final List<SecurityWebFilterChain> ordered = chains.orderedStream().toList();
                    if (ordered.isEmpty()) {
                        throw new IllegalStateException("no security filter chain to choose from");
                    }
                    return new FirstMatchingChain(ordered, firewall, (exchange, rejected) -> problems.getObject()
                            .write(exchange, ApiError.REQUEST_REJECTED, "this request's address or headers are not accepted"));
                }
                return bean;
            }
        };
    }

    /** Spring's default for header and parameter names: every code point assigned, none a control character. */
    static boolean assignedAndNoControl(final String text) {
        return allowed(text, false);
    }

    /** Spring's default for header values: the same, but a tab may stand in one. */
    static boolean headerValue(final String text) {
        return allowed(text, true);
    }

    private static boolean allowed(final String text, final boolean tab) {
        if (text == null) { // a header or parameter without a value, which Spring lets pass
            return true;
        }
        int i = 0;
        while (i < text.length()) {
            final int c = text.codePointAt(i);
            if (c < 0x20 || c >= 0x7f) { // printable ASCII is always allowed
                final int type = Character.getType(c);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
