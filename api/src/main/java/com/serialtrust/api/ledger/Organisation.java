package com.serialtrust.api.ledger;

import java.util.Locale;
import java.util.Objects;

/**
 * An organisation of the consortium as the api knows it: a short name used in settings and API keys
 * ({@code brand}) and its Fabric MSP id ({@code BrandMSP}).
 */
public record Organisation(String name, String mspId) {

    public Organisation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mspId, "mspId");
        name = name.toLowerCase(Locale.ROOT);
    }
}
