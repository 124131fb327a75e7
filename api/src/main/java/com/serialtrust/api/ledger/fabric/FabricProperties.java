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
 * @param readModel the api's copy of its peer's world state, built from blocks
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
        @DefaultValue ReadModelSettings readModel,
        @DefaultValue("PoliceMSP") String secretsCoEndorser) {

    public FabricProperties {
        organisations = organisations == null ? Map.of() : Map.copyOf(organisations);
    }

    /** The read model's folder: as set, or {@code fabric/} in the api's data folder. */
    public Path readModelDir(final Path dataDir) {
        return readModel.dir() != null ? readModel.dir() : dataDir.resolve("fabric");
    }

    /** These settings with the read model in {@code dir}. */
    public FabricProperties withReadModelDir(final Path dir) {
        return new FabricProperties(channel, chaincode, organisations, evaluateTimeout, endorseTimeout, submitTimeout,
                commitTimeout, mvccRetries, new ReadModelSettings(readModel.serve(), dir, readModel.awaitWrite()),
                secretsCoEndorser);
    }

    /**
     * The read model: where it is kept, whether queries are answered from it, and how long a write
     * waits for its block to reach it (so that the writer's next read sees the write).
     *
     * @param serve false to send every query to the peer; blocks are followed either way (they carry the events)
     * @param dir its folder; by default {@code fabric/} in the api's data folder
     */
    public record ReadModelSettings(@DefaultValue("true") boolean serve, Path dir, @DefaultValue("5s") Duration awaitWrite) {}

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
