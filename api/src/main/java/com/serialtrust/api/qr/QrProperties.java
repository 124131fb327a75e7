package com.serialtrust.api.qr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How labels are made.
 *
 * @param resolverBase the public base URL the QR's Digital Link points at (this api, as a resolver)
 * @param defaultSize the PNG edge in pixels when a request names none
 * @param maxSize the largest PNG edge a request may ask for
 */
@ConfigurationProperties("serialtrust.qr")
public record QrProperties(
        @DefaultValue("http://localhost:8080") String resolverBase,
        @DefaultValue("300") int defaultSize,
        @DefaultValue("2000") int maxSize) {

    /** The resolver's root as links under it are written: the base without trailing slashes. */
    public String resolverRoot() {
        return resolverBase.replaceAll("/+$", "");
    }
}
