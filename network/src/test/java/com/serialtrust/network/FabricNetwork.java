package com.serialtrust.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network of {@code network/network.sh}, driven through the script itself: started if it is not
 * running (and then stopped again at the end), and described by its own {@code env ORG} verb.
 */
public final class FabricNetwork implements AutoCloseable {

    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z_]+)=\"?(.*?)\"?$");

    private final Path script;
    private final boolean startedHere;

    private FabricNetwork(final Path script, final boolean startedHere) {
        this.script = script;
        this.startedHere = startedHere;
    }

    /** Starts the network unless it is already up; the chaincode server jar is this build's. */
    public static FabricNetwork start() {
        final Path script = Path.of(System.getProperty("serialtrust.network.script", "network/network.sh"));
        final String out = run(script, 40, "up");
        return new FabricNetwork(script, !out.contains("already up"));
    }

    /** What Fabric's peer CLI would use to act as {@code org}'s admin: address, MSP, TLS root. */
    public Map<String, String> env(final String org) {
        final Map<String, String> env = new HashMap<>();
        for (String line : run(script, 1, "env", org).split("\n")) {
            final Matcher m = EXPORT.matcher(line.strip());
            if (m.matches()) {
                env.put(m.group(1), m.group(2));
            }
        }
        assertThat(env).containsKeys("CORE_PEER_ADDRESS", "CORE_PEER_LOCALMSPID", "CORE_PEER_MSPCONFIGPATH",
                "CORE_PEER_TLS_ROOTCERT_FILE", "ST_CHANNEL", "ST_CC");
        return env;
    }

    /** A fault drill: SIGKILL one of the network's processes ({@code orderer}, {@code peer-brand}, ...). */
    public void kill(final String process) {
        run(script, 1, "kill", process);
    }

    /** Starts whatever is not running, on the same ledger: the restart after {@link #kill}. */
    public void restart() {
        run(script, 5, "up");
    }

    @Override
    public void close() {
        if (startedHere) {
            run(script, 5, "down");
        }
    }

    private static String run(final Path script, final int minutes, final String... args) {
        final List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        final String jar = System.getProperty("chaincode.server.jar");
        if (jar != null) {
            builder.environment().put("ST_CHAINCODE_JAR", jar);
        }
        try {
            final Process process = builder.start();
            final StringBuilder out = new StringBuilder();
            try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                reader.lines().forEach(line -> {
                    out.append(line).append('\n');
                    if (!"env".equals(args[0])) {
                        System.out.println(line);
                    }
                });
            }
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("network.sh " + String.join(" ", args) + " took over " + minutes + " min");
            }
            assertThat(process.exitValue()).as("network.sh %s failed:%n%s", String.join(" ", args), out).isZero();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
