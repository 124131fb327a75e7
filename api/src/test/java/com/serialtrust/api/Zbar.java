package com.serialtrust.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An independent QR decoder: zbarimg, from Debian's zbar-tools. */
public final class Zbar {

    private Zbar() {}

    /** The text of the one code in a PNG. */
    public static String decode(final byte[] png) throws Exception {
        final Path file = Files.createTempFile("label", ".png");
        try {
            Files.write(file, png);
            final Process p = new ProcessBuilder("zbarimg", "--quiet", "--raw", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("zbarimg found no code").isZero();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
