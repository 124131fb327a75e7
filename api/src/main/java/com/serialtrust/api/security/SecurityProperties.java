package com.serialtrust.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the staff endpoints: API keys, stored only as SHA-256 hashes; and which proxies in front
 * of the api may say who the client is.
 *
 * @param apiKeys each key's hash, the organisation its holder acts for, and a name for audit logs
 * @param trustedProxies the addresses ({@code 10.0.0.7}) or networks ({@code 10.0.0.0/8},
 *     {@code fd00::/8}) of the proxies whose {@code Forwarded} or {@code X-Forwarded-For} header names
 *     the client; none by default, so that no client can choose its own address
 */
@ConfigurationProperties("serialtrust.security")
public record SecurityProperties(List<ApiKey> apiKeys, List<String> trustedProxies) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** One key: {@code sha256} is the lowercase hex SHA-256 of the key's UTF-8 text. */
    public record ApiKey(String name, String organisation, String sha256) {}
}
