package com.serialtrust.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One organisation's application: a Fabric Gateway connection to its own peer (the authority, which
 * runs none, uses the brand's), signing as a user of that organisation.
 */
final class Member implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final String mspId;
    private final ManagedChannel channel;
    private final Gateway gateway;
    final Contract contract;

    private Member(final Map<String, String> env, final String user) {
        this.mspId = env.get("CORE_PEER_LOCALMSPID");
        final Path msp = Path.of(env.get("CORE_PEER_MSPCONFIGPATH").replace("/Admin@", "/" + user + "@"));
        try {
            channel = Grpc.newChannelBuilder(env.get("CORE_PEER_ADDRESS"), TlsChannelCredentials.newBuilder()
                    .trustManager(Path.of(env.get("CORE_PEER_TLS_ROOTCERT_FILE")).toFile()).build()).build();
            gateway = Gateway.newInstance()
                    .identity(new X509Identity(mspId, Identities.readX509Certificate(read(only(msp.resolve("signcerts"))))))
                    .signer(Signers.newPrivateKeySigner(Identities.readPrivateKey(read(only(msp.resolve("keystore"))))))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(options -> options.withDeadlineAfter(15, TimeUnit.SECONDS))
                    .endorseOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(15, TimeUnit.SECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                    .connect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        contract = gateway.getNetwork(env.get("ST_CHANNEL")).getContract(env.get("ST_CC"));
    }

    /** A client application of {@code org} (its User1; the authority acts through its Admin). */
    static Member of(final FabricNetwork network, final String org) {
        return new Member(network.env(org), "authority".equals(org) ? "Admin" : "User1");
    }

    JsonNode submit(final String fn, final String... args) {
        return submitWith(Map.of(), fn, args);
    }

    JsonNode submitWith(final Map<String, byte[]> transientData, final String fn, final String... args) {
        return submitEndorsedBy(List.of(), transientData, fn, args);
    }

    /** A submit endorsed by the named organisations (none named: the gateway chooses). */
    JsonNode submitEndorsedBy(final List<String> endorsers, final Map<String, byte[]> transientData, final String fn,
            final String... args) {
        try {
            final var proposal = contract.newProposal(fn).addArguments(args).putAllTransient(transientData);
            if (!endorsers.isEmpty()) {
                proposal.setEndorsingOrganizations(endorsers.toArray(String[]::new));
            }
            return parse(proposal.build().endorse().submit());
        } catch (GatewayException e) {
            throw new AssertionError(fn + " by " + mspId + " was refused: " + describe(e), e);
        } catch (org.hyperledger.fabric.client.CommitException e) {
            throw new AssertionError(fn + " by " + mspId + " failed to commit: " + e.getCode(), e);
        }
    }

    /** The bytes of the block that holds a transaction, as this organisation's peer stores it. */
    byte[] blockOf(final String channelName, final String txId) {
        try {
            return gateway.getNetwork(channelName).getContract("qscc").evaluateTransaction("GetBlockByTxID", channelName, txId);
        } catch (GatewayException e) {
            throw new AssertionError("GetBlockByTxID by " + mspId + " was refused: " + describe(e), e);
        }
    }

    /** The gateway's refusal of a proposal, before any peer endorses it or after. */
    String refusedEndorsement(final Map<String, byte[]> transientData, final String fn, final String... args) {
        final GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> contract.newProposal(fn).addArguments(args).putAllTransient(transientData).build().endorse());
        assertThat(e).as("%s by %s should be refused", fn, mspId).isNotNull();
        return describe(e);
    }

    JsonNode evaluate(final String fn, final String... args) {
        try {
            return parse(contract.evaluateTransaction(fn, args));
        } catch (GatewayException e) {
            throw new AssertionError(fn + " by " + mspId + " was refused: " + describe(e), e);
        }
    }

    /** The error code of a transaction the peers refuse to endorse (nothing reaches the orderer). */
    String refusedCode(final Map<String, byte[]> transientData, final String fn, final String... args) {
        final GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> contract.newProposal(fn).addArguments(args).putAllTransient(transientData).build().endorse());
        assertThat(e).as("%s by %s should be refused", fn, mspId).isNotNull();
        return code(describe(e));
    }

    String refusedQueryCode(final String fn, final String... args) {
        final GatewayException e = catchThrowableOfType(GatewayException.class, () -> contract.evaluateTransaction(fn, args));
        assertThat(e).as("%s by %s should be refused", fn, mspId).isNotNull();
        return code(describe(e));
    }

    private static String code(final String description) {
        // the peer reports a refusal as "chaincode response 500, <message>"; the message starts with the code
        final var m = java.util.regex.Pattern.compile("chaincode response \\d+, ([A-Z][A-Z_]+): ").matcher(description);
        assertThat(m.find()).as("a coded refusal: %s", description).isTrue();
        return m.group(1);
    }

    private static String describe(final GatewayException e) {
        final StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        e.getDetails().forEach(d -> text.append(" | ").append(d.getMspId()).append(": ").append(d.getMessage()));
        return text.toString();
    }

    private static JsonNode parse(final byte[] payload) {
        return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    private static Path only(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findFirst().orElseThrow(() -> new IOException("empty: " + dir));
        }
    }

    private static Reader read(final Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
    }
}
