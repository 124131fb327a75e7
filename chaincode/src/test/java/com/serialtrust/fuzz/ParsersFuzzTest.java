package com.serialtrust.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.serialtrust.crypto.InvalidKeyException;
import com.serialtrust.crypto.P256;
import com.serialtrust.gs1.CloseSerials;
import com.serialtrust.gs1.CompressedLink;
import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.InvalidIdentifierException;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that parses outside input: Digital Links (also
 * compressed), element strings, public keys and signatures, close-serial normalisation. A parser may refuse an input only
 * with its own exception; what it accepts must survive a round trip. In a normal build each target
 * runs on its saved inputs (src/test/resources/.../ParsersFuzzTestInputs); JAZZER_FUZZ=1 fuzzes.
 */
class ParsersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void digitalLink(final FuzzedDataProvider data) {
        final String uri = data.consumeRemainingAsString();
        final DigitalLink link;
        try {
            link = DigitalLink.parse(uri);
        } catch (InvalidIdentifierException refused) {
            return;
        }
        assertThat(DigitalLink.parse(link.toUri("https://id.example.test"))).isEqualTo(link);
        assertThat(ElementString.parse(link.element().canonical())).isEqualTo(link.element());
    }

    @FuzzTest(maxDuration = "30s")
    void compressedLink(final FuzzedDataProvider data) {
        final String segment = data.consumeRemainingAsString();
        // never an exception: a segment is a compressed link or it is not
        CompressedLink.decode(segment).flatMap(CompressedLink.Decoded::gtinLink).ifPresent(link -> {
            try {
                DigitalLink.parse("https://id.example.test" + link);
            } catch (InvalidIdentifierException refused) {
                // its values are checked as a written-out link's are, and may be refused as one is
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void elementString(final FuzzedDataProvider data) {
        final String text = data.consumeRemainingAsString();
        final ElementString element;
        try {
            element = ElementString.parse(text);
        } catch (InvalidIdentifierException refused) {
            return;
        }
        assertThat(ElementString.parse(element.canonical())).isEqualTo(element);
    }

    @FuzzTest(maxDuration = "30s")
    void publicKeyAndSignature(final FuzzedDataProvider data) {
        final String key = data.consumeString(400);
        final byte[] signature = data.consumeBytes(80);
        final String message = data.consumeRemainingAsString();
        try {
            final P256.PublicKey parsed = P256.parsePublicKey(key);
            P256.verify(parsed, message, signature);
        } catch (InvalidKeyException refused) {
            // not a P-256 public key
        }
    }

    @FuzzTest(maxDuration = "30s")
    void closeSerials(final FuzzedDataProvider data) {
        final String a = data.consumeString(40);
        final String b = data.consumeRemainingAsString();
        final String na = CloseSerials.normalise(a);
        assertThat(CloseSerials.normalise(na)).as("normalising is idempotent").isEqualTo(na);
        final String nb = CloseSerials.normalise(b);
        assertThat(CloseSerials.distance(na, nb, CloseSerials.MAX_DISTANCE))
                .as("distance is symmetric").isEqualTo(CloseSerials.distance(nb, na, CloseSerials.MAX_DISTANCE));
    }

    /** Fuzzing finding 1: a "(" in a value made the signed text ambiguous. */
    @org.junit.jupiter.api.Test
    void aParenthesisInAValueIsEscapedSoThatNoTwoItemsSignTheSameText() {
        final ElementString withParenthesis = ElementString.parse("(01)09520123456788(21)1\\(11)250101");
        final ElementString withDate = ElementString.parse("(01)09520123456788(21)1(11)250101");
        assertThat(withParenthesis.serial()).isEqualTo("1(11)250101");
        assertThat(withDate.serial()).isEqualTo("1");
        assertThat(withParenthesis.canonical()).isEqualTo("(01)09520123456788(21)1\\(11)250101")
                .isNotEqualTo(withDate.canonical());
        assertThat(ElementString.parse(withParenthesis.canonical())).isEqualTo(withParenthesis);
    }
}
