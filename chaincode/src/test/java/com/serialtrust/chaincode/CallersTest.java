package com.serialtrust.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serialtrust.sim.SimIdentities;
import com.serialtrust.sim.SimIdentity;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractRuntimeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.Test;

class CallersTest {

    /** A stub with only a creator, as a peer gives it: a serialized identity with a PEM certificate. */
    private static ChaincodeStub stubOf(final byte[] creator) {
        return (ChaincodeStub) Proxy.newProxyInstance(CallersTest.class.getClassLoader(), new Class<?>[] {ChaincodeStub.class},
                (proxy, method, args) -> "getCreator".equals(method.getName()) ? creator.clone() : null);
    }

    @Test
    void aCallerIsTheSameAsInFabricsOwnContextWhetherSeenFirstOrAgain() throws Exception {
        final SimIdentity admin = SimIdentities.issue("BrandMSP", "admin", "Admin");
        final ChaincodeStub stub = stubOf(admin.serialize());
        final ClientIdentity fabrics = new Context(stub).getClientIdentity();
        for (int time = 0; time < 2; time++) {
            final Context context = Callers.context(stub);
            assertThat(context.getStub()).as("the transaction's own stub").isSameAs(stub);
            assertThat(context.getStub().getCreator()).as("the creator as the peer gave it, PEM")
                    .isEqualTo(admin.serialize());
            final ClientIdentity caller = context.getClientIdentity();
            assertThat(caller.getMSPID()).isEqualTo("BrandMSP").isEqualTo(fabrics.getMSPID());
            assertThat(caller.getId()).isEqualTo(fabrics.getId());
            assertThat(caller.getX509Certificate()).isEqualTo(fabrics.getX509Certificate());
            assertThat(caller.getX509Certificate().getSubjectX500Principal().getName()).contains("OU=admin");
        }
    }

    @Test
    void twoCallersOfOneOrganisationAreTwoIdentities() {
        final SimIdentity admin = SimIdentities.issue("BrandMSP", "admin", "Admin");
        final SimIdentity client = SimIdentities.issue("BrandMSP", "client", "Clerk");
        final ClientIdentity first = Callers.context(stubOf(admin.serialize())).getClientIdentity();
        final ClientIdentity second = Callers.context(stubOf(client.serialize())).getClientIdentity();
        assertThat(first.getId()).isNotEqualTo(second.getId());
        assertThat(second.getX509Certificate().getSubjectX500Principal().getName()).contains("OU=client")
                .doesNotContain("OU=admin");
    }

    @Test
    void aCreatorWithoutACertificateIsRefusedAsFabricRefusesIt() {
        final byte[] garbage = "not a serialized identity".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Context(stubOf(garbage))).isInstanceOf(ContractRuntimeException.class);
        assertThatThrownBy(() -> Callers.context(stubOf(garbage))).isInstanceOf(ContractRuntimeException.class)
                .hasMessage("Could not create new client identity");
        assertThat(Callers.derCreator(garbage)).isNull();
    }
}
