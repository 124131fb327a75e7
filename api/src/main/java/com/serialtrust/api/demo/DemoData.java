package com.serialtrust.api.demo;

import com.serialtrust.contract.ItemInput;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.ManufacturerKey;
import com.serialtrust.chaincode.Role;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.Calls;
import com.serialtrust.api.theft.TheftReports;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.qr.QrProperties;
import com.serialtrust.api.security.ApiKeys;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.serialtrust.api.registry.ItemBatches;
import java.util.Properties;
import java.util.Set;
import com.serialtrust.contract.SerialCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The quick start's consortium on the embedded ledger: the authority grants roles and the GS1 prefix
 * 9520123, a demo brand registers its key, a watch model and a few signed items (one reported stolen),
 * and each organisation gets an API key, written to a file only its owner can read. Idempotent.
 */
@Component
@ConditionalOnProperty(name = "serialtrust.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String GTIN = "09520123456788";
    static final String PREFIX = "9520123";
    static final List<String> NUMBERS = List.of("0001", "0002", "0003", "0004");
    static final String STOLEN_NUMBER = "0004";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Chaincode ledger;
    private final LedgerProperties orgs;
    private final ApiKeys apiKeys;
    private final QrProperties qr;
    private final com.serialtrust.api.registry.SigningKeys signingKeys;
    private final Path dir;
    private final String prefix;
    private final com.serialtrust.api.qr.LabelService labelService;
    private final com.serialtrust.api.redis.Exclusive exclusive;

    DemoData(final Chaincode ledger, final LedgerProperties orgs, final ApiKeys apiKeys, final QrProperties qr,
            final com.serialtrust.api.registry.SigningKeys signingKeys,
            final com.serialtrust.api.qr.LabelService labelService,
            @Value("${serialtrust.data-dir}") final Path dataDir,
            @Value("${serialtrust.demo.serial-prefix:DEMO-}") final String prefix,
            final com.serialtrust.api.redis.Redis redis) {
        this.exclusive = new com.serialtrust.api.redis.Exclusive(redis);
        this.signingKeys = signingKeys;
        this.labelService = labelService;
        this.prefix = prefix;
        this.ledger = ledger;
        this.orgs = orgs;
        this.apiKeys = apiKeys;
        this.qr = qr;
        this.dir = dataDir.resolve("demo");
    }

    @Override
    public void run(final ApplicationArguments args) {
        // replicas sharing a Redis seed one after another, so the ledger is seeded once
        exclusive.run("demo-seeding", java.time.Duration.ofMinutes(2), afterAnother -> {
            seed(afterAnother);
            return null;
        });
    }

    private void seed(final boolean afterAnother) {
        final Path keys = apiKeyFile(); // first: staff keys work as soon as the server answers
        final Organisation brand = orgs.require("brand");
        final KeyPair key = brandKey();
        // the demo brand's api signs labels for its staff (CSV imports without a signature column)
        signingKeys.put(brand, (ECPrivateKey) key.getPrivate());
        // after another replica's seeding, this one's reads may lag behind its writes for a moment
        if (seeded(brand, afterAnother ? 20 : 1)) {
            LOG.info("demo: on the ledger already (seeded by another replica, or an earlier start)");
            tolerate(() -> registerKey(brand, key), ErrorCode.KEY_EXISTS);
        } else {
            seedLedger(brand, key);
            LOG.info("demo: seeded the ledger");
        }
        // the labels as the ledger holds them: after a restart, a fresh signature would not be the registered one
        final Map<String, String> labels = new LinkedHashMap<>();
        for (String number : NUMBERS) {
            labels.put(prefix + number, labelService.uri(brand, GTIN, prefix + number).block());
        }
        print(labels, keys);
    }

    /** Whether every demo item is on the ledger, the brand's: asked up to {@code tries} times, half a second apart. */
    private boolean seeded(final Organisation brand, final int tries) {
        final List<SerialCheck> checks = NUMBERS.stream().map(n -> new SerialCheck(Optional.of(GTIN), prefix + n)).toList();
        for (int i = 0; i < tries; i++) {
            java.util.concurrent.locks.LockSupport.parkNanos(i == 0 ? 0 : 500_000_000L);
            try {
                if (ledger.query(brand, Calls.checkSerials(checks)).block().stream()
                        .allMatch(r -> r.matches().stream().anyMatch(m -> m.manufacturer().equals(brand.mspId())))) {
                    return true;
                }
            } catch (LedgerRefusal notYetAManufacturer) {
                // a new ledger: the brand has no role yet to ask with
            }
        }
        return false;
    }

    private void seedLedger(final Organisation brand, final KeyPair key) {
        final Organisation authority = orgs.require(orgs.authority());
        tolerate(() -> submit(authority, Calls.bootstrapAuthority()), ErrorCode.ALREADY_BOOTSTRAPPED);
        submit(authority, Calls.grantRole(brand.mspId(), Role.MANUFACTURER));
        orgs.organisation("retail").ifPresent(o -> submit(authority, Calls.grantRole(o.mspId(), Role.RETAILER)));
        orgs.organisation("police").ifPresent(o -> submit(authority, Calls.grantRole(o.mspId(), Role.POLICE)));
        orgs.organisation("service").ifPresent(o -> submit(authority, Calls.grantRole(o.mspId(), Role.SERVICE)));
        tolerate(() -> submit(authority, Calls.assignPrefix(brand.mspId(), PREFIX)), ErrorCode.PREFIX_TAKEN);
        tolerate(() -> registerKey(brand, key), ErrorCode.KEY_EXISTS);
        tolerate(() -> submit(brand, Calls.registerProduct(GTIN, "Trail watch", 24, "GS1")), ErrorCode.PRODUCT_EXISTS);

        final List<ItemInput> batch = new ArrayList<>();
        for (String number : NUMBERS) {
            final String serial = prefix + number;
            final String signature = sign(key.getPrivate(), ElementString.of(Gtin.parse(GTIN), serial).canonical());
            batch.add(new ItemInput(GTIN, serial, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(signature), Optional.empty()));
        }
        final boolean fresh = tolerate(() -> ItemBatches.register(ledger, brand, batch).block(), ErrorCode.ITEM_EXISTS);
        if (fresh) {
            submit(brand, Calls.reportTheft(new ItemRef(GTIN, prefix + STOLEN_NUMBER), TheftReports.publicPart("2026-01-15"),
                    TheftReports.privatePart("Demo warehouse", null)));
        }
    }

    private void print(final Map<String, String> labels, final Path keys) {
        final StringBuilder out = new StringBuilder("\n  SerialTrust demo is ready. Verify a label:\n");
        labels.forEach((serial, uri) -> out.append("    ").append(serial.endsWith(STOLEN_NUMBER) ? "stolen:  " : "genuine: ")
                .append(uri).append('\n'));
        out.append("    unknown: ").append(qr.resolverBase()).append("/01/").append(GTIN).append("/21/NOT-REGISTERED\n");
        out.append("  e.g. curl -H 'Accept: application/json' '").append(labels.values().iterator().next()).append("'\n");
        out.append("  Staff API keys, one per organisation: ").append(keys).append('\n');
        System.out.println(out);
    }

    /** A key per organisation, made once; the file holds the keys, the api holds only their hashes. */
    private Path apiKeyFile() {
        final Path file = dir.resolve("api-keys.properties");
        try {
            final Properties keys = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file)) {
                    keys.load(in);
                }
            }
            boolean changed = false;
            for (String org : orgs.organisations().keySet()) {
                if (!keys.containsKey(org)) {
                    keys.setProperty(org, ApiKeys.generate());
                    changed = true;
                }
                apiKeys.add(ApiKeys.hash(keys.getProperty(org)), "demo-" + org, org);
            }
            if (changed) {
                writePrivate(file, out -> keys.store(out, "SerialTrust demo API keys: Authorization: Bearer <key>"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KeyPair brandKey() {
        final Path file = dir.resolve("brand-signing-key.pk8");
        try {
            final KeyFactory ec = KeyFactory.getInstance("EC");
            if (Files.exists(file)) {
                final PrivateKey priv = ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                        .decode(Files.readString(file).strip())));
                final Path pub = dir.resolve("brand-signing-key.pub");
                final PublicKey publicKey = ec.generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                        .decode(Files.readString(pub).strip())));
                return new KeyPair(publicKey, (ECPrivateKey) priv);
            }
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            final KeyPair pair = generator.generateKeyPair();
            writePrivate(file, out -> out.write(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                    .getBytes(StandardCharsets.US_ASCII)));
            Files.writeString(dir.resolve("brand-signing-key.pub"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static void writePrivate(final Path file, final Writer writer) throws IOException {
        Files.createDirectories(file.getParent());
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(Set.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        try (var out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String sign(final PrivateKey key, final String elementString) {
        try {
            final Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update(elementString.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers the demo brand's key. A demo network that outlives its data folders (the tests' and the
     * benchmarks') collects a key per folder; at the contract's limit of active keys the oldest is
     * revoked first. Items it signed stay genuine: a revocation voids nothing registered before it.
     */
    private void registerKey(final Organisation brand, final KeyPair key) {
        final Call<?> register = Calls.registerKey(Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        try {
            submit(brand, register);
        } catch (LedgerRefusal refusal) {
            if (!refusal.is(ErrorCode.LIMIT_EXCEEDED)) {
                throw refusal;
            }
            final ManufacturerKey oldest = ledger.query(brand, Calls.listKeys(brand.mspId())).block().stream()
                    .filter(k -> k.status() == ManufacturerKey.Status.ACTIVE)
                    .min(java.util.Comparator.comparing(ManufacturerKey::registeredAt)).orElseThrow(() -> refusal);
            LOG.info("demo: the brand holds the most active keys the contract allows; revoking the oldest, {}", oldest.keyId());
            submit(brand, Calls.revokeKey(oldest.keyId()));
            submit(brand, register);
        }
    }

    private void submit(final Organisation as, final Call<?> call) {
        ledger.submit(as, call).block();
    }

    /** Runs a step; a refusal with {@code alreadyDone} means an earlier start did it. */
    private static boolean tolerate(final Runnable step, final ErrorCode alreadyDone) {
        try {
            step.run();
            return true;
        } catch (LedgerRefusal e) {
            if (!e.is(alreadyDone)) {
                throw e;
            }
            LOG.debug("demo: {} already done", alreadyDone);
            return false;
        }
    }
}
