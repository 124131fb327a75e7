package com.serialtrust.api.ledger.fabric;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Fabric network the api uses when {@code serialtrust.ledger.mode=fabric}: the channel, the
 * chaincode, and for each organisation it acts for, a peer's gateway and a member identity.
 *
 * @param organisations by the short names of {@code serialtrust.ledger.organisations}
 * @param checkpoint where the chaincode-event listener remembers how far it has read
 * @param secretsCoEndorser the organisation that endorses, with the caller's own, a transaction whose
 *     transient data only the caller's organisation keeps (a brand's label signatures). It sees that
 *     data while it endorses and stores none of it: choose the member a brand trusts most with it.
 */
@ConfigurationProperties("serialtrust.fabric")
public record FabricProperties(
        @DefaultValue("serialtrust") String channel,
        @DefaultValue("serialtrust") String chaincode,
        Map<String, Member> organisations,
        @DefaultValue("5s") Duration evaluateTimeout,
        @DefaultValue("30s") Duration endorseTimeout,
        @DefaultValue("10s") Duration submitTimeout,
        @DefaultValue("60s") Duration commitTimeout,
        @DefaultValue("3") int mvccRetries,
        Path checkpoint,
        @DefaultValue("PoliceMSP") String secretsCoEndorser) {

    public FabricProperties {
        organisations = organisations == null ? Map.of() : Map.copyOf(organisations);
    }

    /** These settings with the listener's checkpoint in {@code file}. */
    public FabricProperties withCheckpoint(final Path file) {
        return new FabricProperties(channel, chaincode, organisations, evaluateTimeout, endorseTimeout, submitTimeout,
                commitTimeout, mvccRetries, file, secretsCoEndorser);
    }

    /**
     * One organisation's connection.
     *
     * @param endpoint the peer's gateway, {@code host:port}
     * @param tlsRootCert the PEM of the CA that signed the peer's TLS certificate
     * @param mspDir a member's MSP folder: {@code signcerts/} (its certificate) and {@code keystore/} (its key)
     * @param hostnameOverride the name in the peer's TLS certificate, if the endpoint's host is not
     */
    public record Member(String endpoint, Path tlsRootCert, Path mspDir, String hostnameOverride) {}
}
