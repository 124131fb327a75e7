package com.serialtrust.chaincode;

import org.hyperledger.fabric.contract.ContractRouter;

/**
 * Starts the chaincode. With {@code CHAINCODE_SERVER_ADDRESS} set it runs as a server that the peer
 * dials (chaincode as a service); otherwise it dials the peer at {@code CORE_PEER_ADDRESS}.
 * {@code CORE_CHAINCODE_ID_NAME} names the installed package.
 */
public final class ChaincodeMain {

    private ChaincodeMain() {}

    public static void main(final String[] args) throws Exception {
        ContractRouter.main(args);
    }
}
