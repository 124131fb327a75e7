package com.serialtrust.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compressed segments made by GS1's Digital Link toolkit (digital-link.js 1.4.3), read back. */
class CompressedLinkTest {

    private static Map<String, String> ais(final String segment) {
        return CompressedLink.decode(segment).orElseThrow().ais();
    }

    @Test
    void aGtinAndSerialWrittenWithTheirSequenceCodeReadBack() {
        assertThat(ais("DBFRJydaKAowOQ")).containsExactly(Map.entry("01", "09520123456788"), Map.entry("21", "12345"));
    }

    @Test
    void aLotSerialAndExpiryComeBackInTheOrderWritten() {
        // the code for GTIN, lot, expiry and serial writes them in their AIs' lexical order
        assertThat(ais("GhFRJydaKIlXglgZQKMDk")).containsExactly(Map.entry("01", "09520123456788"), Map.entry("10", "ABC1"),
                Map.entry("17", "180426"), Map.entry("21", "12345"));
    }

    @Test
    void valuesInEachAlphabetReadBackAndAKeyThatIsNoAiIsAnOtherKey() {
        final CompressedLink.Decoded sig = CompressedLink.decode("DBFRJydaKQ06WoYslPg7IoGIabc-_DEF").orElseThrow();
        assertThat(sig.ais()).containsExactly(Map.entry("01", "09520123456788"), Map.entry("21", "NK(12)"));
        assertThat(sig.others()).containsExactly(Map.entry("sig", "abc-_DEF"));
        assertThat(ais("HxFRJydaKQcxexP4IyGDppbBEhFRiBgAXo")).containsEntry("22", "2A").containsEntry("10", "L/1")
                .containsEntry("21", "S%X").containsEntry("3103", "000189").containsEntry("15", "260131");
        assertThat(ais("DBFRJydaKFG9W33e")).containsEntry("21", "deadbeef");
        // a date range of 7007 (N6 and up to 6 more) and a serial of digits with leading zeros, which the count keeps
        assertThat(ais("DBFRJydaKAowOXAHP4BcfwRg")).containsEntry("7007", "260101260131");
        assertThat(ais("DBFRJydaKAYDg")).containsEntry("21", "007");
    }

    @Test
    void aSegmentAfterAnUncompressedKeyHoldsItsQualifiersAndAttributes() {
        assertThat(ais("EESrwRcsDKIQUYHI")).isEqualTo(Map.of("10", "ABC1", "21", "12345", "17", "180426"));
    }

    @Test
    void wordsPathsAndDamagedSegmentsAreNotCompressedLinks() {
        for (String segment : new String[] {"ping", "dashboard", "index.html", "", "DBFRJydaKAowO", "DBFRJydaKAowOQA",
                "DBFRJydaKAowOR", "01", "__________", "A".repeat(3000)}) {
            assertThat(CompressedLink.decode(segment)).as(segment).isEmpty();
        }
    }

    @Test
    void theUncompressedLinkHasTheKeyAndQualifiersInThePathAndTheRestInTheQuery() {
        assertThat(CompressedLink.decode("HxFRJydaKQcxexP4IyGDppbBEhFRiBgAXo").orElseThrow().gtinLink())
                .contains("/01/09520123456788/22/2A/10/L%2F1/21/S%25X?15=260131&3103=000189");
        assertThat(CompressedLink.decode("DBFRJydaKQ06WoYslPg7IoGIabc-_DEF").orElseThrow().gtinLink())
                .contains("/01/09520123456788/21/NK%2812%29?sig=abc-_DEF");
        final CompressedLink.Decoded partial = CompressedLink.decode("EESrwRcsDKIQUYHI").orElseThrow();
        assertThat(partial.gtinLink()).isEmpty();
        assertThat(partial.withKey("01", "09520123456788").gtinLink()).contains("/01/09520123456788/10/ABC1/21/12345?17=180426");
    }

    @Test
    void bitCountsFollowTheStandardsFormulas() {
        assertThat(CompressedLink.lengthBits(20)).isEqualTo(5);
        assertThat(CompressedLink.lengthBits(8)).isEqualTo(4);
        assertThat(CompressedLink.valueBits(14)).isEqualTo(47);
        assertThat(CompressedLink.valueBits(6)).isEqualTo(20);
    }
}
