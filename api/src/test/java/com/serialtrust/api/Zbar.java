package com.serialtrust.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An independent QR decoder: zbarimg, from Debian's zbar-tools; and poppler's pdftoppm, to print a PDF. */
public final class Zbar {

    private Zbar() {}

    /** The text of the one code in a PNG. */
    public static String decode(final byte[] png) throws Exception {
        final Path file = Files.createTempFile("label", ".png");
        try {
            Files.write(file, png);
            final List<String> codes = decode(List.of(file));
            assertThat(codes).as("zbarimg found one code").hasSize(1);
            return codes.get(0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Every code zbarimg finds on every page of {@code pdf}, rasterised as an office printer would:
     * by pdftoppm, in grey, at {@code dpi}.
     */
    public static List<String> decodePdf(final byte[] pdf, final int dpi) throws Exception {
        final Path dir = Files.createTempDirectory("sheet");
        try {
            final Path file = dir.resolve("sheet.pdf");
            Files.write(file, pdf);
            run(List.of("pdftoppm", "-r", Integer.toString(dpi), "-gray", file.toString(), dir.resolve("page").toString()));
            final List<Path> pages;
            try (Stream<Path> files = Files.list(dir)) {
                pages = files.filter(p -> p.getFileName().toString().endsWith(".pgm")).sorted().toList();
            }
            assertThat(pages).as("pdftoppm printed the sheet").isNotEmpty();
            return decode(pages);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (final Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<String> decode(final List<Path> images) throws Exception {
        final List<String> command = new ArrayList<>(List.of("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"));
        images.forEach(p -> command.add(p.toString()));
        return run(command).lines().filter(line -> !line.isBlank()).toList();
    }

    private static String run(final List<String> command) throws IOException, InterruptedException {
        final Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        assertThat(p.exitValue()).as(command.get(0) + " found something and succeeded").isZero();
        return out;
    }
}
