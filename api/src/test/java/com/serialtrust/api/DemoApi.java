package com.serialtrust.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the demo wrote for a test: its API keys, and the signatures of its labels. */
public final class DemoApi {

    public static final String GTIN = "09520123456788";
    private static final Pattern SIG = Pattern.compile("sig=([A-Za-z0-9_-]+)");

    private DemoApi() {}

    public static String apiKey(final Path dataDir, final String organisation) {
        final Properties keys = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("demo/api-keys.properties"))) {
            keys.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys.getProperty(organisation);
    }

    /** The {@code sig} of a Digital Link. */
    public static String sig(final String uri) {
        final Matcher m = SIG.matcher(uri);
        if (!m.find()) {
            throw new IllegalArgumentException("no sig in " + uri);
        }
        return m.group(1);
    }
}
