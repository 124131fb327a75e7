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
    void aSerialAndLotWithBracketsAreSignedEscapedAndVerify(@TempDir final Path dir) throws Exception {
        final Consortium c = Consortium.ready();
        final String signature = opensslSign(dir, "01=" + GTIN, "10=L(7", "21=NK(12)", "17=291231");
        assertThat(Files.readString(dir.resolve("message.txt"))).isEqualTo("(01)" + GTIN + "(10)L\\(7(21)NK\\(12)(17)291231");
        c.ok(c.brand, "RegisterKey", Files.readString(dir.resolve("pub.pem")));
        c.ok(c.brand, "RegisterItems", json(List.of(Map.of("gtin", GTIN, "serial", "NK(12)", "lot", "L(7",
                "expiryDate", "291231", "signature", signature))));
        final var v = c.query(c.stranger, "Verify", Files.readString(dir.resolve("message.txt")), signature);
        assertThat(v.get("verdict").asString()).isEqualTo("GENUINE");
        assertThat(c.query(c.stranger, "Verify", "(01)" + GTIN + "(10)L\\(8(21)NK\\(12)", signature).get("verdict").asString())
                .isEqualTo("SIGNATURE_INVALID");
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

    private static String opensslSign(final Path dir, final String... message) throws IOException, InterruptedException {
        final Path script = Paths.get("src/test/resources/openssl/sign-with-openssl.sh").toAbsolutePath();
        final List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString(), dir.toString()));
        command.addAll(List.of(message));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl signing failed: %s", output).isZero();
        return Files.readString(dir.resolve("sig.txt")).strip();
    }
}
