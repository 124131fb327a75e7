package com.serialtrust.api.ledger.sqlite;

import com.serialtrust.chaincode.SerialTrustContract;
import com.serialtrust.contract.ChaincodeSettings;
import com.serialtrust.sim.SimLedger;
import org.hyperledger.fabric.shim.Chaincode;

/** The contract as the peers' chaincode servers run it, with their settings, for a ledger in this process. */
public final class InProcessContract {

    private InProcessContract() {
    }

    /** The SerialTrust contract with the consortium's authority and the search index a SQLite state answers. */
    public static Chaincode of(final String authorityMspId) {
        return ChaincodeSettings.authority(authorityMspId).withSearchIndex()
                .around(SimLedger.contractRouter(SerialTrustContract.class));
    }
}
