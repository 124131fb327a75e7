package com.serialtrust.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Serializer;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.execution.JSONTransactionSerializer;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.RoutingRegistry;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.TypeRegistry;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;
import org.hyperledger.fabric.contract.routing.impl.SerializerRegistryImpl;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.Test;

/** The listed contracts route, answer and refuse exactly as Fabric's contract router, which scans for them. */
class ListedContractsTest {

    private static final SimIdentity CALLER = SimIdentities.issue("OrgMSP", "client", "caller");
    private static final List<Class<? extends ContractInterface>> CONTRACTS = List.of(ShopContract.class, AuditContract.class);

    @Test
    void holdsTheSameRoutesAsTheRoutersScanOfTheClassPath() {
        final RoutingRegistryImpl scanned = new RoutingRegistryImpl();
        scanned.findAndSetContracts(TypeRegistry.getRegistry());
        final List<String> routes = routes(ListedContracts.of(CONTRACTS).registry());
        assertThat(routes).isEqualTo(routes(scanned))
                .anyMatch(r -> r.startsWith("Shop default=true"))
                .anyMatch(r -> r.startsWith("org.hyperledger.fabric "))
                .anyMatch(r -> r.contains("Restock SUBMIT")); // declared on an interface the contract implements
    }

    @Test
    void servesEveryTransactionWithTheSerializerTheRoutersScanFinds() throws Exception {
        final SerializerRegistryImpl scanned = new SerializerRegistryImpl();
        scanned.findAndSetContents();
        final String json = JSONTransactionSerializer.class.getCanonicalName();
        assertThat(new ListedContracts.JsonOnly().getSerializer(json, Serializer.TARGET.TRANSACTION))
                .isInstanceOf(scanned.getSerializer(json, Serializer.TARGET.TRANSACTION).getClass());
        assertThat(new ListedContracts.JsonOnly().getSerializer("com.example.Other", Serializer.TARGET.TRANSACTION))
                .isNull();
        assertThat(scanned.getSerializer("com.example.Other", Serializer.TARGET.TRANSACTION)).isNull();
    }

    @Test
    void answersAndRefusesEveryKindOfCallAsTheRouterDoes() throws Exception {
        final Chaincode listed = SimLedger.contractRouter(ShopContract.class, AuditContract.class);
        final Chaincode router = new ContractRouter(new String[] {"--id", "listed-test"});
        ((ContractRouter) router).startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {
                // in-process: nothing to start
            }

            @Override
            public void stop() {
                // nothing was started
            }
        });
        final List<List<String>> calls = List.of(List.of("Price", "tea"), List.of("Shop:Price", "tea"),
                List.of("Restock", "tea", "3"), List.of("Audit:Count"), List.of("Price", "gold"),
                List.of("Price"), List.of("Steal", "tea"), List.of("Nowhere:Price", "tea"), List.of(),
                List.of("org.hyperledger.fabric:GetMetadata"));
        for (List<String> call : calls) {
            assertThat(answer(listed, call)).as("%s", call).isEqualTo(answer(router, call));
        }
        assertThat(answer(listed, List.of("Price", "tea"))).isEqualTo("200 null 4");
        assertThat(answer(listed, List.of("Price", "gold"))).startsWith("500 no price for gold NO_PRICE");
        assertThat(answer(listed, List.of("Steal", "tea"))).startsWith("500 Undefined contract method called");
    }

    private static String answer(final Chaincode chaincode, final List<String> call) {
        final SimulatedStub stub = new SimulatedStub(new InMemoryWorldState(), "ch", "tx1", Instant.EPOCH, CALLER,
                call, Map.of());
        final Chaincode.Response response = chaincode.invoke(stub);
        final byte[] payload = response.getPayload() == null ? new byte[0] : response.getPayload();
        return response.getStatusCode() + " " + response.getMessage() + " " + new String(payload, UTF_8);
    }

    /** Every contract, its flags and each transaction's method, intent and schemas, in a fixed order. */
    private static List<String> routes(final RoutingRegistry registry) {
        final List<String> routes = new ArrayList<>();
        for (ContractDefinition contract : registry.getAllDefinitions()) {
            final TreeSet<String> functions = new TreeSet<>();
            for (TxFunction function : contract.getTxFunctions()) {
                functions.add(function.getName() + " " + function.getType() + " " + function.getRouting().getMethod()
                        + " returns " + function.getReturnSchema() + " takes " + function.getParamsList().stream()
                        .map(p -> p.getName() + ":" + p.getSchema()).toList());
            }
            routes.add(contract.getName() + " default=" + contract.isDefault() + " " + contract.getContractImpl().getName()
                    + " " + functions);
        }
        routes.sort(null);
        return routes;
    }

    /** A transaction declared on an interface, as the SerialTrust contract declares most of its own. */
    public interface Stock {
        @Transaction(intent = Transaction.TYPE.SUBMIT)
        default String Restock(final Context ctx, final String good, final int count) {
            return good + "+" + count;
        }
    }

    @Contract(name = "Shop")
    @Default
    public static final class ShopContract implements ContractInterface, Stock {
        @Transaction(intent = Transaction.TYPE.EVALUATE)
        public int Price(final Context ctx, final String good) {
            if (!"tea".equals(good)) {
                throw new ChaincodeException("no price for " + good, "NO_PRICE");
            }
            return 4;
        }

        /** Not a transaction: no annotation. */
        public String Steal(final Context ctx, final String good) {
            return good;
        }
    }

    @Contract(name = "Audit")
    public static final class AuditContract implements ContractInterface {
        @Transaction(intent = Transaction.TYPE.EVALUATE)
        public String Count(final Context ctx) {
            return "0";
        }
    }
}
