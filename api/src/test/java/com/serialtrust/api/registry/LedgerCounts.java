package com.serialtrust.api.registry;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.fabric.FabricLedger;
import com.serialtrust.api.ledger.fabric.FabricProperties;
import com.serialtrust.contract.Transaction;
import com.serialtrust.network.FabricNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the ledger itself holds of a test's imported rows, read through a ledger the test opens itself. */
final class LedgerCounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerCounts() {}

    /** How many of the rows [from, to), GTIN 09520123456788 and serial {@code serial(i)}, are on the ledger. */
    static long registeredAmong(final Supplier<Ledger> open, final IntFunction<String> serial, final int from, final int to)
            throws Exception {
        final Ledger ledger = open.get();
        long found = 0;
        try {
            final Organisation brand = new Organisation("brand", "BrandMSP");
            for (int start = from; start < to; start += 1000) {
                final List<Map<String, String>> chunk = new ArrayList<>();
                for (int i = start; i < Math.min(to, start + 1000); i++) {
                    chunk.add(Map.of("gtin", "09520123456788", "serial", serial.apply(i)));
                }
                final JsonNode results = JSON.readTree(new String(ledger.evaluate(brand, Transaction.CHECK_SERIALS,
                        List.of(JSON.writeValueAsString(chunk))).block(), StandardCharsets.UTF_8));
                for (JsonNode r : results) {
                    found += r.get("matches").isEmpty() ? 0 : 1;
                }
            }
        } finally {
            if (ledger instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        return found;
    }

    /** The network's ledger through the Fabric Gateway, as the brand's member. */
    static Ledger fabricLedger(final FabricNetwork network) {
        final Map<String, String> env = network.env("brand");
        final FabricProperties.Member brand = new FabricProperties.Member(env.get("CORE_PEER_ADDRESS"),
                Path.of(env.get("CORE_PEER_TLS_ROOTCERT_FILE")),
                Path.of(env.get("CORE_PEER_MSPCONFIGPATH").replace("/Admin@", "/User1@")), null);
        final FabricProperties properties = new FabricProperties(env.get("ST_CHANNEL"), env.get("ST_CC"),
                Map.of("brand", brand), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 3, new FabricProperties.ReadModelSettings(true,
                        readModelDir(), Duration.ofSeconds(5)), "PoliceMSP");
        final Organisation organisation = new Organisation("brand", "BrandMSP");
        return new FabricLedger(properties, List.of(organisation), organisation, "AuthorityMSP");
    }

    private static Path readModelDir() {
        try {
            return Files.createTempDirectory("read-model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
