package com.serialtrust.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar runs as chaincode-as-a-service: started with CHAINCODE_SERVER_ADDRESS it listens,
 * and a peer that connects is greeted with REGISTER for the configured chaincode id.
 */
class ChaincodeServerIT {

    @Test
    void theServerJarHoldsTheContractAndNoneOfThePeerSimulator() throws Exception {
        final String jar = System.getProperty("chaincode.server.jar");
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
            final java.util.List<String> names = file.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).contains("com/serialtrust/chaincode/SerialTrustContract.class",
                    "com/serialtrust/contract/Transaction.class");
            assertThat(names).noneMatch(name -> name.startsWith("com/serialtrust/sim/") || name.contains("/sim/")
                    || name.contains("SimulatedStub"));
        }
    }

    @Test
    void theServerJarListensAndRegistersWithAConnectingPeer(@TempDir final Path dir) throws Exception {
        final String jar = System.getProperty("chaincode.server.jar");
        assertThat(new File(jar)).as("the shaded server jar is built before integration tests").isFile();
        final int port = freePort();
        final Path log = dir.resolve("chaincode.log");
        final ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", "serialtrust_1.0:0123abcd");
        builder.environment().put("SERIALTRUST_AUTHORITY_MSPID", "AuthorityMSP");
        final Process server = builder.start();
        ManagedChannel channel = null;
        try {
            awaitListening(port, server, log);
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
            final BlockingQueue<ChaincodeMessage> received = new LinkedBlockingQueue<>();
            final StreamObserver<ChaincodeMessage> toServer = ChaincodeGrpc.newStub(channel).connect(new StreamObserver<>() {
                @Override
                public void onNext(final ChaincodeMessage message) {
                    received.add(message);
                }

                @Override
                public void onError(final Throwable t) {
                    // the test reads what arrived; a broken stream shows as no message
                }

                @Override
                public void onCompleted() {
                    // likewise
                }
            });
            final ChaincodeMessage first = received.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("the chaincode greets the peer; log:%n%s", Files.readString(log)).isNotNull();
            assertThat(first.getType()).isEqualTo(ChaincodeMessage.Type.REGISTER);
            assertThat(ChaincodeID.parseFrom(first.getPayload()).getName()).isEqualTo("serialtrust_1.0:0123abcd");
            toServer.onCompleted();
        } finally {
            if (channel != null) {
                channel.shutdownNow();
            }
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** {@code openssl} with these arguments, in {@code dir}; fails the test if it fails. */
    private static void openssl(final Path dir, final String... args) throws Exception {
        final java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
        command.addAll(java.util.List.of(args));
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        final String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("openssl %s: %s", String.join(" ", args), out).isZero();
    }

    @Test
    void withTlsTheServerStartsOnlyWhenToldWhichCaItsPeersClientCertificateComesFrom(@TempDir final Path dir) throws Exception {
        final String jar = System.getProperty("chaincode.server.jar");
        openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key");
        openssl(dir, "req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=test-ca", "-days", "2", "-out", "ca.crt");
        openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "server.ec.key");
        openssl(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "server.ec.key", "-out", "server.key");
        openssl(dir, "req", "-new", "-key", "server.key", "-subj", "/CN=127.0.0.1", "-out", "server.csr");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
                "-out", "server.crt");
        for (String file : new String[] {"server.key", "server.crt"}) {
            Files.writeString(dir.resolve(file + ".b64"), java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(file))));
        }
        final int port = freePort();
        final java.util.function.Function<Boolean, ProcessBuilder> server = withCa -> {
            final ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar)
                    .redirectErrorStream(true).redirectOutput(dir.resolve(withCa ? "with-ca.log" : "without-ca.log").toFile());
            final java.util.Map<String, String> env = builder.environment();
            env.put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
            env.put("CORE_CHAINCODE_ID_NAME", "serialtrust_1.0:0123abcd");
            env.put("SERIALTRUST_AUTHORITY_MSPID", "AuthorityMSP");
            env.put("CORE_PEER_TLS_ENABLED", "true");
            env.put("CORE_PEER_TLS_ROOTCERT_FILE", dir.resolve("ca.crt").toString());
            env.put("CORE_TLS_CLIENT_KEY_FILE", dir.resolve("server.key").toString());
            env.put("CORE_TLS_CLIENT_CERT_FILE", dir.resolve("server.crt").toString());
            env.put("CORE_TLS_CLIENT_KEY_PATH", dir.resolve("server.key.b64").toString());
            env.put("CORE_TLS_CLIENT_CERT_PATH", dir.resolve("server.crt.b64").toString());
            if (withCa) {
                env.put("CHAINCODE_TLS_CLIENT_CACERT_FILE", dir.resolve("ca.crt").toString());
            }
            return builder;
        };
        // without the CA of its peer's client certificate it would take any client: it does not start
        final Process refused = server.apply(false).start();
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).as("the server without a client CA exits").isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(Files.readString(dir.resolve("without-ca.log"))).contains("CHAINCODE_TLS_CLIENT_CACERT_FILE");
        // with it, it listens (FabricNetworkIT shows its peer let in and a client without a certificate turned away)
        final Process started = server.apply(true).start();
        try {
            awaitListening(port, started, dir.resolve("with-ca.log"));
        } finally {
            started.destroy();
            if (!started.waitFor(10, TimeUnit.SECONDS)) {
                started.destroyForcibly();
            }
        }
    }

    private static void awaitListening(final int port, final Process server, final Path log) throws Exception {
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("the chaincode server exited; log:%n%s", Files.readString(log)).isTrue();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the chaincode server did not listen within 60 s; log:\n" + Files.readString(log));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
