package com.serialtrust.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1Test {

    @Nested
    class Gtins {

        @ParameterizedTest
        @ValueSource(strings = {"02345673", "416000336108", "1234567890128", "12345678901231"})
        void acceptsThePublishedValidGtins(final String gtin) {
            assertThat(Gtin.parse(gtin).value()).hasSize(14).endsWith(gtin);
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345673", "1234567890129", "", "123", "12345678901234567", "12345678901a3"})
        void refusesThePublishedInvalidGtinsAndMalformedOnes(final String gtin) {
            assertThatThrownBy(() -> Gtin.parse(gtin)).isInstanceOf(InvalidIdentifierException.class)
                    .extracting(e -> ((InvalidIdentifierException) e).reason()).isEqualTo(InvalidIdentifierException.Reason.GTIN_INVALID);
        }

        @Test
        void matchesCompanyPrefixesAfterTheIndicatorDigit() {
            assertThat(Gtin.parse("09520123456788").isUnderPrefix("9520123")).isTrue();
            assertThat(Gtin.parse("09520123456788").isUnderPrefix("0952012")).isFalse();
        }
    }

    @Nested
    class Serials {

        @ParameterizedTest
        @ValueSource(strings = {"260531793113837", "490154203237518"})
        void acceptsThePublishedImeis(final String imei) {
            SerialScheme.IMEI.validate(imei);
        }

        @ParameterizedTest
        @ValueSource(strings = {"490154203237519", "49015420323751", "49015420323751A"})
        void refusesBadImeis(final String imei) {
            assertThatThrownBy(() -> SerialScheme.IMEI.validate(imei)).hasMessageContaining("IMEI");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1G4AH59H45G118341", "1M8GDM9AXKP042788"})
        void acceptsThePublishedVins(final String vin) {
            SerialScheme.VIN.validate(vin);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1G4AH59H46G118341", "1M8GDM9AXKP04278", "IG4AH59H45G118341", "1g4ah59h45g118341"})
        void refusesVinsWithAWrongCheckCharacterLengthOrLetters(final String vin) {
            assertThatThrownBy(() -> SerialScheme.VIN.validate(vin)).isInstanceOf(InvalidIdentifierException.class);
        }

        @Test
        void gs1SerialsAreOneToTwentyCharactersOfSet82() {
            SerialScheme.GS1.validate("AB-12/x_%\"!");
            assertThatThrownBy(() -> SerialScheme.GS1.validate("")).isInstanceOf(InvalidIdentifierException.class);
            assertThatThrownBy(() -> SerialScheme.GS1.validate("x".repeat(21))).isInstanceOf(InvalidIdentifierException.class);
            assertThatThrownBy(() -> SerialScheme.GS1.validate("a b")).isInstanceOf(InvalidIdentifierException.class);
            assertThatThrownBy(() -> SerialScheme.GS1.validate("é")).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Nested
    class DigitalLinks {

        @Test
        void theFirstPublishedLinkIsTheFirstElementString() {
            final DigitalLink link = DigitalLink.parse("https://id.gs1.org/01/09520123456788/21/12345");
            assertThat(link.element().canonical()).isEqualTo("(01)09520123456788(21)12345");
            assertThat(link.toUri("https://id.gs1.org")).isEqualTo("https://id.gs1.org/01/09520123456788/21/12345");
        }

        @Test
        void theSecondPublishedLinkPutsTheLotInThePathAndExpiryLast() {
            final DigitalLink link = DigitalLink.parse("https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426");
            assertThat(link.element().canonical()).isEqualTo("(01)09520123456788(10)ABC1(21)12345(17)180426");
            assertThat(ElementString.parse("(01)09520123456788(10)ABC1(21)12345(17)180426").canonical())
                    .isEqualTo(link.element().canonical());
            assertThat(link.toUri("https://id.gs1.org")).isEqualTo("https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426");
        }

        @Test
        void aLotInTheQueryIsRejected() {
            assertThatThrownBy(() -> DigitalLink.parse("https://example.com/01/09520123456788?10=ABC123"))
                    .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("path");
        }

        @Test
        void carriesTheSignatureAndRoundTripsEscapedSerials() {
            final DigitalLink link = new DigitalLink(ElementString.of(Gtin.parse("09520123456788"), "A/B%C"), Optional.of("c2ln"));
            final String uri = link.toUri("https://verify.example/");
            assertThat(uri).isEqualTo("https://verify.example/01/09520123456788/21/A%2FB%25C?sig=c2ln");
            assertThat(DigitalLink.parse(uri)).isEqualTo(link);
        }

        @Test
        void refusesWrongOrderUnknownAisAndNonLinks() {
            for (String bad : new String[] {"https://x/21/1/01/09520123456788", "https://x/01/09520123456788/21/1/10/L",
                    "https://x/01/09520123456788/21/1?89=1", "https://x/01/09520123456788/21/1?15=1",
                    "https://x/01/09520123456788/21/1?3103=12345", "https://x/01/09520123456788/21/1?414=9520123456788", "ftp://x/01/09520123456788/21/1", "not a uri at all",
                    "https://x/01/09520123456789/21/1", "https://x/01/09520123456788", "https://x/01/09520123456788/21/%ZZ",
                    "https://x/01/09520123456788/21/" + "1".repeat(3000)}) {
                assertThatThrownBy(() -> DigitalLink.parse(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
            }
        }

        @Test
        void everyWellFormedDataAttributeIsAcceptedAndOnlyTheSignedDatesAreKept() {
            final DigitalLink link = DigitalLink.parse("https://x/01/09520123456788/10/L1/21/S1?15=270131&3103=001250"
                    + "&17=270200&99=any%2Ftext&7003=2701311200&410=9520123456788&8008=2611301415&utm_source=qr&sig=c2ln");
            assertThat(link.element().canonical()).isEqualTo("(01)09520123456788(10)L1(21)S1(17)270200");
            assertThat(link.signature()).contains("c2ln");
            // the shipping details and the digital signature of later General Specifications
            final DigitalLink shipped = DigitalLink.parse("https://x/01/09520123456788/21/S1?4300=ACME%2520Ltd&4307=NL&4309=0513000000"
                    + "0004000000&4321=1&4324=2612319999&4326=261231&4331=000450-&7011=261231&7040=1A2B&7241=01&8030="
                    + "MEUCIQDcN7cN_xYz-09=");
            assertThat(shipped.element().canonical()).isEqualTo("(01)09520123456788(21)S1");
        }

        @Test
        void aDataAttributeWithABadValueOrTwiceIsRefusedSayingWhy() {
            for (String[] bad : new String[][] {{"?15=271301", "date"}, {"?3103=12345", "format"}, {"?410=9520123456789", "check digit"},
                    {"?15=270101&15=270102", "twice"},
                    {"?4307=nl", "ISO 3166"}, {"?4321=2", "0 or 1"}, {"?4330=00045+", "format"}, {"?8030=a+b", "Z..90"},
                    {"?4326=261331", "date"}, {"?3106=000001", "not a data attribute"}, {"?00=123456789012345675", "not a data attribute"}}) {
                assertThatThrownBy(() -> DigitalLink.parse("https://x/01/09520123456788/21/S1" + bad[0])).as(bad[0])
                        .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining(bad[1]);
            }
        }

        @Test
        void datesUseTheGs1CenturyRuleAndDayZero() {
            assertThat(Gs1Date.toLocalDate("260200", 2026)).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(Gs1Date.toLocalDate("990101", 2026)).isEqualTo(LocalDate.of(1999, 1, 1));
            assertThat(Gs1Date.isValid("261301")).isFalse();
            assertThat(Gs1Date.isValid("260230")).isFalse();
        }
    }

    @Nested
    class ProductLinks {

        @Test
        void aLinkWithoutSerialNamesTheProductOrItsLot() {
            assertThat(ProductLink.parse("https://id.gs1.org/01/09520123456788"))
                    .isEqualTo(new ProductLink(Gtin.parse("09520123456788"), Optional.empty(), Optional.empty()));
            final ProductLink lot = ProductLink.parse("https://id.gs1.org/01/09520123456788/22/V1/10/A%2FB?17=270101");
            assertThat(lot).isEqualTo(new ProductLink(Gtin.parse("09520123456788"), Optional.of("V1"), Optional.of("A/B")));
            assertThat(lot.toUri("https://r.example/")).isEqualTo("https://r.example/01/09520123456788/22/V1/10/A%2FB");
            assertThat(lot.gtinOnly().toUri("https://r.example")).isEqualTo("https://r.example/01/09520123456788");
        }

        @Test
        void theLevelsAboveAnItemAreItsLotAndItsProduct() {
            final ProductLink above = ProductLink.of(DigitalLink.parse("https://x/01/09520123456788/10/L1/21/S1").element());
            assertThat(above.toUri("https://x")).isEqualTo("https://x/01/09520123456788/10/L1");
        }

        @Test
        void refusesItemsBadGtinsBadLotsAndWrongOrder() {
            for (String bad : new String[] {"https://x/01/09520123456788/21/S1", "https://x/01/09520123456789",
                    "https://x/01/09520123456788/10/" + "L".repeat(21), "https://x/01/09520123456788/10/L/22/V",
                    "https://x/01/09520123456788/10", "https://x/01/09520123456788?10=L"}) {
                assertThatThrownBy(() -> ProductLink.parse(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
            }
        }
    }

    @Nested
    class CloseSerialMatching {

        @Test
        void foldsLookAlikesDropsSeparatorsAndLeadingZeros() {
            assertThat(CloseSerials.normalise("00-sO1 l|ZB")).isEqualTo("5011128");
            assertThat(CloseSerials.normalise("0000")).isEmpty();
        }

        @Test
        void measuresEditDistanceWithACutOff() {
            assertThat(CloseSerials.distance("ABCDEF", "ABCDEF", 2)).isZero();
            assertThat(CloseSerials.distance("ABCDEF", "ABXDEF", 2)).isEqualTo(1);
            assertThat(CloseSerials.distance("ABCDEF", "ABDEF", 2)).isEqualTo(1);
            assertThat(CloseSerials.distance("ABCDEF", "XYZDEF", 2)).isEqualTo(3);
            assertThat(CloseSerials.distance("A", "ABCDEF", 2)).isEqualTo(3);
        }

        @Test
        void anyTwoEditsLeaveOneSegmentIntact() {
            assertThat(CloseSerials.segments("ABCDEFGHI")).containsExactly("ABC", "DEF", "GHI");
            assertThat(CloseSerials.segments("AB")).isEmpty();
        }
    }

    @Nested
    class QuotedInput {

        @Test
        void controlAndDirectionCharactersAreShownEscapedSoTheyCannotReorderTheMessage() {
            assertThat(Text.quote("AB\u202ECD\u2028\n\u200B")).isEqualTo("\"AB\\u202eCD\\u2028\\u000a\\u200b\"");
        }

        @Test
        void longInputIsCutToAShortPrefix() {
            assertThat(Text.quote("X".repeat(500))).isEqualTo("\"" + "X".repeat(40) + "…\"");
        }
    }
}
