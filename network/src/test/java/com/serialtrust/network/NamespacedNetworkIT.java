package com.serialtrust.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The network across hosts, on this machine: {@code network.sh up} with ST_NETNS runs the orderer,
 * each organisation's peer and each chaincode server in a Linux network namespace of its own, its
 * loopback down, each node reached by its name, and the script and the CLI in an administrator's
 * namespace. Everything the network does (the channel, the chaincode's approval and commit, gossip,
 * a write endorsed by two organisations, a read of it on the third's peer) then goes between
 * namespaces, by name, with TLS checking each name; nothing listens on loopback.
 */
class NamespacedNetworkIT {

    static final Path STATE = Path.of("target", "netns-state").toAbsolutePath();
    static final Map<String, String> SETTINGS = Map.of("ST_NETNS", "1", "ST_NETWORK_STATE", STATE.toString());
    static final Map<String, String> ADDRESSES = Map.of("st-orderer", "10.231.7.10", "st-brand", "10.231.7.17",
            "st-retail", "10.231.7.18", "st-police", "10.231.7.19", "st-cc-brand", "10.231.7.27", "st-cc-retail", "10.231.7.28",
            "st-cc-police", "10.231.7.29");

    @Test
    void theNetworkRunsAcrossNamespacesByNameWithNothingOnLoopback() {
        delete(STATE);
        try {
            final FabricNetwork network = FabricNetwork.start(SETTINGS);
            final String status = network.status();
            assertThat(status).contains("listening on chaincode.brand.serialtrust.test:7055",
                    "listening on chaincode.retail.serialtrust.test:8055", "listening on chaincode.police.serialtrust.test:9055");
            assertThat(status.lines().filter(l -> l.startsWith("orderer ") || l.startsWith("peer-")))
                    .hasSize(4).allMatch(l -> l.contains("running") && l.contains("\"status\":\"OK\""));

            ADDRESSES.forEach((ns, address) -> {
                assertThat(sh("ip -n " + ns + " -br link show lo")).as("%s: loopback", ns).contains("DOWN");
                final List<String> listening = sh("ip netns exec " + ns + " ss -Hltn").lines()
                        .map(l -> l.trim().split("\\s+")[3]).toList();
                assertThat(listening).as("%s listens", ns).isNotEmpty()
                        .allMatch(local -> local.startsWith(address + ":"), "on " + address + " only");
            });

            // the authority's first write, endorsed by the brand's and the retailer's peers, ordered by the orderer,
            // each in a namespace of its own and reached by name; then read on the police's peer
            final String invoke = inAdmin("authority", "peer chaincode invoke -o \"$ORDERER_ADDRESS\" --tls --cafile \"$ORDERER_CA\""
                    + " -C \"$ST_CHANNEL\" -n \"$ST_CC\" --waitForEvent"
                    + peer("brand", 7051) + peer("retail", 8051)
                    + " -c '{\"function\":\"BootstrapAuthority\",\"Args\":[]}'");
            assertThat(invoke).contains("status:200");
            final String read = inAdmin("police", "peer chaincode query -C \"$ST_CHANNEL\" -n \"$ST_CC\""
                    + " -c '{\"function\":\"GetOrganisation\",\"Args\":[\"AuthorityMSP\"]}'");
            assertThat(read).contains("AuthorityMSP");
            assertThat(inAdmin("police", "echo \"$CORE_PEER_ADDRESS\"").strip()).isEqualTo("peer0.police.serialtrust.test:9051");
        } finally {
            FabricNetwork.run(List.of("bash", script(), "clean"), 5, true, "network.sh clean", SETTINGS);
        }
        assertThat(sh("ip netns list")).as("no namespace left").doesNotContain("st-");
    }

    private static String peer(final String org, final int port) {
        final String host = "peer0." + org + ".serialtrust.test";
        return " --peerAddresses " + host + ":" + port + " --tlsRootCertFiles " + STATE.resolve("crypto/peerOrganizations/"
                + org + ".serialtrust.test/peers/" + host + "/tls/ca.crt");
    }

    /** A shell command in the administrators' namespace, as {@code org}'s admin ({@code network.sh env ORG}). */
    private static String inAdmin(final String org, final String command) {
        return FabricNetwork.run(List.of("ip", "netns", "exec", "st-admin", "bash", "-c",
                "set -e; eval \"$(bash \"$0\" env " + org + ")\"; " + command + " 2>&1", script()), 2, true, command, SETTINGS);
    }

    private static String script() {
        return Path.of(System.getProperty("serialtrust.network.script", "network/network.sh")).toString();
    }

    private static String sh(final String command) {
        return FabricNetwork.run(List.of("bash", "-c", command), 1, false, command, Map.of());
    }

    private static void delete(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
