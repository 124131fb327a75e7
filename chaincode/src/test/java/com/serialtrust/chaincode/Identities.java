package com.serialtrust.chaincode;

import com.serialtrust.chaincode.sim.SimIdentity;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Real X.509 identities for tests, issued by a per-organisation CA, as cryptogen would make them. */
final class Identities {

    private static final AtomicLong SERIALS = new AtomicLong(1);

    private Identities() {}

    /** A member of the organisation with the Fabric NodeOU role {@code client} or {@code admin}. */
    static SimIdentity issue(final String mspId, final String nodeOu, final String name) {
        try {
            final KeyPair ca = keyPair();
            final KeyPair member = keyPair();
            final X500Name issuer = new X500Name("CN=ca." + mspId.toLowerCase() + ",O=" + mspId);
            final X500Name subject = new X500Name("CN=" + name + ",OU=" + nodeOu + ",O=" + mspId);
            final Instant now = Instant.now();
            final X509CertificateHolder cert = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.getAndIncrement()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), subject, member.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate()));
            final StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(cert);
            }
            return new SimIdentity(mspId, pem.toString());
        } catch (Exception e) {
            throw new IllegalStateException("could not issue a test certificate", e);
        }
    }

    static KeyPair keyPair() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
