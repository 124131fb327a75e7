package com.serialtrust.bench;

import com.serialtrust.chaincode.SerialTrustContract;
import com.serialtrust.contract.ChaincodeSettings;
import com.serialtrust.sim.InMemoryWorldState;
import com.serialtrust.sim.SimIdentities;
import com.serialtrust.sim.SimIdentity;
import com.serialtrust.sim.SimLedger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * One RegisterItems transaction of a batch of signed items, through Fabric's contract router on the
 * in-process ledger (in memory: the chaincode's own cost, signature checks included, without disk).
 * Items per second = batch size ÷ time per transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegistrationBenchmark {

    private static final String GTIN = "09520123456788";
    private static final int POOL = 12_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param({"100", "500", "1000", "2000"})
    public int batch;

    private final SimIdentity authority = SimIdentities.issue("AuthorityMSP", "admin", "Admin");
    private final SimIdentity brand = SimIdentities.issue("BrandMSP", "client", "registrar");
    private String publicKey;
    private final List<Map<String, String>> pool = new ArrayList<>();
    private final List<String> signatures = new ArrayList<>();
    private SimLedger ledger;
    private int next;

    @Setup(Level.Trial)
    public void signPool() throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair key = generator.generateKeyPair();
        publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        final Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        for (int i = 0; i < POOL; i++) {
            final String serial = String.format("B%07d", i);
            signer.initSign(key.getPrivate());
            signer.update(("(01)" + GTIN + "(21)" + serial).getBytes(StandardCharsets.UTF_8));
            pool.add(Map.of("gtin", GTIN, "serial", serial));
            signatures.add(Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()));
        }
    }

    @Setup(Level.Iteration)
    public void freshLedger() {
        ledger = new SimLedger(ChaincodeSettings.authority("AuthorityMSP").around(SimLedger.contractRouter(SerialTrustContract.class)),
                new InMemoryWorldState(), "serialtrust", Clock.systemUTC());
        ok(authority, "BootstrapAuthority");
        ok(authority, "GrantRole", "BrandMSP", "MANUFACTURER");
        ok(authority, "AssignPrefix", "BrandMSP", "9520123");
        ok(brand, "RegisterKey", publicKey);
        ok(brand, "RegisterProduct", GTIN, "Bench watch", "24", "GS1");
        next = 0;
    }

    @Benchmark
    public int registerBatch() {
        if (next + batch > POOL) {
            freshLedger(); // rarely: the pool is used up; the cost of a new ledger is a few transactions
        }
        final String items = JSON.writeValueAsString(pool.subList(next, next + batch));
        // the signatures travel apart, as transient data, like the api sends them
        final Map<String, byte[]> secrets = Map.of("signatures", JSON.writeValueAsBytes(signatures.subList(next, next + batch)));
        next += batch;
        return okWith(secrets, brand, "RegisterItems", items).length;
    }

    private byte[] ok(final SimIdentity who, final String fn, final String... args) {
        return okWith(Map.of(), who, fn, args);
    }

    private byte[] okWith(final Map<String, byte[]> transientData, final SimIdentity who, final String fn,
            final String... args) {
        final SimLedger.Result result = ledger.submit(who, transientData, fn, args);
        if (!result.ok()) {
            throw new IllegalStateException(fn + " refused: " + result.message());
        }
        return result.payload();
    }
}
