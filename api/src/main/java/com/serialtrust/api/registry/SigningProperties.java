package com.serialtrust.api.registry;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Label-signing keys this api holds, by organisation short name: a file with the PKCS#8 private key
 * (PEM, or base64 DER). Readable by the api's user only; never logged.
 */
@ConfigurationProperties("serialtrust.signing")
public record SigningProperties(Map<String, Path> keys) {

    public SigningProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
