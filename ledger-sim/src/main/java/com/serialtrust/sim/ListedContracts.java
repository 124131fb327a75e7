package com.serialtrust.sim;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Serializer;
import org.hyperledger.fabric.contract.execution.ExecutionFactory;
import org.hyperledger.fabric.contract.execution.ExecutionService;
import org.hyperledger.fabric.contract.execution.InvocationRequest;
import org.hyperledger.fabric.contract.execution.JSONTransactionSerializer;
import org.hyperledger.fabric.contract.execution.SerializerInterface;
import org.hyperledger.fabric.contract.metadata.MetadataBuilder;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.RoutingRegistry;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.TypeRegistry;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;
import org.hyperledger.fabric.contract.routing.impl.SerializerRegistryImpl;
import org.hyperledger.fabric.contract.systemcontract.SystemContract;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;

/**
 * Fabric's contract routing over a named list of contracts: the shim's own registry, execution service and
 * JSON serializer, assembled as its {@code ContractRouter} assembles them, without the two scans of the whole
 * class path with which the router finds its contracts and serializers.
 *
 * <p>Why: in the api those scans read every class of its 180 jars, needed over 100 MB of heap at start (with
 * a 160 MB heap the api did not start) and took half of its start-up. A peer's chaincode server still runs
 * the router itself; {@code ListedContractsTest} holds the two to the same routes and answers.
 */
final class ListedContracts implements Chaincode {

    /** Built once per list of contracts: Fabric's metadata of a process is one static table. */
    private static final Map<List<Class<?>>, ListedContracts> BUILT = new ConcurrentHashMap<>();

    private final RoutingRegistry registry;
    private final ExecutionService executor = ExecutionFactory.getInstance().createExecutionService(new JsonOnly());

    private ListedContracts(final RoutingRegistry registry) {
        this.registry = registry;
    }

    static ListedContracts of(final List<Class<? extends ContractInterface>> contracts) {
        contracts.forEach(c -> Objects.requireNonNull(c, "contract"));
        return BUILT.computeIfAbsent(List.<Class<?>>copyOf(contracts), ListedContracts::build);
    }

    /** As the router's scan registers what it finds: each contract and its annotated methods, Fabric's own contract too. */
    @SuppressWarnings("unchecked")
    private static ListedContracts build(final List<Class<?>> contracts) {
        final Set<Class<?>> all = new LinkedHashSet<>(contracts);
        all.add(SystemContract.class);
        final RoutingRegistryImpl registry = new RoutingRegistryImpl();
        for (Class<?> contract : all) {
            final ContractDefinition definition = registry.addNewContract((Class<ContractInterface>) contract);
            for (Method method : contract.getMethods()) {
                if (method.getAnnotation(org.hyperledger.fabric.contract.annotation.Transaction.class) != null) {
                    definition.addTxFunction(method);
                }
            }
        }
        MetadataBuilder.initialize(registry, TypeRegistry.getRegistry());
        return new ListedContracts(registry);
    }

    RoutingRegistry registry() {
        return registry;
    }

    @Override
    public Response init(final ChaincodeStub stub) {
        return invoke(stub);
    }

    /** The router's request handling: no arguments succeed; an unknown function takes its contract's unknown route. */
    @Override
    public Response invoke(final ChaincodeStub stub) {
        try {
            if (stub.getStringArgs().isEmpty()) {
                return ResponseUtils.newSuccessResponse();
            }
            final InvocationRequest request = ExecutionFactory.getInstance().createRequest(stub);
            final TxFunction function = registry.containsRoute(request) ? registry.getTxFn(request)
                    : registry.getContract(request.getNamespace()).getUnknownRoute();
            return executor.executeRequest(function, request, stub);
        } catch (Throwable e) { // as the router: whatever a contract throws becomes an error response
            return ResponseUtils.newErrorResponse(e);
        }
    }

    /** The serializers the router's scan finds in the shim: its JSON serializer, the default of every transaction. */
    static final class JsonOnly extends SerializerRegistryImpl {
        private final SerializerInterface json = new JSONTransactionSerializer();

        @Override
        public SerializerInterface getSerializer(final String name, final Serializer.TARGET target) {
            return JSONTransactionSerializer.class.getCanonicalName().equals(name) && target == Serializer.TARGET.TRANSACTION
                    ? json : null;
        }
    }
}
