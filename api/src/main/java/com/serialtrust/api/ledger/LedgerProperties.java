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
 * @param displayNames what people read for an MSP id (a consumer is told "Trail Watch Company", not
 *     {@code BrandMSP}); an MSP id without one is shown as it is
 */
@ConfigurationProperties("serialtrust.ledger")
public record LedgerProperties(
        @DefaultValue("embedded") Mode mode,
        Map<String, String> organisations,
        @DefaultValue("authority") String authority,
        @DefaultValue("brand") String publicOrganisation,
        Map<String, String> displayNames) {

    public enum Mode { EMBEDDED, FABRIC }

    public LedgerProperties {
        organisations = organisations == null || organisations.isEmpty()
                ? defaults() : Map.copyOf(organisations);
        displayNames = displayNames == null || displayNames.isEmpty() ? demoNames() : Map.copyOf(displayNames);
    }

    private static Map<String, String> demoNames() {
        return Map.of("AuthorityMSP", "SerialTrust demo consortium", "BrandMSP", "Trail Watch Company (demo)",
                "RetailMSP", "Demo Retail", "PoliceMSP", "Demo Police", "ServiceMSP", "Demo Service Centre");
    }

    /** The name people read for an organisation's MSP id. */
    public String displayName(final String mspId) {
        return displayNames.getOrDefault(mspId, mspId);
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
