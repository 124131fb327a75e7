package com.serialtrust.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** What the script's environment adds: ST_NETNS, ST_NETWORK_STATE for a network of its own. */
    private final Map<String, String> settings;

    private FabricNetwork(final Path script, final boolean startedHere, final Map<String, String> settings) {
        this.script = script;
        this.startedHere = startedHere;
        this.settings = settings;
    }

    /** Starts the network unless it is already up; the chaincode server jar is this build's. */
    public static FabricNetwork start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with {@code settings} in the script's environment (ST_NETNS, ST_NETWORK_STATE...). */
    public static FabricNetwork start(final Map<String, String> settings) {
        final Path script = Path.of(System.getProperty("serialtrust.network.script", "network/network.sh"));
        final FabricNetwork network = new FabricNetwork(script, true, Map.copyOf(settings));
        final String out = network.run(40, "up");
        return new FabricNetwork(script, !out.contains("already up"), network.settings);
    }


    /** What Fabric's peer CLI would use to act as {@code org}'s admin: address, MSP, TLS root. */
    public Map<String, String> env(final String org) {
        final Map<String, String> env = new HashMap<>();
        for (String line : run(1, "env", org).split("\n")) {
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
        run(1, "kill", process);
    }

    /** Starts whatever is not running, on the same ledger: the restart after {@link #kill}. */
    public void restart() {
        run(5, "up");
    }

    /** What {@code network.sh status} prints: each process, its state and health, and the channel height. */
    public String status() {
        return run(1, "status");
    }

    /**
     * Fabric's own {@code peer} CLI, run as {@code org}'s admin in a shell that has evaluated
     * {@code network.sh env ORG}, exactly as the README tells a person to: its output.
     */
    public String peerCli(final String org, final String... args) {
        final List<String> command = new ArrayList<>(List.of("bash", "-c",
                "set -e; eval \"$(bash \"$0\" env " + org + ")\"; peer \"$@\" --channelID \"$ST_CHANNEL\" --name \"$ST_CC\"",
                script.toString()));
        command.addAll(List.of(args));
        return run(command, 1, false, "peer " + String.join(" ", args), settings);
    }

    /**
     * The HTTP status of a GET of {@code path} on a process's operations endpoint ({@code orderer},
     * {@code peer-brand}...): over HTTPS trusting the node's CA, as its organisation's admin when
     * {@code admin}, with no client certificate otherwise; over plain HTTP when {@code https} is false.
     * {@code 0} when nothing answered.
     */
    public int operationsStatus(final String process, final String path, final boolean https, final boolean admin) {
        final String snippet = "source \"$(dirname \"$0\")/lib/common.sh\"; client=();"
                + " [[ \"$4\" == admin ]] && client=(--cert \"$(ops_admin_tls \"$1\")/client.crt\" --key \"$(ops_admin_tls \"$1\")/client.key\");"
                + " if [[ \"$3\" == https ]]; then url=\"https://$(node_host \"$1\"):$(ops_port \"$1\")$2\"; else url=\"http://$(node_host \"$1\"):$(ops_port \"$1\")$2\"; fi;"
                + " curl -s -o /dev/null -w '%{http_code}' --max-time 5 --cacert \"$(ops_ca \"$1\")\" \"${client[@]}\" \"${url}\" || true";
        final String out = run(List.of("bash", "-c", snippet, script.toString(), process, path, https ? "https" : "http",
                admin ? "admin" : "anyone"), 1, false, "curl " + process + path, settings).strip();
        return Integer.parseInt(out.isEmpty() ? "0" : out.substring(Math.max(0, out.length() - 3)));
    }

    /** The network's processes still running: Fabric's binaries and its chaincode servers, as "pid command" lines. */
    public List<String> processes() {
        final Map<String, String> env = env("brand");
        final String bin = env.get("PATH").split(":")[0];
        final String state = Path.of(env.get("FABRIC_CFG_PATH")).getParent().toString();
        return run(List.of("ps", "-eo", "pid=,args="), 1, false, "ps", Map.of()).lines()
                .filter(line -> line.contains(bin + "/") || line.contains(state + "/"))
                .map(String::strip)
                .toList();
    }

    @Override
    public void close() {
        if (startedHere) {
            run(5, "down");
            assertThat(processes()).as("Fabric processes left after network.sh down").isEmpty();
        }
    }

    private String run(final int minutes, final String... args) {
        final List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        return run(command, minutes, !"env".equals(args[0]), "network.sh " + String.join(" ", args), settings);
    }

    /**
     * Runs {@code command} with {@code settings} added to its environment, echoing its output if
     * {@code echo}; fails unless it exits with 0.
     */
    static String run(final List<String> command, final int minutes, final boolean echo, final String what,
            final Map<String, String> settings) {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(settings);
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
                    if (echo) {
                        System.out.println(line);
                    }
                });
            }
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " took over " + minutes + " min");
            }
            assertThat(process.exitValue()).as("%s failed:%n%s", what, out).isZero();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
