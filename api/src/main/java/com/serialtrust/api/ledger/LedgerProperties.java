package com.serialtrust.api.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ledger the api talks to and who it acts as.
 *
 * @param mode {@code embedded} (in-process, the quick start) or {@code fabric} (a Fabric network)
 * @param organisations the consortium members this api acts for: short name to MSP id
 * @param authority the short name of the consortium authority
 * @param publicOrganisation the member whose identity answers public verifications
 */
@ConfigurationProperties("serialtrust.ledger")
public record LedgerProperties(
        @DefaultValue("embedded") Mode mode,
        Map<String, String> organisations,
        @DefaultValue("authority") String authority,
        @DefaultValue("brand") String publicOrganisation) {

    public enum Mode { EMBEDDED, FABRIC }

    public LedgerProperties {
        organisations = organisations == null || organisations.isEmpty()
                ? defaults() : Map.copyOf(organisations);
    }

    private static Map<String, String> defaults() {
        final Map<String, String> orgs = new LinkedHashMap<>();
        orgs.put("authority", "AuthorityMSP");
        orgs.put("brand", "BrandMSP");
        orgs.put("retail", "RetailMSP");
        orgs.put("police", "PoliceMSP");
        orgs.put("service", "ServiceMSP");
        return orgs;
    }

    /** The organisation known by this short name. */
    public Optional<Organisation> organisation(final String name) {
        return Optional.ofNullable(organisations.get(name)).map(msp -> new Organisation(name, msp));
    }

    public Organisation require(final String name) {
        return organisation(name).orElseThrow(
                () -> new IllegalStateException("serialtrust.ledger.organisations has no '" + name + "'"));
    }
}
