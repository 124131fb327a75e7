package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.crypto.Base64Url;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A verdict binds everything the brand signed: the signature, every identifier of the link, and a trusted key. */
class VerdictTest {

    private static final String LOT_ITEM = "(01)" + GTIN + "(10)L7(21)LOT-1(17)291231";

    private static Consortium withLotItem() {
        final Consortium c = Consortium.ready();
        c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "LOT-1", Map.of("lot", "L7", "expiryDate", "291231")))));
        return c;
    }

    private static JsonNode verify(final Consortium c, final String elementString, final String signature) {
        return c.query(c.stranger, "Verify", elementString, signature);
    }

    @Nested
    class WithoutASignature {

        @Test
        void aRegisteredSerialCheckedWithoutSigIsNeverGenuine() {
            final Consortium c = Consortium.ready();
            c.register("NS-1");
            final JsonNode v = verify(c, "(01)" + GTIN + "(21)NS-1", "");
            assertThat(v.get("verdict").asString()).isEqualTo("SIGNATURE_MISSING");
            assertThat(v.get("signatureChecked").asBoolean()).isFalse();
            assertThat(verify(c, "(01)" + GTIN + "(21)NS-1", "   ").get("verdict").asString()).isEqualTo("SIGNATURE_MISSING");
            assertThat(c.verdict("NS-1")).as("the printed label itself").isEqualTo("GENUINE");
        }

        @Test
        void theItemsFlagsStillComeFirst() {
            final Consortium c = Consortium.ready();
            c.register("NS-2");
            c.ok(c.police, "FlagStolen", GTIN, "NS-2", "{\"date\":\"2026-02-27\"}");
            assertThat(c.verdict("NS-2", "")).isEqualTo("STOLEN");
        }

        @Test
        void typedNumbersMayLeaveOutTheLot() {
            final Consortium c = withLotItem();
            assertThat(verify(c, "(01)" + GTIN + "(21)LOT-1", "").get("verdict").asString()).isEqualTo("SIGNATURE_MISSING");
        }
    }

    @Nested
    class IdentifiersOfTheLink {

        @Test
        void theLabelAsSignedIsGenuine() {
            final Consortium c = withLotItem();
            assertThat(c.verdict("LOT-1")).isEqualTo("GENUINE");
        }

        @Test
        void aSwappedLotIsInvalidAndNamed() {
            final Consortium c = withLotItem();
            final JsonNode v = verify(c, LOT_ITEM.replace("(10)L7", "(10)L8"), c.labels.get("LOT-1").signature());
            assertThat(v.get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(v.get("reason").asString()).isEqualTo("ATTRIBUTE_MISMATCH");
            assertThat(v.get("mismatched").toString()).isEqualTo("[\"lot\"]");
        }

        @Test
        void anAddedOrChangedDateOrVariantIsInvalid() {
            final Consortium c = Consortium.ready();
            c.register("DT-1");
            final String sig = c.labels.get("DT-1").signature();
            final JsonNode expiry = verify(c, "(01)" + GTIN + "(21)DT-1(17)291231", sig);
            assertThat(expiry.get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(expiry.get("mismatched").toString()).isEqualTo("[\"expiryDate\"]");
            assertThat(verify(c, "(01)" + GTIN + "(21)DT-1(11)260101", sig).get("mismatched").toString())
                    .isEqualTo("[\"productionDate\"]");
            assertThat(verify(c, "(01)" + GTIN + "(22)BLUE(21)DT-1", sig).get("mismatched").toString()).isEqualTo("[\"cpv\"]");
            final Consortium d = withLotItem();
            assertThat(verify(d, LOT_ITEM.replace("291231", "301231"), d.labels.get("LOT-1").signature())
                    .get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
        }
    }

    @Nested
    class SignatureForms {

        @Test
        void aHighSRegistrationAndItsLowSTwinBothVerify() {
            final Consortium c = Consortium.ready();
            String high = null;
            for (int i = 0; high == null; i++) {
                final String sig = c.brandKey.sign("(01)" + GTIN + "(21)HS-" + i);
                final String twin = twin(sig);
                final String candidate = isHighS(sig) ? sig : twin;
                final Map<String, Object> item = new java.util.LinkedHashMap<>();
                item.put("gtin", GTIN);
                item.put("serial", "HS-" + i);
                item.put("signature", candidate);
                c.ok(c.brand, "RegisterItems", json(List.of(item)));
                if (isHighS(candidate)) {
                    high = "HS-" + i;
                    assertThat(c.verdict(high, candidate)).as("the form registered").isEqualTo("GENUINE");
                    assertThat(c.verdict(high, twin(candidate))).as("its low-S twin").isEqualTo("GENUINE");
                }
            }
        }

        @Test
        void aMalformedSigIsRefusedNotJudged() {
            final Consortium c = Consortium.ready();
            c.register("MF-1");
            final String sig = c.labels.get("MF-1").signature();
            final byte[] raw = Base64Url.decode(sig).orElseThrow();
            for (String malformed : List.of(sig + "==", Base64.getEncoder().encodeToString(raw), sig.substring(4),
                    Base64Url.encode(new byte[72]), "garbage!")) {
                assertThat(c.refusedQuery(c.stranger, "Verify", "(01)" + GTIN + "(21)MF-1", malformed).code())
                        .as("sig %s", malformed).isEqualTo("SIGNATURE_MALFORMED");
            }
        }
    }

    @Nested
    class Keys {

        @Test
        void aLabelOfAKeyCompromisedBeforeItsRegistrationIsInvalid() {
            final Consortium c = Consortium.ready();
            final java.time.Instant leak = c.clock.instant();
            c.clock.advance(Duration.ofHours(1));
            c.register("KC-1");
            c.ok(c.brand, "DeclareKeyCompromised", c.keyId, leak.toString());
            final JsonNode v = c.verify("KC-1");
            assertThat(v.get("verdict").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(v.get("reason").asString()).isEqualTo("KEY_COMPROMISED");
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "KC-2", Map.of())))).code())
                    .as("a compromised key registers nothing more").isEqualTo("KEY_NOT_ACTIVE");
        }
    }

    @Nested
    class TheSignatureIsTheBrandsSecret {

        @Test
        void onlyTheManufacturerReadsTheStoredSignature() {
            final Consortium c = Consortium.ready();
            c.inRetailStock("SEC-1");
            final String sig = c.labels.get("SEC-1").signature();
            final String refs = Consortium.refs("SEC-1");
            final JsonNode label = c.query(c.brand, "GetLabels", refs).get(0);
            assertThat(label.get("signature").asString()).isEqualTo(sig);
            assertThat(label.get("serial").asString()).isEqualTo("SEC-1");
            for (var other : List.of(c.retail, c.police, c.service, c.authority, c.otherBrand, c.stranger)) {
                assertThat(c.refusedQuery(other, "GetLabels", refs).code()).isEqualTo("NOT_AUTHORISED");
            }
            for (var anyone : List.of(c.brand, c.retail, c.police, c.service, c.authority, c.otherBrand, c.stranger)) {
                assertThat(c.query(anyone, "GetItem", GTIN, "SEC-1").toString()).doesNotContain(sig);
                assertThat(c.query(anyone, "GetItemHistory", GTIN, "SEC-1").toString()).doesNotContain(sig);
                assertThat(c.query(anyone, "ListItemsByLot", GTIN, "NONE", "10", "").toString()).doesNotContain(sig);
            }
            assertThat(c.verify("SEC-1").toString()).doesNotContain(sig);
            final var sold = c.ok(c.retail, "SellItem", GTIN, "SEC-1", OwnerProofs.commitSecret("a-claim-code-12345"));
            assertThat(sold.toString()).as("the seller's receipt").doesNotContain(sig);
        }

        @Test
        void noBlockAndNoPublicStateHoldsASignatureOnlyTheBrandsOwnCollectionDoes() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> item = c.signedItem(GTIN, "SEC-2", Map.of());
            final String sig = (String) item.get("signature");
            final var registered = Consortium.Registered.split(json(List.of(item)));
            assertThat(registered.items()).as("the argument, which every block keeps").doesNotContain(sig);
            final var result = c.submit(c.brand, registered.transientData(), "RegisterItems", registered.items());
            assertThat(result.ok()).isTrue();
            assertThat(result.writes().publicWrites().values()).allSatisfy(v -> assertThat(
                    new String(v.orElse(new byte[0]), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(sig));
            assertThat(result.event().orElseThrow().getPayload().toStringUtf8()).doesNotContain(sig);
            assertThat(result.writes().privateWrites().keySet()).containsExactly("_implicit_org_" + Consortium.BRAND);
            assertThat(result.writes().privateWrites().get("_implicit_org_" + Consortium.BRAND).entrySet())
                    .as("the batch's signatures, kept once under its transaction").singleElement()
                    .satisfies(w -> {
                        assertThat(w.getKey()).isEqualTo("\u0000labels\u0000" + result.txId() + "\u0000");
                        assertThat(new String(w.getValue().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                                .isEqualTo("{\"" + GTIN + "\":{\"SEC-2\":\"" + sig + "\"}}");
                    });
            assertThat(c.verdict("SEC-2", sig)).isEqualTo("GENUINE");
        }

        @Test
        void aSignatureInTheArgumentIsRefusedAndSoIsABatchWithoutItsSignatures() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> item = c.signedItem(GTIN, "SEC-3", Map.of());
            final var registered = Consortium.Registered.split(json(List.of(item)));
            final var inArgument = c.refusedWith(c.brand, registered.transientData(), "RegisterItems", json(List.of(item)));
            assertThat(inArgument.code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(inArgument.message()).contains("transient field 'signatures'");
            assertThat(c.refusedWith(c.brand, Map.of("other", new byte[] {1}), "RegisterItems", registered.items()).code())
                    .isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refusedWith(c.brand, Map.of("signatures", "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "RegisterItems", registered.items()).message()).contains("holds 0 signatures for 1 items");
            assertThat(c.verdict("SEC-3", (String) item.get("signature"))).isEqualTo("UNREGISTERED");
        }
    }

    private static final BigInteger N = ECNamedCurveTable.getByName("secp256r1").getN();

    private static boolean isHighS(final String sig) {
        final byte[] raw = Base64Url.decode(sig).orElseThrow();
        return new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)).compareTo(N.shiftRight(1)) > 0;
    }

    private static String twin(final String sig) {
        final byte[] raw = Base64Url.decode(sig).orElseThrow();
        final BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64));
        final byte[] out = raw.clone();
        System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, N.subtract(s)), 0, out, 32, 32);
        return Base64Url.encode(out);
    }
}
