package com.serialtrust.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The api's packages depend on each other without cycles, so a feature package can be read, tested
 * and changed on its own: read from the sources' references to {@code com.serialtrust.api.*} types.
 */
class PackageCyclesTest {

    private static final Path ROOT = Path.of("src/main/java/com/serialtrust/api");
    private static final Pattern REFERENCE = Pattern.compile("com\\.serialtrust\\.api\\.([a-z][a-z0-9.]*)\\.[A-Z]");

    @Test
    void noPackageOfTheApiDependsOnItselfThroughOthers() throws IOException {
        final Map<String, Set<String>> graph = graph();
        assertThat(graph).as("packages read").hasSizeGreaterThan(10);
        assertThat(cycles(graph)).as("package cycles").isEmpty();
    }

    @Test
    void aCycleIsFoundWhereThereIsOne() {
        final Map<String, Set<String>> graph = new TreeMap<>(Map.of(
                "a", new TreeSet<>(Set.of("b")), "b", new TreeSet<>(Set.of("c")), "c", new TreeSet<>(Set.of("a")),
                "d", new TreeSet<>(Set.of("a"))));
        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
    }

    private static Map<String, Set<String>> graph() throws IOException {
        final Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                final String pkg = ROOT.relativize(file.getParent()).toString().replace('/', '.');
                final Set<String> deps = graph.computeIfAbsent(pkg.isEmpty() ? "(root)" : pkg, p -> new TreeSet<>());
                final Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        deps.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** Strongly connected components of more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(final Map<String, Set<String>> graph) {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final List<List<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, out);
            }
        }
        return out;
    }

    private static void connect(final String v, final Map<String, Set<String>> graph, final Map<String, Integer> index,
            final Map<String, Integer> low, final Deque<String> stack, final List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            final List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                out.add(component);
            }
        }
    }
}
