package com.serialtrust.api;

import com.serialtrust.api.ledger.embedded.LedgerAudit;
import com.serialtrust.api.ledger.fabric.ReadModelAuditCommand;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The SerialTrust api. {@code java -jar serialtrust-api.jar} serves it; {@code ... verify-ledger DIR}
 * checks an embedded ledger's hash chain and world state, and exits 0 only if both are intact;
 * {@code ... audit-read-model [--setting=value ...]} compares the Fabric read model with its peer
 * ({@link ReadModelAuditCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SerialTrustApplication {

    /**
     * Netty tracks one buffer in 128 for leaks, with a stack trace each: 3 % of the api's CPU for a
     * {@code /ping} ({@code bench/profile.sh ping}). One in 4,096 still finds a leak that repeats, at a
     * thirty-second of the cost; a {@code -D} setting of the same name wins, and tests keep Netty's default.
     */
    static final String LEAK_SAMPLING = "io.netty.leakDetection.samplingInterval";

    public static void main(final String[] args) {
        if (System.getProperty(LEAK_SAMPLING) == null) {
            System.setProperty(LEAK_SAMPLING, "4096");
        }
        if (args.length > 0 && "verify-ledger".equals(args[0])) {
            System.exit(verifyLedger(args.length > 1 ? Path.of(args[1]) : Path.of("data", "ledger")));
        }
        if (args.length > 0 && "audit-read-model".equals(args[0])) {
            try {
                System.exit(ReadModelAuditCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(2);
            }
        }
        SpringApplication.run(SerialTrustApplication.class, args);
    }

    static int verifyLedger(final Path dir) {
        final LedgerAudit.Report report = LedgerAudit.verify(dir);
        report.problems().forEach(problem -> System.out.println("BROKEN: " + problem));
        System.out.printf("%s: %d blocks, %d keys%n", report.intact() ? "intact" : "BROKEN", report.blocks(), report.keys());
        return report.intact() ? 0 : 1;
    }
}
