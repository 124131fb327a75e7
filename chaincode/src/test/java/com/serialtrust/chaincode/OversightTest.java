package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.json;
import static com.serialtrust.chaincode.Consortium.secret;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Theft, recall, warranty, police searches, owner contact and history. */
class OversightTest {

    private static final String SECRET = "claim-code-0123456789";
    private static final String REPORT = "{\"date\":\"2026-02-27\"}";
    private static final String SALT = "c2FsdC1zYWx0LXNhbHQtc2FsdA";
    private static final String DETAILS = "{\"place\":\"12 Rue Garibaldi, Lyon\",\"policeReport\":\"PR-2026-77\",\"salt\":\"" + SALT + "\"}";

    private static Map<String, byte[]> details(final Map<String, byte[]> with) {
        final Map<String, byte[]> out = new HashMap<>(with);
        out.put("theftDetails", DETAILS.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    @Nested
    class Theft {

        @Test
        void theOwnerReportsTheftAndEveryCheckSaysStolenButNotWhere() {
            final Consortium c = Consortium.ready();
            c.sold("T1", SECRET);
            final var result = c.submit(c.stranger, details(secret(SECRET)), "ReportTheft", GTIN, "T1", REPORT);
            assertThat(result.ok()).as(result.message()).isTrue();
            assertThat(result.writes().publicWrites().toString()).as("public state holds no place or report number")
                    .doesNotContain("Garibaldi").doesNotContain("PR-2026-77");
            final var verify = c.verify("T1");
            assertThat(verify.get("verdict").asString()).isEqualTo("STOLEN");
            assertThat(verify.get("theft").get("date").asString()).isEqualTo("2026-02-27");
            assertThat(verify.toString()).doesNotContain("Garibaldi").doesNotContain("PR-2026-77").doesNotContain("OWNER");
            final var report = c.query(c.police, "GetTheftReport", GTIN, "T1");
            assertThat(report.get("place").asString()).isEqualTo("12 Rue Garibaldi, Lyon");
            assertThat(report.get("policeReport").asString()).isEqualTo("PR-2026-77");
            assertThat(report.get("reportedBy").asString()).isEqualTo("OWNER");
            assertThat(c.refusedQuery(c.retail, "GetTheftReport", GTIN, "T1").code()).isEqualTo("NOT_AUTHORISED");
            final var found = c.query(c.police, "CheckSerials", "[{\"serial\":\"T1\"}]").get(0).get("matches").get(0);
            assertThat(found.get("theft").get("date").asString()).isEqualTo("2026-02-27");
            assertThat(found.get("theft").has("policeReport")).as("a search reads public state only").isFalse();
            final var reports = c.query(c.police, "GetTheftReports", Consortium.refs("T1"));
            assertThat(reports.get(0).get("theft").get("policeReport").asString()).isEqualTo("PR-2026-77");
            assertThat(reports.get(0).get("item").get("serial").asString()).isEqualTo("T1");
            assertThat(c.refusedQuery(c.retail, "GetTheftReports", Consortium.refs("T1")).code()).isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void aPlaceInThePublicArgumentIsRefusedAndDetailsNeedASalt() {
            final Consortium c = Consortium.ready();
            c.register("T7");
            assertThat(c.refused(c.brand, "ReportTheft", GTIN, "T7", "{\"date\":\"2026-02-27\",\"place\":\"Lyon\"}").code())
                    .isEqualTo("INVALID_ARGUMENT");
            final Map<String, byte[]> unsalted = Map.of("theftDetails", "{\"place\":\"Lyon\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(c.refusedWith(c.brand, unsalted, "ReportTheft", GTIN, "T7", REPORT).code()).isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void onlyTheOwnerOrCustodianMayReport() {
            final Consortium c = Consortium.ready();
            c.sold("T2", SECRET);
            assertThat(c.refused(c.retail, "ReportTheft", GTIN, "T2", REPORT).code()).isEqualTo("OWNER_PROOF_INVALID");
            c.register("T3");
            assertThat(c.refused(c.retail, "ReportTheft", GTIN, "T3", REPORT).code()).isEqualTo("NOT_CUSTODIAN");
            c.ok(c.brand, "ReportTheft", GTIN, "T3", REPORT);
        }

        @Test
        void aStolenItemRefusesSaleAndShipping() {
            final Consortium c = Consortium.ready();
            c.inRetailStock("T4");
            c.ok(c.retail, "ReportTheft", GTIN, "T4", REPORT);
            assertThat(c.refused(c.retail, "SellItem", GTIN, "T4", OwnerProofs.commitSecret("x")).code()).isEqualTo("ITEM_STOLEN");
            assertThat(c.refused(c.retail, "ShipItems", Consortium.refs("T4"), Consortium.BRAND).code()).isEqualTo("ITEM_STOLEN");
        }

        @Test
        void policeFlagAndClearOnRecoveryAndNobodyElseClears() {
            final Consortium c = Consortium.ready();
            c.register("T5");
            assertThat(c.refused(c.retail, "FlagStolen", GTIN, "T5", REPORT).code()).isEqualTo("NOT_AUTHORISED");
            c.ok(c.police, "FlagStolen", GTIN, "T5", REPORT);
            assertThat(c.refused(c.police, "FlagStolen", GTIN, "T5", REPORT).code()).isEqualTo("ITEM_STOLEN");
            assertThat(c.query(c.police, "ListStolenItems", "10", "").get("items").size()).isEqualTo(1);
            assertThat(c.refused(c.brand, "ClearTheft", GTIN, "T5", "found").code()).isEqualTo("NOT_AUTHORISED");
            c.ok(c.police, "ClearTheft", GTIN, "T5", "recovered in a raid");
            assertThat(c.verdict("T5")).isEqualTo("GENUINE");
            assertThat(c.refused(c.police, "ClearTheft", GTIN, "T5", "again").code()).isEqualTo("ITEM_NOT_STOLEN");
            assertThat(c.query(c.police, "ListStolenItems", "10", "").get("items").size()).isZero();
            assertThat(c.refusedQuery(c.brand, "ListStolenItems", "10", "").code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refusedQuery(c.police, "ListStolenItems", "10", "\u0000").code())
                    .as("a bookmark this list never returned").isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void refusesMalformedAndFutureReports() {
            final Consortium c = Consortium.ready();
            c.register("T6");
            assertThat(c.refused(c.brand, "ReportTheft", GTIN, "T6", "{\"date\":\"2099-01-01\"}").code()).isEqualTo("DATE_INVALID");
            assertThat(c.refused(c.brand, "ReportTheft", GTIN, "T6", "{\"date\":\"yesterday\"}").code()).isEqualTo("DATE_INVALID");
            assertThat(c.refused(c.brand, "ReportTheft", GTIN, "T6", "{}").code()).isEqualTo("DATE_INVALID");
            final Map<String, byte[]> long_ = Map.of("theftDetails", ("{\"place\":\"" + "x".repeat(101) + "\",\"salt\":\"" + SALT + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(c.refusedWith(c.brand, long_, "ReportTheft", GTIN, "T6", REPORT).code()).isEqualTo("LIMIT_EXCEEDED");
        }
    }

    @Nested
    class Recall {

        @Test
        void aLotRecallCoversTheLotOnlyWithOneWrite() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(
                    c.signedItem(GTIN, "R1", Map.of("lot", "BAD")), c.signedItem(GTIN, "R2", Map.of("lot", "GOOD")))));
            final var result = c.submit(c.brand, Map.of(), "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"lot\":\"BAD\"}",
                    "Battery may overheat. Stop using it and return it.");
            assertThat(result.ok()).isTrue();
            assertThat(result.writes().publicWrites()).hasSize(2);
            final var verify = c.verify("R1");
            assertThat(verify.get("verdict").asString()).isEqualTo("RECALLED");
            assertThat(verify.get("recalls").get(0).get("notice").asString()).contains("overheat");
            assertThat(c.verdict("R2")).isEqualTo("GENUINE");
        }

        @Test
        void aProductionDateRangeRecallCoversItemsMadeInRange() {
            final Consortium c = Consortium.ready();
            c.ok(c.brand, "RegisterItems", json(List.of(
                    c.signedItem(GTIN, "D-IN", Map.of("productionDate", "260110")),
                    c.signedItem(GTIN, "D-OUT", Map.of("productionDate", "260210")),
                    c.signedItem(GTIN, "D-NONE", Map.of()))));
            c.ok(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"producedFrom\":\"2026-01-01\",\"producedTo\":\"2026-01-31\"}", "Seal defect");
            assertThat(c.verdict("D-IN")).isEqualTo("RECALLED");
            assertThat(c.verdict("D-OUT")).isEqualTo("GENUINE");
            assertThat(c.verdict("D-NONE")).isEqualTo("GENUINE");
        }

        @Test
        void aComponentRecallReachesEveryAssemblyBuiltWithIt() {
            final Consortium c = Consortium.ready();
            c.register("BIKE", "FRAME", "BOLT");
            c.ok(c.brand, "LinkComponents", GTIN, "FRAME", Consortium.refs("BOLT"));
            c.ok(c.brand, "LinkComponents", GTIN, "BIKE", Consortium.refs("FRAME"));
            c.ok(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"serial\":\"BOLT\"}", "Bolt may shear");
            final var verify = c.verify("BIKE");
            assertThat(verify.get("verdict").asString()).isEqualTo("RECALLED");
            assertThat(verify.get("recalls").get(0).get("via").get("serial").asString()).isEqualTo("BOLT");
        }

        @Test
        void aGtinRecallStopsSalesAndAWithdrawalLiftsIt() {
            final Consortium c = Consortium.ready();
            c.inRetailStock("G1");
            final String id = c.ok(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\"}", "All units").get("id").asString();
            assertThat(c.refused(c.retail, "SellItem", GTIN, "G1", OwnerProofs.commitSecret("x")).code()).isEqualTo("ITEM_RECALLED");
            assertThat(c.refused(c.otherBrand, "WithdrawRecall", id).code()).isEqualTo("NOT_AUTHORISED");
            c.ok(c.brand, "WithdrawRecall", id);
            assertThat(c.verdict("G1")).isEqualTo("GENUINE");
            assertThat(c.refused(c.brand, "WithdrawRecall", id).code()).isEqualTo("ILLEGAL_TRANSITION");
        }

        @Test
        void anItemsRecallsIncludeWithdrawnOnesAndThoseOfItsComponentsButNoOtherLots() {
            final Consortium c = Consortium.ready();
            c.register("BIKE", "FRAME");
            c.ok(c.brand, "LinkComponents", GTIN, "BIKE", Consortium.refs("FRAME"));
            c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "LOTTED", Map.of("lot", "L1")))));
            final String lifted = c.ok(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"serial\":\"BIKE\"}", "Brake check")
                    .get("id").asString();
            c.ok(c.brand, "WithdrawRecall", lifted);
            c.ok(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"serial\":\"FRAME\"}", "Frame weld");
            c.ok(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"lot\":\"L2\"}", "Another lot");

            final var recalls = c.query(c.retail, "ListItemRecalls", GTIN, "BIKE");
            assertThat(recalls).hasSize(2);
            assertThat(recalls.get(0).get("recall").get("id").asString()).isEqualTo(lifted);
            assertThat(recalls.get(0).get("recall").has("withdrawnAt")).isTrue();
            assertThat(recalls.get(0).has("via")).isFalse();
            assertThat(recalls.get(1).get("recall").get("notice").asString()).isEqualTo("Frame weld");
            assertThat(recalls.get(1).get("via").get("serial").asString()).isEqualTo("FRAME");
            assertThat(c.query(c.retail, "ListItemRecalls", GTIN, "LOTTED")).isEmpty();
            assertThat(c.refusedQuery(c.retail, "ListItemRecalls", GTIN, "NOPE").code()).isEqualTo("ITEM_NOT_FOUND");
        }

        @Test
        void onlyTheBrandRecallsItsProductsWithAValidScope() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.otherBrand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\"}", "x").code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"lot\":\"A\",\"serial\":\"B\"}", "x").code())
                    .isEqualTo("RECALL_SCOPE_INVALID");
            assertThat(c.refused(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"producedFrom\":\"2026-02-01\",\"producedTo\":\"2026-01-01\"}", "x").code())
                    .isEqualTo("RECALL_SCOPE_INVALID");
            assertThat(c.refused(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\"}", "").code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refusedQuery(c.stranger, "GetRecall", "nope").code()).isEqualTo("RECALL_NOT_FOUND");
        }
    }

    @Nested
    class WarrantyAndService {

        @Test
        void notActivatedUntilSoldThenActiveThenExpired() {
            final Consortium c = Consortium.ready();
            c.inRetailStock("W1");
            assertThat(c.query(c.service, "GetWarranty", GTIN, "W1").get("warranty").get("status").asString()).isEqualTo("NOT_ACTIVATED");
            c.ok(c.retail, "SellItem", GTIN, "W1", OwnerProofs.commitSecret(SECRET));
            assertThat(c.query(c.service, "GetWarranty", GTIN, "W1").get("warranty").get("status").asString()).isEqualTo("ACTIVE");
            c.clock.advance(Duration.ofDays(800));
            assertThat(c.query(c.service, "GetWarranty", GTIN, "W1").get("warranty").get("status").asString()).isEqualTo("EXPIRED");
        }

        @Test
        void serviceCentresRecordRepairsWithReplacedParts() {
            final Consortium c = Consortium.ready();
            c.sold("W2", SECRET);
            c.ok(c.service, "RecordService", GTIN, "W2",
                    "{\"description\":\"Replaced crown\",\"replacedParts\":[{\"removedSerial\":\"CR-1\",\"installedSerial\":\"CR-2\"}]}");
            final var warranty = c.query(c.service, "GetWarranty", GTIN, "W2");
            assertThat(warranty.get("serviceRecords").get(0).get("replacedParts").get(0).get("installedSerial").asString()).isEqualTo("CR-2");
            assertThat(c.refused(c.retail, "RecordService", GTIN, "W2", "{\"description\":\"x\"}").code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.service, "RecordService", GTIN, "W2", "{\"description\":\"x\",\"replacedParts\":[{}]}").code())
                    .isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void aVoidedWarrantyShowsTheReasonAndCannotBeVoidedTwice() {
            final Consortium c = Consortium.ready();
            c.sold("W3", SECRET);
            assertThat(c.refused(c.retail, "VoidWarranty", GTIN, "W3", "opened").code()).isEqualTo("NOT_AUTHORISED");
            c.ok(c.service, "VoidWarranty", GTIN, "W3", "water damage from misuse");
            final var warranty = c.verify("W3").get("warranty");
            assertThat(warranty.get("status").asString()).isEqualTo("VOID");
            assertThat(warranty.get("voidReason").asString()).contains("water");
            assertThat(c.refused(c.brand, "VoidWarranty", GTIN, "W3", "again").code()).isEqualTo("WARRANTY_ALREADY_VOID");
        }
    }

    @Nested
    class PoliceSearch {

        @Test
        void aTypingSlipIsAnsweredWithTheSerialItMeantAndNothingFurtherAway() {
            final Consortium c = Consortium.ready();
            c.register("DEMO-0001", "DEMO-0002", "SB-12");
            for (String slip : List.of("demo-0001", "DEMO-OOO1", "DEM0.OOO1", "dem00001")) {
                assertThat(c.query(c.stranger, "SuggestSerials", GTIN, slip).get("suggestions").toString())
                        .as(slip).isEqualTo("[\"DEMO-0001\"]");
            }
            assertThat(c.query(c.stranger, "SuggestSerials", GTIN, "5B-12").get("suggestions").toString())
                    .isEqualTo("[\"SB-12\"]");
            assertThat(c.query(c.stranger, "SuggestSerials", GTIN, "DEMO-0003").get("suggestions").size())
                    .as("a serial one character away is not a slip of look-alikes: no hint to search by").isZero();
            assertThat(c.query(c.stranger, "SuggestSerials", GTIN, "DEMO-0001").get("suggestions").size())
                    .as("the registered serial itself needs no suggestion").isZero();
            assertThat(c.query(c.stranger, "SuggestSerials", Consortium.IMEI_GTIN, "demo-0001").get("suggestions").size())
                    .as("only under the GTIN typed").isZero();
            assertThat(c.refusedQuery(c.stranger, "SuggestSerials", GTIN, "with space").code()).isEqualTo("SERIAL_INVALID");
        }

        @Test
        void checksAPastedListAcrossGtins() {
            final Consortium c = Consortium.ready();
            c.register("LIST-1", "LIST-2");
            c.ok(c.police, "FlagStolen", GTIN, "LIST-2", REPORT);
            assertThat(c.refusedQuery(c.retail, "CheckSerials", "[{\"serial\":\"LIST-1\"}]").code())
                    .as("police checks are for the police").isEqualTo("NOT_AUTHORISED");
            assertThat(c.query(c.brand, "CheckSerials", "[{\"serial\":\"LIST-2\"}]").get(0).get("matches").get(0).has("theft"))
                    .as("a manufacturer learns which serials exist, not a theft's details").isFalse();
            final var results = c.query(c.police, "CheckSerials", "[{\"serial\":\"LIST-1\"},{\"serial\":\"LIST-2\"},{\"serial\":\"NOPE\"}]");
            assertThat(results.get(0).get("matches").get(0).get("stolen").asBoolean()).isFalse();
            assertThat(results.get(1).get("matches").get(0).get("stolen").asBoolean()).isTrue();
            assertThat(results.get(2).get("matches").size()).isZero();
            // one bad line is answered as such, and the lines around it are still checked
            final var mixed = c.query(c.police, "CheckSerials",
                    "[{\"serial\":\"LIST-2\"},{\"serial\":\"bad serial\"},{\"gtin\":\"1234567890129\",\"serial\":\"LIST-1\"},{\"serial\":\"LIST-1\"}]");
            assertThat(mixed.size()).isEqualTo(4);
            assertThat(mixed.get(0).get("matches").get(0).get("stolen").asBoolean()).isTrue();
            assertThat(mixed.get(1).get("error").get("code").asString()).isEqualTo("SERIAL_INVALID");
            assertThat(mixed.get(2).get("error").get("code").asString()).isEqualTo("GTIN_INVALID");
            assertThat(mixed.get(3).get("matches").size()).isEqualTo(1);
            assertThat(mixed.get(3).has("error")).isFalse();
            final var nulls = c.refusedQuery(c.police, "CheckSerials", "[{\"serial\":\"LIST-1\"},null]");
            assertThat(nulls.code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(nulls.message()).contains("[1]").doesNotContain("com.serialtrust").doesNotContain("class");
            assertThat(c.refusedQuery(c.police, "CheckSerials", "[{\"serial\":\"LIST-1\",\"colour\":\"red\"}]").message())
                    .contains("unknown field \"colour\"").doesNotContain("com.serialtrust");
        }

        @Test
        void findsWornAndMistypedSerialsWithinTwoEdits() {
            final Consortium c = Consortium.ready();
            c.register("SN-00A7B3X9Q", "SN-77777777", "ZZ1234");
            assertThat(c.refusedQuery(c.brand, "FindCloseSerials", "SN-00A7B3X9Q").code()).isEqualTo("NOT_AUTHORISED");
            final var exactFold = c.query(c.police, "FindCloseSerials", "5n-OOA7B3X9Q");
            assertThat(exactFold.get("matches").toString()).contains("SN-00A7B3X9Q");
            final var twoEdits = c.query(c.police, "FindCloseSerials", "SN 00A7B3X");
            assertThat(twoEdits.get("matches").get(0).get("item").get("serial").asString()).isEqualTo("SN-00A7B3X9Q");
            assertThat(twoEdits.get("matches").get(0).get("distance").asInt()).isEqualTo(2);
            assertThat(c.query(c.police, "FindCloseSerials", "2Z-I234").get("matches").toString()).contains("ZZ1234");
            assertThat(c.query(c.police, "FindCloseSerials", "QQQQQQQQ").get("matches").size()).isZero();
        }

        @Test
        void ownerContactIsPrivateAndPoliceOnly() {
            final Consortium c = Consortium.ready();
            c.sold("PC1", SECRET);
            final Map<String, byte[]> transientData = new HashMap<>(secret(SECRET));
            transientData.put("contact", ("{\"email\":\"owner@example.org\",\"salt\":\"" + SALT + "\"}").getBytes(StandardCharsets.UTF_8));
            final var result = c.submit(c.stranger, transientData, "SetOwnerContact", GTIN, "PC1");
            assertThat(result.ok()).isTrue();
            assertThat(result.writes().publicWrites()).as("no personal data on public state").isEmpty();
            assertThat(c.query(c.police, "GetOwnerContact", GTIN, "PC1").toString()).isEqualTo("{\"email\":\"owner@example.org\"}");
            assertThat(new String(result.writes().privateWrites().get("ownerContact").values().iterator().next().orElseThrow(),
                    StandardCharsets.UTF_8)).as("the salt is kept with the details").contains(SALT);
            assertThat(c.refusedQuery(c.retail, "GetOwnerContact", GTIN, "PC1").code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refusedQuery(c.police, "GetOwnerContact", GTIN, "NOPE").code()).isEqualTo("ITEM_NOT_FOUND");
            c.okWith(c.stranger, secret(SECRET), "TransferOwnership", GTIN, "PC1", OwnerProofs.commitSecret("new-owner-code"));
            assertThat(c.refusedQuery(c.police, "GetOwnerContact", GTIN, "PC1").code())
                    .as("a new owner does not inherit the old owner's contact").isEqualTo("CONTACT_NOT_FOUND");
        }

        @Test
        void aContactNeedsASaltAndAKeyOwnersProofCoversTheDetails() {
            final Consortium c = Consortium.ready();
            c.sold("PC2", SECRET);
            final Map<String, byte[]> unsalted = new HashMap<>(secret(SECRET));
            unsalted.put("contact", "{\"email\":\"owner@example.org\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(c.refusedWith(c.stranger, unsalted, "SetOwnerContact", GTIN, "PC2").code()).isEqualTo("INVALID_ARGUMENT");

            final BrandKey browser = BrandKey.generate();
            c.okWith(c.stranger, secret(SECRET), "ClaimOwnership", GTIN, "PC2",
                    OwnerProofs.commitKey(com.serialtrust.crypto.P256.parsePublicKey(browser.publicKeyBase64())));
            final long revision = c.query(c.stranger, "GetItem", GTIN, "PC2").get("revision").asLong();
            final String statement = OwnerProofs.statement("SET_CONTACT", new ItemRef(GTIN, "PC2"), revision,
                    OwnerProofs.contactDigest(Map.of("email", "owner@example.org")));
            final Map<String, byte[]> proof = new HashMap<>(Map.of(
                    OwnerProofs.PUBLIC_KEY, browser.publicKeyBase64().getBytes(StandardCharsets.US_ASCII),
                    OwnerProofs.SIGNATURE, browser.sign(statement).getBytes(StandardCharsets.US_ASCII)));
            proof.put("contact", ("{\"email\":\"attacker@example.net\",\"salt\":\"" + SALT + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(c.refusedWith(c.stranger, proof, "SetOwnerContact", GTIN, "PC2").code())
                    .as("the proof, replayed with another address").isEqualTo("OWNER_PROOF_INVALID");
            proof.put("contact", ("{\"email\":\"owner@example.org\",\"salt\":\"" + SALT + "\"}").getBytes(StandardCharsets.UTF_8));
            c.okWith(c.stranger, proof, "SetOwnerContact", GTIN, "PC2");
            assertThat(c.query(c.police, "GetOwnerContact", GTIN, "PC2").get("email").asString()).isEqualTo("owner@example.org");
        }
    }

    @Nested
    class History {

        @Test
        void readsBackAsATimelineOldestFirst() {
            final Consortium c = Consortium.ready();
            c.sold("H1", SECRET);
            c.okWith(c.stranger, secret(SECRET), "ReportTheft", GTIN, "H1", REPORT);
            c.ok(c.police, "ClearTheft", GTIN, "H1", "recovered");
            final var history = c.query(c.stranger, "GetItemHistory", GTIN, "H1");
            final List<String> types = new java.util.ArrayList<>();
            history.forEach(entry -> types.add(entry.get("item").get("lastEvent").get("type").asString()));
            assertThat(types).containsExactly("REGISTERED", "SHIPPED", "RECEIVED", "SOLD", "STOLEN", "RECOVERED");
            assertThat(c.refusedQuery(c.stranger, "GetItemHistory", GTIN, "NOPE").code()).isEqualTo("ITEM_NOT_FOUND");
        }

        @Test
        void verificationCarriesTheLedgerProof() {
            final Consortium c = Consortium.ready();
            c.register("H2");
            final var verify = c.verify("H2");
            assertThat(verify.get("proof").get("txId").asString()).matches("[0-9a-f]{64}");
            assertThat(verify.get("manufacturer").asString()).isEqualTo(Consortium.BRAND);
            assertThat(verify.get("productName").asString()).isEqualTo("Trail watch");
            assertThat(verify.get("publicKey").asString()).isNotBlank();
        }

        @Test
        void aWrongCheckDigitIsACodedRefusalNotACrash() {
            final Consortium c = Consortium.ready();
            assertThat(c.refusedQuery(c.stranger, "Verify", "(01)1234567890129(21)X", "").code()).isEqualTo("GTIN_INVALID");
            assertThat(c.refusedQuery(c.stranger, "Verify", "(01)" + GTIN + "(21)", "").code()).isEqualTo("SERIAL_INVALID");
        }
    }

    @Nested
    class Metadata {

        @Test
        void listsEveryTransaction() {
            final Consortium c = Consortium.ready();
            final var result = c.ledger.evaluate(c.stranger, "org.hyperledger.fabric:GetMetadata");
            assertThat(result.ok()).isTrue();
            final String metadata = result.payloadText();
            for (String tx : List.of("BootstrapAuthority", "GrantRole", "RevokeRole", "AssignPrefix", "WithdrawPrefix",
                    "RegisterKey", "RotateKey", "RevokeKey", "DeclareKeyCompromised", "RegisterProduct", "RegisterItems",
                    "ShipItems", "ReceiveItems", "SellItem", "ReturnItem", "ClaimOwnership", "TransferOwnership",
                    "DecommissionItem", "LinkComponents", "ReportTheft", "FlagStolen", "ClearTheft", "ListStolenItems",
                    "IssueRecall", "WithdrawRecall", "GetRecall", "ListRecalls", "ListItemRecalls", "RecordService", "VoidWarranty",
                    "GetWarranty", "SetOwnerContact", "GetOwnerContact", "GetTheftReport", "Verify", "GetItem", "GetLabels", "GetItemHistory",
                    "ListItemsByLot", "ListItemsContaining", "ListComponents", "CheckSerials", "FindCloseSerials", "SuggestSerials",
                    "GetTheftReports", "SetProductLinks", "GetProductLinks", "AuditState", "ValidateItems")) {
                assertThat(metadata).as("metadata lists %s", tx).contains("\"name\":\"" + tx + "\"");
            }
        }

        @Test
        void anUnknownTransactionIsRefused() {
            final Consortium c = Consortium.ready();
            assertThat(c.ledger.evaluate(c.stranger, "MintMoney").ok()).isFalse();
        }
    }
}
