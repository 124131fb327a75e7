package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.DISTRIBUTOR;
import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.RETAIL;
import static com.serialtrust.chaincode.Consortium.json;
import static com.serialtrust.chaincode.Consortium.refs;
import static com.serialtrust.chaincode.Consortium.secret;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.crypto.Base64Url;
import com.serialtrust.crypto.P256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final String SECRET = "claim-code-0123456789";

    @Nested
    class ShipAndReceive {

        @Test
        void custodyMovesFromBrandThroughDistributorToRetail() {
            final Consortium c = Consortium.ready();
            c.register("C1");
            c.ok(c.brand, "ShipItems", refs("C1"), DISTRIBUTOR);
            assertThat(c.query(c.stranger, "GetItem", GTIN, "C1").get("status").asString()).isEqualTo("IN_TRANSIT");
            c.ok(c.distributor, "ReceiveItems", refs("C1"));
            c.ok(c.distributor, "ShipItems", refs("C1"), RETAIL);
            c.ok(c.retail, "ReceiveItems", refs("C1"));
            final var item = c.query(c.stranger, "GetItem", GTIN, "C1");
            assertThat(item.get("status").asString()).isEqualTo("IN_STOCK");
            assertThat(item.get("custodian").asString()).isEqualTo(RETAIL);
        }

        @Test
        void onlyTheCustodianShipsAndOnlyTheAddresseeReceives() {
            final Consortium c = Consortium.ready();
            c.register("C2");
            assertThat(c.refused(c.retail, "ShipItems", refs("C2"), DISTRIBUTOR).code()).isEqualTo("NOT_CUSTODIAN");
            c.ok(c.brand, "ShipItems", refs("C2"), RETAIL);
            assertThat(c.refused(c.distributor, "ReceiveItems", refs("C2")).code()).isEqualTo("NOT_CUSTODIAN");
            assertThat(c.refused(c.brand, "ShipItems", refs("C2"), DISTRIBUTOR).code()).isEqualTo("NOT_CUSTODIAN");
        }

        @Test
        void refusesShippingToStrangersOrItselfAndUnknownItems() {
            final Consortium c = Consortium.ready();
            c.register("C3");
            assertThat(c.refused(c.brand, "ShipItems", refs("C3"), "NobodyMSP").code()).isEqualTo("ORGANISATION_NOT_FOUND");
            assertThat(c.refused(c.brand, "ShipItems", refs("C3"), Consortium.POLICE).code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.brand, "ShipItems", refs("C3"), Consortium.BRAND).code()).isEqualTo("ILLEGAL_TRANSITION");
            final var unknown = c.refused(c.brand, "ShipItems", refs("C3", "NOPE"), RETAIL);
            assertThat(unknown.code()).isEqualTo("ITEM_NOT_FOUND");
            assertThat(c.query(c.stranger, "GetItem", GTIN, "C3").get("status").asString()).isEqualTo("REGISTERED");
        }
    }

    @Nested
    class SellItem {

        @Test
        void aSaleRecordsOnlyACommitmentAndStartsTheWarranty() {
            final Consortium c = Consortium.ready();
            c.sold("S1", SECRET);
            final var item = c.query(c.stranger, "GetItem", GTIN, "S1");
            assertThat(item.get("status").asString()).isEqualTo("SOLD");
            assertThat(item.get("owners").asInt()).isEqualTo(1);
            assertThat(item.get("ownerCommitment").asString()).startsWith("scrypt:").doesNotContain(SECRET);
            assertThat(item.has("custodian")).isFalse();
            final var verify = c.verify("S1");
            assertThat(verify.get("warranty").get("status").asString()).isEqualTo("ACTIVE");
            assertThat(verify.get("warranty").get("until").asString()).isEqualTo("2028-03-01");
        }

        @Test
        void onlyARetailerHoldingTheItemSells() {
            final Consortium c = Consortium.ready();
            c.inRetailStock("S2");
            final String commitment = OwnerProofs.commitSecret(SECRET);
            assertThat(c.refused(c.distributor, "SellItem", GTIN, "S2", commitment).code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.brand, "SellItem", GTIN, "S2", commitment).code()).isEqualTo("NOT_CUSTODIAN");
            assertThat(c.refused(c.retail, "SellItem", GTIN, "S2", "my name is Bob").code()).isEqualTo("COMMITMENT_INVALID");
        }

        @Test
        void aSoldItemCannotBeSoldOrShippedAgain() {
            final Consortium c = Consortium.ready();
            c.sold("S3", SECRET);
            assertThat(c.refused(c.retail, "SellItem", GTIN, "S3", OwnerProofs.commitSecret("x")).code()).isEqualTo("NOT_CUSTODIAN");
            assertThat(c.refused(c.retail, "ShipItems", refs("S3"), DISTRIBUTOR).code()).isEqualTo("NOT_CUSTODIAN");
        }
    }

    @Nested
    class Ownership {

        @Test
        void theOwnerTransfersWithTheSecretAndTheOldSecretStopsWorking() {
            final Consortium c = Consortium.ready();
            c.sold("O1", SECRET);
            final String next = "next-owner-secret-42";
            c.okWith(c.stranger, secret(SECRET), "TransferOwnership", GTIN, "O1", OwnerProofs.commitSecret(next));
            assertThat(c.query(c.stranger, "GetItem", GTIN, "O1").get("owners").asInt()).isEqualTo(2);
            assertThat(c.refusedWith(c.stranger, secret(SECRET), "TransferOwnership", GTIN, "O1",
                    OwnerProofs.commitSecret("thief")).code()).isEqualTo("OWNER_PROOF_INVALID");
            c.okWith(c.stranger, secret(next), "TransferOwnership", GTIN, "O1", OwnerProofs.commitSecret("third"));
        }

        @Test
        void aSecretsCommitmentIsSaltedSlowAndNeverTheSameTwice() {
            final String first = OwnerProofs.commitSecret("the-same-secret-99");
            final String second = OwnerProofs.commitSecret("the-same-secret-99");
            assertThat(first).matches("scrypt:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{43}");
            assertThat(first).as("one owner's items cannot be linked by their commitments").isNotEqualTo(second);
            assertThat(OwnerProofs.matches("the-same-secret-99", first)).isTrue();
            assertThat(OwnerProofs.matches("the-same-secret-98", first)).isFalse();

            final Consortium c = Consortium.ready();
            c.inRetailStock("O9");
            final String unsalted = "sha256:" + com.serialtrust.crypto.Base64Url.encode(
                    com.serialtrust.crypto.P256.sha256("guessable-1".getBytes(StandardCharsets.UTF_8)));
            assertThat(c.refused(c.retail, "SellItem", GTIN, "O9", unsalted).code())
                    .as("an unsalted hash of a secret is guessable offline").isEqualTo("COMMITMENT_INVALID");
            c.ok(c.retail, "SellItem", GTIN, "O9", first);
            c.okWith(c.stranger, secret("the-same-secret-99"), "ClaimOwnership", GTIN, "O9", second);
        }

        @Test
        void aWrongOrMissingSecretIsRefused() {
            final Consortium c = Consortium.ready();
            c.sold("O2", SECRET);
            assertThat(c.refusedWith(c.stranger, secret("guess"), "TransferOwnership", GTIN, "O2",
                    OwnerProofs.commitSecret("x")).code()).isEqualTo("OWNER_PROOF_INVALID");
            assertThat(c.refused(c.stranger, "TransferOwnership", GTIN, "O2", OwnerProofs.commitSecret("x")).code())
                    .isEqualTo("OWNER_PROOF_INVALID");
        }

        @Test
        void anOwnerClaimsWithABrowserKeyAndSignsTheNextTransfer() {
            final Consortium c = Consortium.ready();
            c.sold("O3", SECRET);
            final BrandKey browser = BrandKey.generate();
            final P256.PublicKey publicKey = P256.parsePublicKey(browser.publicKeyBase64());
            c.okWith(c.stranger, secret(SECRET), "ClaimOwnership", GTIN, "O3", OwnerProofs.commitKey(publicKey));
            final var claimed = c.query(c.stranger, "GetItem", GTIN, "O3");
            assertThat(claimed.get("owners").asInt()).isEqualTo(1);
            final String next = OwnerProofs.commitSecret("buyer-secret-1234");
            final String statement = OwnerProofs.statement("TRANSFER", new ItemRef(GTIN, "O3"),
                    claimed.get("revision").asLong(), next);
            final Map<String, byte[]> proof = Map.of(
                    OwnerProofs.PUBLIC_KEY, browser.publicKeyBase64().getBytes(StandardCharsets.US_ASCII),
                    OwnerProofs.SIGNATURE, browser.sign(statement).getBytes(StandardCharsets.US_ASCII));
            c.okWith(c.stranger, proof, "TransferOwnership", GTIN, "O3", next);
            assertThat(c.refusedWith(c.stranger, proof, "TransferOwnership", GTIN, "O3", OwnerProofs.commitSecret("replay"))
                    .code()).as("a signed proof cannot be replayed").isEqualTo("OWNER_PROOF_INVALID");
        }

        @Test
        void aStolenItemCannotBeTransferred() {
            final Consortium c = Consortium.ready();
            c.sold("O4", SECRET);
            c.okWith(c.stranger, secret(SECRET), "ReportTheft", GTIN, "O4", "{\"date\":\"2026-02-27\"}");
            assertThat(c.refusedWith(c.stranger, secret(SECRET), "TransferOwnership", GTIN, "O4",
                    OwnerProofs.commitSecret("fence")).code()).isEqualTo("ITEM_STOLEN");
        }

        @Test
        void aRetailerTakesAReturnWithTheOwnersProofAndMayResell() {
            final Consortium c = Consortium.ready();
            c.sold("O5", SECRET);
            assertThat(c.refused(c.retail, "ReturnItem", GTIN, "O5").code()).isEqualTo("OWNER_PROOF_INVALID");
            c.okWith(c.retail, secret(SECRET), "ReturnItem", GTIN, "O5");
            final var item = c.query(c.stranger, "GetItem", GTIN, "O5");
            assertThat(item.get("status").asString()).isEqualTo("RETURNED");
            assertThat(item.has("ownerCommitment")).isFalse();
            c.ok(c.retail, "SellItem", GTIN, "O5", OwnerProofs.commitSecret("second-buyer-code"));
            final var resold = c.query(c.stranger, "GetItem", GTIN, "O5");
            assertThat(resold.get("owners").asInt()).isEqualTo(2);
            assertThat(resold.get("firstSoldAt").asString()).isEqualTo(item.get("firstSoldAt").asString());
        }
    }

    @Nested
    class DecommissionItem {

        @Test
        void isFinal() {
            final Consortium c = Consortium.ready();
            c.register("D1");
            c.ok(c.brand, "DecommissionItem", GTIN, "D1", "crushed at end of line");
            assertThat(c.verdict("D1")).isEqualTo("DECOMMISSIONED");
            assertThat(c.refused(c.brand, "ShipItems", refs("D1"), RETAIL).code()).isEqualTo("ILLEGAL_TRANSITION");
            assertThat(c.refused(c.brand, "DecommissionItem", GTIN, "D1", "again").code()).isEqualTo("ILLEGAL_TRANSITION");
        }

        @Test
        void needsCustodyAndAReason() {
            final Consortium c = Consortium.ready();
            c.register("D2");
            assertThat(c.refused(c.retail, "DecommissionItem", GTIN, "D2", "mine now").code()).isEqualTo("NOT_CUSTODIAN");
            assertThat(c.refused(c.brand, "DecommissionItem", GTIN, "D2", " ").code()).isEqualTo("INVALID_ARGUMENT");
        }
    }

    @Nested
    class LinkComponents {

        @Test
        void componentsTravelInsideTheirAssembly() {
            final Consortium c = Consortium.ready();
            c.register("CAR", "ENGINE", "PISTON");
            c.ok(c.brand, "LinkComponents", GTIN, "ENGINE", refs("PISTON"));
            c.ok(c.brand, "LinkComponents", GTIN, "CAR", refs("ENGINE"));
            assertThat(c.query(c.stranger, "ListItemsContaining", GTIN, "PISTON").toString()).contains("ENGINE", "CAR");
            assertThat(c.query(c.stranger, "ListComponents", GTIN, "CAR").toString()).contains("ENGINE").doesNotContain("PISTON");
            assertThat(c.refused(c.brand, "ShipItems", refs("ENGINE"), RETAIL).code()).isEqualTo("ITEM_ASSEMBLED");
        }

        @Test
        void refusesCyclesAndSelfLinks() {
            final Consortium c = Consortium.ready();
            c.register("A", "B");
            assertThat(c.refused(c.brand, "LinkComponents", GTIN, "A", refs("A")).code()).isEqualTo("ASSEMBLY_INVALID");
            c.ok(c.brand, "LinkComponents", GTIN, "A", refs("B"));
            assertThat(c.refused(c.brand, "LinkComponents", GTIN, "B", refs("A")).code()).isIn("ASSEMBLY_INVALID", "ITEM_ASSEMBLED");
        }

        @Test
        void onlyAManufacturerOrServiceHoldingBothLinks() {
            final Consortium c = Consortium.ready();
            c.register("P", "Q");
            assertThat(c.refused(c.retail, "LinkComponents", GTIN, "P", refs("Q")).code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.brand, "LinkComponents", GTIN, "P", json(List.of())).code()).isEqualTo("LIMIT_EXCEEDED");
        }
    }

    @Nested
    class Signatures {

        @Test
        void theQrsSignatureMustBeTheRegisteredOne() {
            final Consortium c = Consortium.ready();
            c.register("V1");
            final String registered = c.labels.get("V1").signature();
            assertThat(c.verdict("V1", registered)).isEqualTo("GENUINE");
            assertThat(c.verdict("V1", c.brandKey.sign("(01)" + GTIN + "(21)V1"))).as("another valid signature is still a different label")
                    .isEqualTo("SIGNATURE_INVALID");
            assertThat(c.verdict("V1", Base64Url.encode(new byte[64]))).isEqualTo("SIGNATURE_INVALID");
            assertThat(c.verdict("NEVER", registered)).isEqualTo("UNREGISTERED");
        }
    }
}
