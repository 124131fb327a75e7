package com.serialtrust.api.ledger.fabric;

import com.serialtrust.network.FabricNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The api of a test pointed at the network of {@code network/network.sh}, as each organisation's member. */
final class FabricSettings {

    private FabricSettings() {}

    /**
     * Starts the network unless it is up and registers the api's settings for it: each organisation's
     * peer, TLS root and member identity, a data folder, and a serial prefix unique to this run (the
     * network's ledger outlives a test run).
     */
    static FabricNetwork apply(final DynamicPropertyRegistry registry, final Path dataDir, final String serialPrefix) {
        final FabricNetwork network = FabricNetwork.start();
        for (String org : List.of("authority", "brand", "retail", "police", "service")) {
            final Map<String, String> env = network.env(org);
            final String user = org.equals("authority") ? "Admin" : "User1";
            final String base = "serialtrust.fabric.organisations." + org + ".";
            registry.add(base + "endpoint", () -> env.get("CORE_PEER_ADDRESS"));
            registry.add(base + "tls-root-cert", () -> env.get("CORE_PEER_TLS_ROOTCERT_FILE"));
            registry.add(base + "msp-dir", () -> env.get("CORE_PEER_MSPCONFIGPATH").replace("/Admin@", "/" + user + "@"));
        }
        registry.add("serialtrust.data-dir", dataDir::toString);
        registry.add("serialtrust.demo.serial-prefix", () -> serialPrefix);
        return network;
    }

    /** Serials unique to this run, starting with {@code letter}. */
    static String uniquePrefix(final String letter) {
        return letter + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-";
    }
}
