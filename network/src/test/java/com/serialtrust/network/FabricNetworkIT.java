package com.serialtrust.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The whole story on the real Fabric network, each organisation through its own peer's gateway:
 * governance, signed registration, custody, sale, ownership, theft, owner contact, warranty, recall,
 * history; and what the network refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FabricNetworkIT {

    private static final String GTIN = "09520123456788";
    /** A valid GTIN under the brand's prefix that no transaction of this test ever manages to register. */
    private static final String NEVER_REGISTERED_GTIN = "09520123000035";
    private static final int BATCH = 40;

    /** Serials unique to this run: the network's ledger outlives a test run. */
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private final String lot = "L" + run;
    private final KeyPair brandKey = p256();
    private final List<String> serials = new ArrayList<>();
    private final Map<String, String> signatures = new LinkedHashMap<>();
    private String registrationTx;

    private FabricNetwork network;
    private Member authority;
    private Member brand;
    private Member retail;
    private Member police;

    @BeforeAll
    void startNetwork() {
        network = FabricNetwork.start();
        authority = Member.of(network, "authority");
        brand = Member.of(network, "brand");
        retail = Member.of(network, "retail");
        police = Member.of(network, "police");
        for (int i = 0; i < BATCH; i++) {
            serials.add(run + "-" + i);
        }
    }

    @AfterAll
    void stopNetwork() {
        for (Member member : new Member[] {authority, brand, retail, police}) {
            if (member != null) {
                member.close();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Order(0)
    void statusShowsEveryProcessHealthyAndTheChannelHeight() {
        final String status = network.status();
        for (String process : List.of("orderer", "peer-brand", "peer-retail", "peer-police")) {
            assertThat(status).containsPattern("(?m)^" + process + " +running +\\d+ +\\{\"status\":\"OK\"");
        }
        for (String org : List.of("brand", "retail", "police")) {
            assertThat(status).containsPattern("(?m)^chaincode-" + org + " +running +\\d+ +listening on 127\\.0\\.0\\.1:\\d+");
        }
        assertThat(status).containsPattern("(?m)^channel serialtrust: height [1-9]\\d*$");
        // the binaries say which release commit they were built from: what go version -m reads, nothing forced
        assertThat(status).containsPattern("(?m)^binaries: github\\.com/hyperledger/fabric@v1\\.4\\.0-rc1\\.0\\.\\d{14}-[0-9a-f]{12} \\(go1\\.[0-9.]+\\)");
        // what the check after network.sh down looks for: one orderer, three peers, three chaincode servers
        assertThat(network.processes()).hasSize(7);
    }

    @Test
    @Order(0)
    void aChaincodeServerTalksOnlyToAClientWithItsPeersCertificate() throws Exception {
        final java.util.regex.Matcher listening = java.util.regex.Pattern
                .compile("(?m)^chaincode-brand +running +\\d+ +listening on ([0-9.]+):(\\d+)").matcher(network.status());
        assertThat(listening.find()).isTrue();
        final java.nio.file.Path peerTls = java.nio.file.Path.of(network.env("brand").get("CORE_PEER_TLS_ROOTCERT_FILE")).getParent();
        // the peer's own certificate opens the gRPC conversation: the server's HTTP/2 settings come back
        assertThat(firstBytes(listening.group(1), Integer.parseInt(listening.group(2)), peerTls, true)).isPositive();
        // anyone else (here: a client that trusts the server but shows no certificate) is turned away
        assertThat(firstBytes(listening.group(1), Integer.parseInt(listening.group(2)), peerTls, false))
                .as("bytes a client without a certificate read from the chaincode server").isNotPositive();
    }

    @Test
    @Order(0)
    void operationsEndpointsAreHttpsAndOnlyAnAdminReadsTheMetrics() {
        for (String process : List.of("orderer", "peer-brand")) {
            assertThat(network.operationsStatus(process, "/healthz", true, false)).as("%s health, for a probe", process).isEqualTo(200);
            assertThat(network.operationsStatus(process, "/metrics", true, true)).as("%s metrics, as its admin", process).isEqualTo(200);
            assertThat(network.operationsStatus(process, "/metrics", true, false)).as("%s metrics, without a certificate", process)
                    .isNotEqualTo(200);
            assertThat(network.operationsStatus(process, "/logspec", true, false)).as("%s log levels, without a certificate", process)
                    .isNotEqualTo(200);
            assertThat(network.operationsStatus(process, "/metrics", false, false)).as("%s metrics over plain HTTP", process)
                    .isNotEqualTo(200);
        }
    }

    /** Bytes read after sending the HTTP/2 preface over TLS; -1 when the server closed or refused the connection. */
    private static int firstBytes(final String host, final int port, final java.nio.file.Path peerTls, final boolean withPeersCertificate)
            throws Exception {
        final java.security.cert.CertificateFactory x509 = java.security.cert.CertificateFactory.getInstance("X.509");
        final java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(peerTls.resolve("ca.crt"))) {
            trust.setCertificateEntry("ca", x509.generateCertificate(in));
        }
        final javax.net.ssl.TrustManagerFactory trusted = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        trusted.init(trust);
        javax.net.ssl.KeyManager[] keys = null;
        if (withPeersCertificate) {
            final java.security.KeyStore own = java.security.KeyStore.getInstance("PKCS12");
            own.load(null, null);
            final String pem = java.nio.file.Files.readString(peerTls.resolve("server.key")).replaceAll("-----[A-Z ]+-----|\\s", "");
            final java.security.PrivateKey key = java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            try (var in = java.nio.file.Files.newInputStream(peerTls.resolve("server.crt"))) {
                own.setKeyEntry("peer", key, new char[0], new java.security.cert.Certificate[] {x509.generateCertificate(in)});
            }
            final javax.net.ssl.KeyManagerFactory managers = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
            managers.init(own, new char[0]);
            keys = managers.getKeyManagers();
        }
        final javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(keys, trusted.getTrustManagers(), null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(10_000);
            final javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2"});
            parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName("chaincode.brand.serialtrust.test")));
            socket.setSSLParameters(parameters);
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return socket.getInputStream().read(new byte[64]);
        } catch (javax.net.ssl.SSLException | java.net.SocketException refused) {
            return -1;
        }
    }

    @Test
    @Order(1)
    void theAuthorityGrantsRolesAndTheBrandsPrefix() {
        final List<String> bootstrap = new ArrayList<>();
        try {
            authority.submit("BootstrapAuthority");
            bootstrap.add("bootstrapped");
        } catch (AssertionError e) {
            // a network resumed from an earlier run already has its authority
            assertThat(e.getMessage()).contains("ALREADY_BOOTSTRAPPED");
        }
        authority.submit("GrantRole", "BrandMSP", "MANUFACTURER");
        authority.submit("GrantRole", "RetailMSP", "RETAILER");
        authority.submit("GrantRole", "PoliceMSP", "POLICE");
        if (!authority.evaluate("GetOrganisation", "BrandMSP").get("prefixes").toString().contains("9520123")) {
            authority.submit("AssignPrefix", "BrandMSP", "9520123");
        }
        final JsonNode org = brand.evaluate("GetOrganisation", "BrandMSP");
        assertThat(org.get("roles").toString()).contains("MANUFACTURER");
        assertThat(org.get("prefixes").toString()).contains("9520123");
        assertThat(retail.refusedCode(Map.of(), "GrantRole", "RetailMSP", "MANUFACTURER")).isEqualTo("NOT_AUTHORISED");
    }

    @Test
    @Order(2)
    void theBrandRegistersAKeyAModelAndABatchOfSignedItems() {
        brand.submit("RegisterKey", pem(brandKey));
        try {
            brand.submit("RegisterProduct", GTIN, "Trail watch", "24", "GS1");
        } catch (AssertionError e) {
            assertThat(e.getMessage()).contains("PRODUCT_EXISTS");
        }
        final List<Map<String, String>> batch = new ArrayList<>();
        for (String serial : serials) {
            final String signature = sign("(01)" + GTIN + "(10)" + lot + "(21)" + serial);
            signatures.put(serial, signature);
            batch.add(Map.of("gtin", GTIN, "serial", serial, "lot", lot));
        }
        // the signatures are the brand's secret: transient data, which Fabric's gateway hands to no
        // organisation outside the brand's own collection unless the client names the endorsers
        final Map<String, byte[]> secrets = Map.of("signatures",
                json(List.copyOf(signatures.values())).getBytes(StandardCharsets.UTF_8));
        assertThat(brand.refusedEndorsement(secrets, "RegisterItems", json(batch)))
                .contains("not in the distribution policy of the private data collection");
        final JsonNode registered = brand.submitEndorsedBy(List.of("BrandMSP", "PoliceMSP"), secrets, "RegisterItems",
                json(batch));
        registrationTx = registered.get("txId").asString();
        System.out.printf("registered %d items of lot %s, first: GetItem %s %s%n", BATCH, lot, GTIN, first());

        final JsonNode genuine = police.evaluate("Verify", "(01)" + GTIN + "(21)" + first(), signatures.get(first()));
        assertThat(genuine.get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(genuine.get("manufacturer").asString()).isEqualTo("BrandMSP");
        assertThat(genuine.get("lot").asString()).isEqualTo(lot);
        assertThat(genuine.get("proof").get("txId").asString()).matches("[0-9a-f]{64}");
        assertThat(verdict(serials.get(1), signatures.get(first()))).isEqualTo("SIGNATURE_INVALID");
        assertThat(verdict(run + "-NONE", "")).isEqualTo("UNREGISTERED");
    }

    @Test
    @Order(3)
    void aSignatureIsInNoBlockAndInNoPublicStateOnlyOnTheBrandsOwnPeers() {
        final String signature = signatures.get(first());
        final JsonNode label = brand.evaluate("GetLabels", json(List.of(Map.of("gtin", GTIN, "serial", first())))).get(0);
        assertThat(label.get("signature").asString()).as("read from the brand's own private collection").isEqualTo(signature);
        assertThat(label.get("elementString").asString()).isEqualTo("(01)" + GTIN + "(10)" + lot + "(21)" + first());
        for (Member other : List.of(retail, police)) {
            assertThat(other.refusedQueryCode("GetLabels", json(List.of(Map.of("gtin", GTIN, "serial", first())))))
                    .isEqualTo("NOT_AUTHORISED");
            assertThat(other.evaluate("GetItem", GTIN, first()).toString()).doesNotContain(signature)
                    .contains("signatureDigest");
            final String block = new String(other.blockOf(network.env("retail").get("ST_CHANNEL"), registrationTx),
                    StandardCharsets.ISO_8859_1);
            assertThat(block).as("the registration's block, as %s's peer stores it", other.mspId)
                    .contains(first()).doesNotContain(signature)
                    .doesNotContain(new String(Base64.getUrlDecoder().decode(signature), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    @Order(3)
    void retailCannotRegisterItemsUnderTheBrandsPrefix() {
        final String serial = run + "-FAKE";
        final String item = json(List.of(Map.of("gtin", GTIN, "serial", serial)));
        final Map<String, byte[]> secrets = Map.of("signatures",
                json(List.of(sign("(01)" + GTIN + "(21)" + serial))).getBytes(StandardCharsets.UTF_8));
        assertThat(retail.refusedCode(secrets, "RegisterItems", item)).isEqualTo("NOT_AUTHORISED");
        assertThat(verdict(serial, "")).isEqualTo("UNREGISTERED");
    }

    @Test
    @Order(4)
    void aTransactionEndorsedByOneOrganisationIsRejectedAtCommit() throws Exception {
        final var proposal = brand.contract.newProposal("RegisterProduct")
                .addArguments(NEVER_REGISTERED_GTIN, "Lone wolf", "12", "GS1")
                .setEndorsingOrganizations("BrandMSP")
                .build();
        final CommitException rejected = catchThrowableOfType(CommitException.class, () -> proposal.endorse().submit());
        assertThat(rejected).as("one organisation's endorsement must not satisfy the policy").isNotNull();
        assertThat(rejected.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(brand.refusedQueryCode("GetProduct", NEVER_REGISTERED_GTIN)).isEqualTo("PRODUCT_NOT_FOUND");
    }

    @Test
    @Order(5)
    void theBrandShipsToRetailWhichReceivesAndSellsToAConsumer() {
        final String shipment = refs(serials.subList(0, 10));
        brand.submit("ShipItems", shipment, "RetailMSP");
        assertThat(retail.evaluate("GetItem", GTIN, first()).get("status").asString()).isEqualTo("IN_TRANSIT");
        retail.submit("ReceiveItems", shipment);
        final JsonNode received = retail.evaluate("GetItem", GTIN, first());
        assertThat(received.get("status").asString()).isEqualTo("IN_STOCK");
        assertThat(received.get("custodian").asString()).isEqualTo("RetailMSP");
        assertThat(brand.refusedCode(Map.of(), "SellItem", GTIN, serials.get(1), commit("x"))).isEqualTo("NOT_CUSTODIAN");

        retail.submit("SellItem", GTIN, first(), commit("first-owner-code"));
        final JsonNode sold = police.evaluate("Verify", "(01)" + GTIN + "(21)" + first(), signatures.get(first()));
        assertThat(sold.get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(sold.get("owners").asInt()).isEqualTo(1);
        assertThat(sold.get("warranty").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(sold.has("firstSoldAt")).isTrue();
    }

    @Test
    @Order(6)
    void theConsumerTransfersOwnershipAndTheOldSecretStopsWorking() {
        // the consumer is no Fabric member: the shop's application submits with the secret as transient data
        retail.submitWith(secret("first-owner-code"), "TransferOwnership", GTIN, first(), commit("second-owner-code"));
        assertThat(police.evaluate("Verify", "(01)" + GTIN + "(21)" + first(), "").get("owners").asInt()).isEqualTo(2);
        assertThat(retail.refusedCode(secret("first-owner-code"), "TransferOwnership", GTIN, first(), commit("thief")))
                .isEqualTo("OWNER_PROOF_INVALID");
    }

    @Test
    @Order(7)
    void theOwnerLeavesContactDetailsThatOnlyThePoliceRead() {
        final Map<String, byte[]> data = new LinkedHashMap<>(secret("second-owner-code"));
        data.put("contact", "{\"email\":\"owner@example.org\",\"salt\":\"c2FsdC1zYWx0LXNhbHQtc2FsdA\"}".getBytes(StandardCharsets.UTF_8));
        retail.submitWith(data, "SetOwnerContact", GTIN, first());
        assertThat(police.evaluate("GetOwnerContact", GTIN, first()).get("email").asString()).isEqualTo("owner@example.org");
        assertThat(retail.refusedQueryCode("GetOwnerContact", GTIN, first())).isEqualTo("NOT_AUTHORISED");
        assertThat(police.evaluate("Verify", "(01)" + GTIN + "(21)" + first(), "").toString()).doesNotContain("owner@example.org");
    }

    @Test
    @Order(8)
    void theftIsReportedThenThePoliceCheckAndClearIt() {
        // the street address and the report number travel as transient data into the private collection
        final Map<String, byte[]> report = new LinkedHashMap<>(secret("second-owner-code"));
        report.put("theftDetails", ("{\"place\":\"12 Rue Garibaldi, Lyon\",\"policeReport\":\"LY-2026-118\","
                + "\"salt\":\"c2FsdC1zYWx0LXNhbHQtc2FsdA\"}").getBytes(StandardCharsets.UTF_8));
        retail.submitWith(report, "ReportTheft", GTIN, first(), "{\"date\":\"2026-11-20\"}");
        final JsonNode stolen = police.evaluate("Verify", "(01)" + GTIN + "(21)" + first(), signatures.get(first()));
        assertThat(stolen.get("verdict").asString()).isEqualTo("STOLEN");
        assertThat(stolen.get("theft").get("date").asString()).isEqualTo("2026-11-20");
        for (JsonNode publicState : List.of(stolen, retail.evaluate("GetItem", GTIN, first()),
                brand.evaluate("GetItemHistory", GTIN, first()))) {
            assertThat(publicState.toString()).as("public state").doesNotContain("Garibaldi").doesNotContain("LY-2026-118");
        }
        assertThat(police.evaluate("GetTheftReport", GTIN, first()).get("place").asString()).isEqualTo("12 Rue Garibaldi, Lyon");
        final JsonNode check = police.evaluate("CheckSerials", json(List.of(Map.of("gtin", GTIN, "serial", first()))));
        assertThat(check.get(0).get("matches").get(0).get("stolen").asBoolean()).isTrue();
        assertThat(check.get(0).get("matches").get(0).get("theft").has("policeReport")).as("a check reads public state only")
                .isFalse();
        final JsonNode reports = police.evaluate("GetTheftReports", json(List.of(Map.of("gtin", GTIN, "serial", first()))));
        assertThat(reports.get(0).get("theft").get("policeReport").asString()).isEqualTo("LY-2026-118");
        // a worn label: the search for look-alike serials needs the index that only an api's read model keeps,
        // so a peer refuses it rather than answer that nothing is close
        final String worn = first().replace('0', 'O').replace('1', 'I');
        assertThat(police.refusedQueryCode("FindCloseSerials", worn)).isEqualTo("SEARCH_INDEX_UNAVAILABLE");
        assertThat(retail.refusedCode(secret("second-owner-code"), "TransferOwnership", GTIN, first(), commit("fence")))
                .isEqualTo("ITEM_STOLEN");

        police.submit("ClearTheft", GTIN, first(), "recovered at a pawn shop");
        assertThat(verdict(first(), signatures.get(first()))).isEqualTo("GENUINE");
    }

    @Test
    @Order(9)
    void theWarrantyIsActiveFromTheSale() {
        final JsonNode warranty = police.evaluate("GetWarranty", GTIN, first()).get("warranty");
        assertThat(warranty.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(warranty.get("until").asString()).isGreaterThan(warranty.get("from").asString());
    }

    @Test
    @Order(10)
    void aRecallByLotReachesEveryItemOfTheLot() {
        brand.submit("IssueRecall", json(Map.of("gtin", GTIN, "lot", lot)), "Strap pin may fail");
        for (String serial : List.of(first(), serials.get(BATCH - 1))) {
            final JsonNode recalled = police.evaluate("Verify", "(01)" + GTIN + "(21)" + serial, signatures.get(serial));
            assertThat(recalled.get("verdict").asString()).isEqualTo("RECALLED");
            assertThat(recalled.get("recalls").toString()).contains("Strap pin may fail");
        }
        assertThat(brand.refusedQueryCode("ListItemsByLot", GTIN, lot, "100", "")).as("lists by lot are the read model's")
                .isEqualTo("SEARCH_INDEX_UNAVAILABLE");
    }

    @Test
    @Order(11)
    void theHistoryReadsBackEveryHandOver() {
        final List<String> events = new ArrayList<>();
        police.evaluate("GetItemHistory", GTIN, first())
                .forEach(entry -> events.add(entry.get("item").get("lastEvent").get("type").asString()));
        assertThat(events).containsExactly("REGISTERED", "SHIPPED", "RECEIVED", "SOLD", "TRANSFERRED", "STOLEN", "RECOVERED");
    }

    @Test
    @Order(12)
    void fabricsOwnPeerCliReadsTheContractsMetadataAndAnItemOfThisRun() {
        final JsonNode metadata = Member.JSON.readTree(network.peerCli("brand", "chaincode", "query",
                "--ctor", "{\"Args\":[\"org.hyperledger.fabric:GetMetadata\"]}"));
        final List<String> transactions = new ArrayList<>();
        metadata.get("contracts").get("SerialTrust").get("transactions")
                .forEach(tx -> transactions.add(tx.get("name").asString()));
        assertThat(transactions).contains("RegisterItems", "Verify", "ShipItems", "ReportTheft", "GetItemHistory");

        final JsonNode item = Member.JSON.readTree(network.peerCli("brand", "chaincode", "query",
                "--ctor", "{\"Args\":[\"GetItem\",\"" + GTIN + "\",\"" + first() + "\"]}"));
        assertThat(item.get("serial").asString()).isEqualTo(first());
        assertThat(item.get("lot").asString()).isEqualTo(lot);
    }

    // --- helpers

    private String first() {
        return serials.get(0);
    }

    private String verdict(final String serial, final String signature) {
        return police.evaluate("Verify", "(01)" + GTIN + "(21)" + serial, signature).get("verdict").asString();
    }

    private static Map<String, byte[]> secret(final String secret) {
        return Map.of("ownerSecret", secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The commitment to a secret, as the README specifies it: scrypt (N=16384, r=8, p=1) with a fresh salt. */
    private static String commit(final String secret) {
        final byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        final byte[] hash = org.bouncycastle.crypto.generators.SCrypt.generate(secret.getBytes(StandardCharsets.UTF_8), salt,
                16384, 8, 1, 32);
        final Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "scrypt:" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    private static String refs(final List<String> serials) {
        return json(serials.stream().map(serial -> Map.of("gtin", GTIN, "serial", serial)).toList());
    }

    private static String json(final Object value) {
        return Member.JSON.writeValueAsString(value);
    }

    private static KeyPair p256() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(final KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** What a brand's signing tool does: ECDSA P-256 over the canonical element string, r‖s, base64url. */
    private String sign(final String elementString) {
        try {
            final Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(brandKey.getPrivate());
            signer.update(elementString.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
