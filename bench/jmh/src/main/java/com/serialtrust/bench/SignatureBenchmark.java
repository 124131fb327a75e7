package com.serialtrust.bench;

import com.serialtrust.crypto.P256;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One label signature check: the chaincode's (Bouncy Castle) against the JDK's SunEC, same key and label. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {

    private static final String LABEL = "(01)09520123456788(10)LOT7(21)SERIAL-000123";

    private P256.PublicKey key;
    private java.security.PublicKey jdkKey;
    private byte[] signature;

    @Setup
    public void setUp() throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair pair = generator.generateKeyPair();
        final Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(LABEL.getBytes(StandardCharsets.UTF_8));
        signature = signer.sign();
        jdkKey = pair.getPublic();
        key = P256.parsePublicKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    @Benchmark
    public boolean bouncyCastle() {
        return P256.verify(key, LABEL, signature);
    }

    @Benchmark
    public boolean jdkSunEc() throws Exception {
        final Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(jdkKey);
        verifier.update(LABEL.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }
}
