package com.serialtrust.chaincode;

import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Starts the chaincode. With {@code CHAINCODE_SERVER_ADDRESS} set it runs as a server that the peer
 * dials (chaincode as a service); otherwise it dials the peer at {@code CORE_PEER_ADDRESS}.
 * {@code CORE_CHAINCODE_ID_NAME} names the installed package.
 *
 * <p>A server with TLS ({@code CORE_PEER_TLS_ENABLED}) requires its peer's client certificate, issued
 * by the CA in {@link #CLIENT_CA}, and does not start without that file: otherwise anyone who reaches
 * the port could drive the contract as if it were the peer, with state and identities of its making.
 */
public final class ChaincodeMain {

    /** The CA file that the peer's TLS client certificate must chain to. */
    static final String CLIENT_CA = "CHAINCODE_TLS_CLIENT_CACERT_FILE";

    private ChaincodeMain() {}

    public static void main(final String[] args) throws Exception {
        if (System.getenv("CHAINCODE_SERVER_ADDRESS") == null) {
            ContractRouter.main(args);
            return;
        }
        final ContractRouter router = new ContractRouter(args);
        final ChaincodeServerProperties server = router.getChaincodeServerConfig();
        if (server.isTlsEnabled()) {
            final String clientCa = System.getenv(CLIENT_CA);
            if (clientCa == null || clientCa.isBlank() || !new java.io.File(clientCa).isFile()) {
                throw new IllegalStateException("a chaincode server with TLS requires its peer's client certificate: set "
                        + CLIENT_CA + " to the file of the CA that issues it");
            }
            // the shim's own start has no switch for this: with a trust file, its server requires client certificates
            server.setTrustCertCollectionFile(clientCa);
        }
        router.startRouterWithChaincodeServer(new NettyChaincodeServer(router, server));
    }
}
