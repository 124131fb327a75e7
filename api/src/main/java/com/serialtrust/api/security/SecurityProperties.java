package com.serialtrust.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the staff endpoints: API keys, stored only as SHA-256 hashes.
 *
 * @param apiKeys each key's hash, the organisation its holder acts for, and a name for audit logs
 */
@ConfigurationProperties("serialtrust.security")
public record SecurityProperties(List<ApiKey> apiKeys) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** One key: {@code sha256} is the lowercase hex SHA-256 of the key's UTF-8 text. */
    public record ApiKey(String name, String organisation, String sha256) {}
}
