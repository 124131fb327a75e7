package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A brand with nothing but openssl can sign labels: src/test/resources/openssl/sign-with-openssl.sh. */
class OpensslSignatureTest {

    private static final String MESSAGE = "(01)" + GTIN + "(21)OPENSSL-1";

    @Test
    void anItemSignedWithPlainOpensslRegistersAndVerifies(@TempDir final Path dir) throws Exception {
        final Consortium c = Consortium.ready();
        final String signature = opensslSign(dir, MESSAGE);
        c.ok(c.brand, "RegisterKey", Files.readString(dir.resolve("pub.pem")));
        c.ok(c.brand, "RegisterItems", json(List.of(Map.of("gtin", GTIN, "serial", "OPENSSL-1", "signature", signature))));
        assertThat(c.verdict("OPENSSL-1", signature)).isEqualTo("GENUINE");
    }

    @Test
    void anItemSignedWithAnotherOpensslKeyIsRefused(@TempDir final Path dir) throws Exception {
        final Consortium c = Consortium.ready();
        final Path registered = Files.createDirectory(dir.resolve("registered"));
        final Path other = Files.createDirectory(dir.resolve("other"));
        opensslSign(registered, MESSAGE);
        c.ok(c.brand, "RegisterKey", Files.readString(registered.resolve("pub.pem")));
        final String forged = opensslSign(other, MESSAGE);
        final var refusal = c.refused(c.brand, "RegisterItems",
                json(List.of(Map.of("gtin", GTIN, "serial", "OPENSSL-1", "signature", forged))));
        assertThat(refusal.code()).isEqualTo("SIGNATURE_INVALID");
    }

    private static String opensslSign(final Path dir, final String message) throws IOException, InterruptedException {
        final Path script = Paths.get("src/test/resources/openssl/sign-with-openssl.sh").toAbsolutePath();
        final Process process = new ProcessBuilder("bash", script.toString(), dir.toString(), message)
                .redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl signing failed: %s", output).isZero();
        return Files.readString(dir.resolve("sig.txt")).strip();
    }
}
