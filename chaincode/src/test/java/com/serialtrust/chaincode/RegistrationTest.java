package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.IMEI_GTIN;
import static com.serialtrust.chaincode.Consortium.VIN_GTIN;
import static com.serialtrust.chaincode.Consortium.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    @Nested
    class RegisterItems {

        @Test
        void registersAThousandSignedItemsInOneTransaction() {
            final Consortium c = Consortium.ready();
            final List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                batch.add(c.signedItem(GTIN, "SN" + i, Map.of("lot", "L1")));
            }
            assertThat(c.ok(c.brand, "RegisterItems", json(batch)).get("registered").asInt()).isEqualTo(1000);
            assertThat(c.verdict("SN999")).isEqualTo("GENUINE");
            assertThat(c.query(c.brand, "ListItemsByLot", GTIN, "L1", "1000", "").get("items").size()).isEqualTo(1000);
        }

        @Test
        void storesTheLotDatesAndSignatureOfEachItem() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> input = c.signedItem(GTIN, "12345",
                    Map.of("lot", "ABC1", "productionDate", "260115", "expiryDate", "280131"));
            c.ok(c.brand, "RegisterItems", json(List.of(input)));
            final var item = c.query(c.brand, "GetItem", GTIN, "12345");
            assertThat(item.get("lot").asString()).isEqualTo("ABC1");
            assertThat(item.get("productionDate").asString()).isEqualTo("260115");
            assertThat(c.query(c.brand, "GetLabels", Consortium.refs("12345")).get(0).get("signature").asString())
                    .isEqualTo(input.get("signature"));
            assertThat(item.get("status").asString()).isEqualTo("REGISTERED");
            assertThat(item.get("custodian").asString()).isEqualTo(Consortium.BRAND);
        }

        @Test
        void oneBadItemRefusesTheWholeBatchNamingItsIndex() {
            final Consortium c = Consortium.ready();
            final List<Map<String, Object>> batch = new ArrayList<>();
            batch.add(c.signedItem(GTIN, "OK-1", Map.of()));
            batch.add(c.signedItem(GTIN, "OK-2", Map.of()));
            final Map<String, Object> forged = new HashMap<>(c.signedItem(GTIN, "OK-3", Map.of()));
            forged.put("serial", "OK-4");
            batch.add(forged);
            final var refusal = c.refused(c.brand, "RegisterItems", json(batch));
            assertThat(refusal.code()).isEqualTo("SIGNATURE_INVALID");
            assertThat(refusal.index()).contains(2);
            assertThat(c.verdict("OK-1")).isEqualTo("UNREGISTERED");
        }

        @Test
        void validatingABatchNamesEveryItemItWouldRefuseInOneRoundAndWritesNothing() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "TAKEN", Map.of()))));
            final long height = c.ledger.state().height();
            final List<Map<String, Object>> batch = new ArrayList<>();
            batch.add(c.signedItem(GTIN, "V-1", Map.of()));
            batch.add(c.signedItem(GTIN, "TAKEN", Map.of()));
            final Map<String, Object> forged = new HashMap<>(c.signedItem(GTIN, "V-3", Map.of()));
            forged.put("serial", "V-4");
            batch.add(forged);
            batch.add(c.signedItem(GTIN, "V-1", Map.of()));
            batch.add(c.signedItem(GTIN, "V-5", Map.of()));
            final Consortium.Registered split = Consortium.Registered.split(json(batch));

            final var result = c.ledger.evaluate(c.brand, split.transientData(), "ValidateItems", split.items());

            assertThat(result.ok()).as(result.message()).isTrue();
            final tools.jackson.databind.JsonNode refusals = Json.tree(result.payload()).get("refusals");
            assertThat(refusals).hasSize(3);
            assertThat(refusals.get(0).get("index").asInt()).isEqualTo(1);
            assertThat(refusals.get(0).get("code").asString()).isEqualTo("ITEM_EXISTS");
            assertThat(refusals.get(1).get("index").asInt()).isEqualTo(2);
            assertThat(refusals.get(1).get("code").asString()).isEqualTo("SIGNATURE_INVALID");
            assertThat(refusals.get(1).get("message").asString()).doesNotStartWith("item ");
            assertThat(refusals.get(2).get("index").asInt()).isEqualTo(3);
            assertThat(refusals.get(2).get("code").asString()).isEqualTo("ITEM_DUPLICATE_IN_BATCH");
            assertThat(c.ledger.state().height()).isEqualTo(height);
            assertThat(c.verdict("V-1")).isEqualTo("UNREGISTERED");
            // and only a manufacturer may ask
            assertThat(c.ledger.evaluate(c.retail, split.transientData(), "ValidateItems", split.items()).message())
                    .startsWith("NOT_AUTHORISED");
        }

        @Test
        void refusesDuplicatesWithinTheBatchAndAgainstTheLedger() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> item = c.signedItem(GTIN, "DUP", Map.of());
            final var inBatch = c.refused(c.brand, "RegisterItems", json(List.of(item, item)));
            assertThat(inBatch.code()).isEqualTo("ITEM_DUPLICATE_IN_BATCH");
            assertThat(inBatch.index()).contains(1);
            c.ok(c.brand, "RegisterItems", json(List.of(item)));
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(item))).code()).isEqualTo("ITEM_EXISTS");
        }

        @Test
        void aSignatureByAnotherKeyIsRefused() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> item = Consortium.signedItemWith(BrandKey.generate(), GTIN, "X1", Map.of());
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(item))).code()).isEqualTo("SIGNATURE_INVALID");
        }

        @Test
        void aBatchSignedWithSeveralOfTheBrandsKeysNamingNoneRecordsEachItemsOwnKey() {
            final Consortium c = Consortium.ready();
            final BrandKey second = BrandKey.generate();
            final BrandKey third = BrandKey.generate();
            final String secondId = c.ok(c.brand, "RegisterKey", second.publicKeyPem()).get("keyId").asString();
            final String thirdId = c.ok(c.brand, "RegisterKey", third.publicKeyPem()).get("keyId").asString();
            final List<BrandKey> keys = List.of(c.brandKey, second, third, third, c.brandKey, second);
            final List<String> ids = List.of(c.keyId, secondId, thirdId, thirdId, c.keyId, secondId);
            final List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                batch.add(Consortium.signedItemWith(keys.get(i), GTIN, "MK" + i, Map.of()));
            }
            c.ok(c.brand, "RegisterItems", json(batch));
            for (int i = 0; i < keys.size(); i++) {
                assertThat(c.query(c.brand, "GetItem", GTIN, "MK" + i).get("keyId").asString()).as("item %d", i).isEqualTo(ids.get(i));
                assertThat(c.verdict("MK" + i, (String) batch.get(i).get("signature"))).isEqualTo("GENUINE");
            }
        }

        @Test
        void aTamperedSerialOrLotIsRefused() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> item = new HashMap<>(c.signedItem(GTIN, "X1", Map.of("lot", "L1")));
            item.put("lot", "L2");
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(item))).code()).isEqualTo("SIGNATURE_INVALID");
        }

        @Test
        void malformedSignaturesAreRefusedNotCrashed() {
            final Consortium c = Consortium.ready();
            for (String bad : List.of("", "!!!", "AAAA", "A".repeat(86) + "==", "A".repeat(200))) {
                final Map<String, Object> item = new HashMap<>(c.signedItem(GTIN, "X1", Map.of()));
                item.put("signature", bad);
                assertThat(c.refused(c.brand, "RegisterItems", json(List.of(item))).code()).isEqualTo("SIGNATURE_INVALID");
            }
        }

        @Test
        void anotherManufacturerCannotMintItemsForTheBrand() {
            final Consortium c = Consortium.ready();
            final BrandKey otherKey = BrandKey.generate();
            c.ok(c.otherBrand, "RegisterKey", otherKey.publicKeyPem());
            final Map<String, Object> item = Consortium.signedItemWith(otherKey, GTIN, "FAKE", Map.of());
            final var refusal = c.refused(c.otherBrand, "RegisterItems", json(List.of(item)));
            assertThat(refusal.code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.retail, "RegisterItems", json(List.of(c.signedItem(GTIN, "R", Map.of())))).code())
                    .isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void serialsFollowTheProductsScheme() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(
                    c.signedItem(IMEI_GTIN, "260531793113837", Map.of()),
                    c.signedItem(IMEI_GTIN, "490154203237518", Map.of()),
                    c.signedItem(VIN_GTIN, "1G4AH59H45G118341", Map.of()),
                    c.signedItem(VIN_GTIN, "1M8GDM9AXKP042788", Map.of()))));
            final var badImei = c.refused(c.brand, "RegisterItems", json(List.of(c.signedItem(IMEI_GTIN, "490154203237519", Map.of()))));
            assertThat(badImei.code()).isEqualTo("SERIAL_INVALID");
            assertThat(badImei.message()).contains("IMEI");
            final var badVin = c.refused(c.brand, "RegisterItems", json(List.of(c.signedItem(VIN_GTIN, "1G4AH59H46G118341", Map.of()))));
            assertThat(badVin.code()).isEqualTo("SERIAL_INVALID");
        }

        @Test
        void refusesBadIdentifiersEmptyAndOversizedBatchesAndMalformedJson() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.brand, "RegisterItems", "[]").code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "RegisterItems", "{not json").code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "RegisterItems", "[{\"gtin\":\"" + GTIN + "\",\"serial\":\"A\",\"signature\":\"x\",\"evil\":1}]").code())
                    .isEqualTo("INVALID_ARGUMENT");
            final List<Map<String, Object>> tooMany = new ArrayList<>();
            for (int i = 0; i <= Registration.MAX_BATCH; i++) {
                tooMany.add(Map.of("gtin", GTIN, "serial", "S" + i, "signature", "x"));
            }
            assertThat(c.refused(c.brand, "RegisterItems", json(tooMany)).code()).isEqualTo("LIMIT_EXCEEDED");
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(Map.of("gtin", "1234567890129", "serial", "A", "signature", "x")))).code())
                    .isEqualTo("GTIN_INVALID");
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(Map.of("gtin", GTIN, "serial", "with space", "signature", "x")))).code())
                    .isEqualTo("SERIAL_INVALID");
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(Map.of("gtin", GTIN, "serial", "D", "productionDate", "261345", "signature", "x")))).code())
                    .isEqualTo("DATE_INVALID");
            assertThat(c.refused(c.brand, "RegisterItems", json(List.of(c.signedItem("09520123000042", "A", Map.of())))).code())
                    .isEqualTo("PRODUCT_NOT_FOUND");
        }

        @Test
        void emitsOneEventNamingEveryRegisteredItem() {
            final Consortium c = Consortium.ready();
            final var result = c.submit(c.brand, Map.of(), "RegisterItems",
                    json(List.of(c.signedItem(GTIN, "E1", Map.of()), c.signedItem(GTIN, "E2", Map.of()))));
            assertThat(result.event()).isPresent();
            assertThat(result.event().get().getEventName()).isEqualTo("ItemsRegistered");
            assertThat(result.event().get().getPayload().toString(StandardCharsets.UTF_8)).contains("E1", "E2", result.txId());
        }
    }

    @Nested
    class Paging {

        @Test
        void aLotIsListedPageByPageAndAForeignBookmarkIsRefused() {
            final Consortium c = Consortium.ready();
            final List<Map<String, Object>> batch = new ArrayList<>();
            for (String serial : List.of("P-1", "P-2", "P-3")) {
                batch.add(c.signedItem(GTIN, serial, Map.of("lot", "PAGED")));
            }
            c.ok(c.brand, "RegisterItems", json(batch));
            final var first = c.query(c.brand, "ListItemsByLot", GTIN, "PAGED", "2", "");
            assertThat(first.get("items").size()).isEqualTo(2);
            final var second = c.query(c.brand, "ListItemsByLot", GTIN, "PAGED", "2", first.get("bookmark").asString());
            assertThat(second.get("items").size()).isEqualTo(1);
            assertThat(second.get("items").get(0).get("serial").asString()).isEqualTo("P-3");
            assertThat(c.refusedQuery(c.brand, "ListItemsByLot", GTIN, "OTHER", "2", first.get("bookmark").asString()).code())
                    .isEqualTo("INVALID_ARGUMENT");
        }
    }

    @Nested
    class CanonicalState {

        @Test
        void anItemRegisteredBeforeBatchesWereKeptWholeStillPrintsFromItsOwnKey() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> input = c.signedItem(GTIN, "OWN-KEY", Map.of());
            final var result = c.submit(c.brand, Map.of(), "RegisterItems", json(List.of(input)));
            final String itemKey = "\u0000item\u0000" + GTIN + "\u0000OWN-KEY\u0000";
            final String written = new String(c.ledger.state().get(itemKey).orElseThrow(), StandardCharsets.UTF_8);
            // as the contract wrote it before: no registeredIn, the signature under the item's own key, no batch value
            final String older = written.replaceFirst(",\"registeredIn\":\"[0-9a-f]+\"", "");
            assertThat(older).isNotEqualTo(written);
            final String collection = "_implicit_org_" + Consortium.BRAND;
            com.serialtrust.sim.RawCommits.commit(c.ledger.state(), "older-contract", result.timestamp(),
                    Map.of(itemKey, java.util.Optional.of(older.getBytes(StandardCharsets.UTF_8))), collection,
                    Map.of(itemKey, java.util.Optional.of(((String) input.get("signature")).getBytes(StandardCharsets.UTF_8)),
                            "\u0000labels\u0000" + result.txId() + "\u0000", java.util.Optional.empty()));
            assertThat(c.query(c.brand, "GetItem", GTIN, "OWN-KEY").has("registeredIn")).isFalse();
            assertThat(c.query(c.brand, "GetLabels", Consortium.refs("OWN-KEY")).get(0).get("signature").asString())
                    .isEqualTo(input.get("signature"));
        }

        @Test
        void anItemWrittenWithItsSignatureBeforeDigestsStillReadsAsTheSameItem() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> input = c.signedItem(GTIN, "LEGACY", Map.of());
            final var result = c.submit(c.brand, Map.of(), "RegisterItems", json(List.of(input)));
            final String itemKey = result.writes().publicWrites().keySet().stream()
                    .filter(k -> k.startsWith("\u0000item\u0000")).findFirst().orElseThrow();
            final String written = new String(c.ledger.state().get(itemKey).orElseThrow(), StandardCharsets.UTF_8);
            final String legacy = written.replaceFirst("\"signatureDigest\":\"[^\"]+\"",
                    "\"signature\":\"" + input.get("signature") + "\"");
            assertThat(legacy).isNotEqualTo(written);
            assertThat(Json.readState(legacy.getBytes(StandardCharsets.UTF_8), Item.class))
                    .isEqualTo(Json.readState(written.getBytes(StandardCharsets.UTF_8), Item.class));
        }

        @Test
        void anItemIsWrittenAsSortedCompactJson() {
            final Consortium c = Consortium.ready();
            final Map<String, Object> input = c.signedItem(GTIN, "CANON", Map.of("lot", "L7"));
            final var result = c.submit(c.brand, Map.of(), "RegisterItems", json(List.of(input)));
            final String itemKey = result.writes().publicWrites().keySet().stream()
                    .filter(k -> k.startsWith("\u0000item\u0000")).findFirst().orElseThrow();
            final String written = new String(result.writes().publicWrites().get(itemKey).orElseThrow(), StandardCharsets.UTF_8);
            assertThat(written).isEqualTo("{\"custodian\":\"BrandMSP\",\"gtin\":\"09520123456788\",\"keyId\":\"" + c.keyId + "\","
                    + "\"lastEvent\":{\"actor\":\"BrandMSP\",\"at\":\"" + result.timestamp() + "\",\"txId\":\"" + result.txId()
                    + "\",\"type\":\"REGISTERED\"},\"lot\":\"L7\",\"manufacturer\":\"BrandMSP\",\"owners\":0,"
                    + "\"registeredAt\":\"" + result.timestamp() + "\",\"registeredIn\":\"" + result.txId()
                    + "\",\"revision\":0,\"serial\":\"CANON\",\"serviceRecords\":0,"
                    + "\"signatureDigest\":\"" + lowSDigest((String) input.get("signature")) + "\",\"status\":\"REGISTERED\"}");
        }

        @Test
        void theSameTransactionsOnTwoPeersWriteTheSameBytes() {
            final Consortium a = Consortium.ready();
            final Consortium b = Consortium.readyLike(a);
            // ECDSA signing is randomised, so both peers receive the very same signed item
            final Map<String, Object> item = a.signedItem(GTIN, "DET-1", Map.of("lot", "L1", "productionDate", "260201"));
            // and a commitment's salt is the client's, so both receive the same commitment too
            final String commitment = OwnerProofs.commitSecret("s3cret-s3cret");
            assertThat(story(b, item, commitment)).isEqualTo(story(a, item, commitment)).isNotEmpty();
        }

        private List<String> story(final Consortium c, final Map<String, Object> item, final String commitment) {
            final List<String> writes = new ArrayList<>();
            for (var result : List.of(
                    c.submit(c.brand, Map.of(), "RegisterItems", json(List.of(item))),
                    c.submit(c.brand, Map.of(), "ShipItems", Consortium.refs("DET-1"), Consortium.RETAIL),
                    c.submit(c.retail, Map.of(), "ReceiveItems", Consortium.refs("DET-1")),
                    c.submit(c.retail, Map.of(), "SellItem", GTIN, "DET-1", commitment))) {
                assertThat(result.ok()).as(result.message()).isTrue();
                writes.add("tx " + result.txId() + " at " + result.timestamp());
                result.writes().publicWrites().forEach((k, v) -> writes.add(k + "=" + v.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("<deleted>")));
            }
            return writes;
        }
    }

    /** SHA-256 of the signature's low-S form, base64url: what public state keeps instead of the signature. */
    private static String lowSDigest(final String signature) {
        final byte[] raw = com.serialtrust.crypto.Base64Url.decode(signature).orElseThrow();
        final java.math.BigInteger n = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName("secp256r1").getN();
        final java.math.BigInteger s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64));
        if (s.compareTo(n.shiftRight(1)) > 0) {
            System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s)), 0, raw, 32, 32);
        }
        try {
            return com.serialtrust.crypto.Base64Url.encode(java.security.MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
