package com.serialtrust.sim;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real X.509 member certificates for the in-process ledger, issued by a per-organisation CA the way
 * cryptogen makes them, with the Fabric NodeOU ({@code client} or {@code admin}) in the subject.
 * Needs Bouncy Castle's PKIX library on the class path.
 */
public final class SimIdentities {

    private static final AtomicLong SERIALS = new AtomicLong(1);

    private SimIdentities() {}

    /** A member of {@code mspId} with the NodeOU {@code nodeOu}, named {@code name}. */
    public static SimIdentity issue(final String mspId, final String nodeOu, final String name) {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(nodeOu, "nodeOu");
        Objects.requireNonNull(name, "name");
        try {
            final KeyPair ca = p256();
            final KeyPair member = p256();
            final X500Name issuer = new X500Name("CN=ca." + mspId.toLowerCase() + ",O=" + mspId);
            final X500Name subject = new X500Name("CN=" + name + ",OU=" + nodeOu + ",O=" + mspId);
            final Instant now = Instant.now();
            final X509CertificateHolder cert = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.getAndIncrement()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, member.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate()));
            final StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(cert);
            }
            return new SimIdentity(mspId, pem.toString());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not issue a certificate for " + mspId, e);
        }
    }

    private static KeyPair p256() throws GeneralSecurityException {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
