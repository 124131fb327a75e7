package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.crypto.P256Signer;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.sim.SimIdentity;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * One organisation's Gateway connection: its gRPC channel over TLS to its own peer, signed with the
 * identity in its MSP folder, bound to the channel and the chaincode. The identity also reads the
 * read model, as the same member.
 */
record Connection(ManagedChannel channel, Gateway gateway, Network network, Contract contract, SimIdentity identity) {

    static Connection open(final Organisation org, final FabricProperties.Member member, final FabricProperties properties) {
        try {
            final TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder().trustManager(member.tlsRootCert().toFile());
            final var builder = Grpc.newChannelBuilder(member.endpoint(), tls.build());
            if (member.hostnameOverride() != null && !member.hostnameOverride().isBlank()) {
                builder.overrideAuthority(member.hostnameOverride());
            }
            final String certificate = Files.readString(only(member.mspDir().resolve("signcerts")));
            final ManagedChannel channel = builder.build();
            final Gateway gateway = Gateway.newInstance()
                    .identity(new X509Identity(org.mspId(), Identities.readX509Certificate(certificate)))
                    .signer(proposalSigner(Identities.readPrivateKey(
                            Files.newBufferedReader(only(member.mspDir().resolve("keystore"))))))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(o -> o.withDeadlineAfter(properties.evaluateTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .endorseOptions(o -> o.withDeadlineAfter(properties.endorseTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .submitOptions(o -> o.withDeadlineAfter(properties.submitTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .commitStatusOptions(o -> o.withDeadlineAfter(properties.commitTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .connect();
            final Network network = gateway.getNetwork(properties.channel());
            return new Connection(channel, gateway, network, network.getContract(properties.chaincode()),
                    new SimIdentity(org.mspId(), certificate));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Fabric identity of " + org.name(), e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the Fabric identity of " + org.name() + " is not usable", e);
        }
    }

    /**
     * Signs each proposal and transaction: a P-256 key with Bouncy Castle's dedicated curve arithmetic,
     * three times faster than the Gateway's own signer (a JCA lookup per signature), which was a third
     * of the api's CPU under uncached verification. Other key types keep the Gateway's signer.
     */
    static Signer proposalSigner(final PrivateKey key) {
        if (key instanceof ECPrivateKey ec && ec.getParams().getOrder().bitLength() == 256) {
            final P256Signer signer = new P256Signer(ec);
            return signer::signDer;
        }
        return Signers.newPrivateKeySigner(key);
    }

    private static Path only(final Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IOException("no file in " + dir));
        }
    }
}
