package com.serialtrust.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller authenticated by an API key: the principal is the key's holder, never the key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;
    private final transient ApiKeys.Holder holder;

    ApiKeyAuthentication(final ApiKeys.Holder holder) {
        super(List.of(new SimpleGrantedAuthority("ORG_" + holder.organisation().name())));
        this.holder = holder;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiKeys.Holder getPrincipal() {
        return holder;
    }

    @Override
    public String getName() {
        return holder.name();
    }
}
