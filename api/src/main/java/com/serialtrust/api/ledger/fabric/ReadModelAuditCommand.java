package com.serialtrust.api.ledger.fabric;

import com.serialtrust.api.ledger.LedgerProperties;
import com.serialtrust.api.ledger.Organisation;
import java.nio.file.Path;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar serialtrust-api.jar audit-read-model [--setting=value ...]}: compares the read model
 * in the api's data folder with the public organisation's peer, key by key, with the api's own
 * settings (a running api may go on writing it). Prints each difference and a summary; exits 0 only
 * when the two hold the same keys with the same values.
 */
@EnableConfigurationProperties({FabricProperties.class, LedgerProperties.class})
public class ReadModelAuditCommand {

    /** Runs the audit with the api's settings and these arguments; the exit status. */
    public static int run(final String... args) throws InterruptedException {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(ReadModelAuditCommand.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            final FabricProperties fabric = settings.getBean(FabricProperties.class);
            final LedgerProperties ledger = settings.getBean(LedgerProperties.class);
            final Organisation org = ledger.require(ledger.publicOrganisation());
            final FabricProperties.Member member = fabric.organisations().get(org.name());
            if (member == null) {
                System.out.println("serialtrust.fabric.organisations has no connection for '" + org.name() + "'");
                return 2;
            }
            final Path dir = fabric.readModelDir(Path.of(settings.getEnvironment().getProperty("serialtrust.data-dir", "data")));
            final Connection peer = Connection.open(org, member, fabric);
            try (ReadModel model = new ReadModel(dir)) {
                final ReadModelAudit.Report report = ReadModelAudit.compare(model, peer,
                        BlockFollower.lastBlockOn(peer, fabric.channel()), 30_000);
                report.listed().forEach(d -> System.out.println("DIFFERENT: " + d));
                System.out.println(report);
                return report.intact() ? 0 : 1;
            } finally {
                peer.gateway().close();
                peer.channel().shutdownNow();
            }
        }
    }
}
