package com.serialtrust.api.security;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * Spring Security's request firewall, set for GS1: every character of set 82 may stand in a serial or
 * a lot, so a path may carry an encoded slash ({@code %2F}), percent ({@code %25}) or semicolon
 * ({@code %3B}). Everything else it rejects stays rejected, and a rejection is problem JSON too.
 */
@Configuration(proxyBeanMethods = false)
class RequestFirewall {

    @Bean
    static BeanPostProcessor gs1Firewall(final ObjectProvider<ProblemWriter> problems) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(final Object bean, final String name) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    final StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
                    firewall.setAllowUrlEncodedSlash(true);
                    firewall.setAllowUrlEncodedPercent(true);
                    firewall.setAllowSemicolon(true);
                    proxy.setFirewall(exchange -> firewall.getFirewalledExchange(exchange).map(OneRequest::new));
                    proxy.setExchangeRejectedHandler((exchange, rejected) -> problems.getObject().write(exchange,
                            ApiError.REQUEST_REJECTED, "this request's address or headers are not accepted"));
                }
                return bean;
            }
        };
    }

    /**
     * The firewalled exchange, answering the same firewalled request each time it is asked. Spring
     * Security's makes a new one per call, and every request mapping's conditions ask, dozens of times a
     * request. The request checks its headers as it is read, as before.
     */
    private static final class OneRequest extends ServerWebExchangeDecorator {

        private final ServerHttpRequest request;

        OneRequest(final ServerWebExchange firewalled) {
            super(firewalled);
            this.request = firewalled.getRequest();
        }

        @Override
        public ServerHttpRequest getRequest() {
            return request;
        }
    }
}
