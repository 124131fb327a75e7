package com.serialtrust.chaincode;

import com.serialtrust.sim.SimIdentities;
import static com.serialtrust.chaincode.Consortium.AUTHORITY;
import static com.serialtrust.chaincode.Consortium.BRAND;
import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.PREFIX;
import static com.serialtrust.chaincode.Consortium.RETAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.contract.ChaincodeSettings;
import com.serialtrust.sim.InMemoryWorldState;
import com.serialtrust.sim.SimIdentity;
import com.serialtrust.sim.SimLedger;
import java.time.Clock;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GovernanceTest {

    @Nested
    class BootstrapAuthority {

        @Test
        void theConfiguredAuthoritysAdminBecomesTheAuthority() {
            final Consortium c = new Consortium();
            assertThat(c.ok(c.authority, "BootstrapAuthority").get("roles").toString()).contains("AUTHORITY");
            assertThat(c.query(c.stranger, "GetOrganisation", AUTHORITY).get("roles").toString()).contains("AUTHORITY");
        }

        @Test
        void anotherOrganisationCallingFirstCannotSeizeTheRole() {
            final Consortium c = new Consortium();
            final SimIdentity brandAdmin = SimIdentities.issue(BRAND, "admin", "Admin");
            assertThat(c.refused(brandAdmin, "BootstrapAuthority").code()).isEqualTo("BOOTSTRAP_REFUSED");
            c.ok(c.authority, "BootstrapAuthority");
        }

        @Test
        void aClientOfTheAuthorityOrganisationIsNotEnough() {
            final Consortium c = new Consortium();
            final SimIdentity client = SimIdentities.issue(AUTHORITY, "client", "clerk");
            assertThat(c.refused(client, "BootstrapAuthority").code()).isEqualTo("BOOTSTRAP_REFUSED");
        }

        @Test
        void eachInProcessPeerReadsTheAuthorityItWasGivenAndNoOther() {
            final SimIdentity brandAdmin = SimIdentities.issue(BRAND, "admin", "Admin");
            final SimLedger brandRun = new SimLedger(ChaincodeSettings.authority(BRAND).around(SimLedger.contractRouter(SerialTrustContract.class)),
                    new InMemoryWorldState(), "serialtrust", Clock.systemUTC());
            final Consortium configuredByEnvironment = new Consortium();

            final SimLedger.Result refused = brandRun.submit(SimIdentities.issue(AUTHORITY, "admin", "Admin"), Map.of(),
                    "BootstrapAuthority");
            assertThat(refused.ok()).isFalse();
            assertThat(refused.payloadText()).contains("BOOTSTRAP_REFUSED");
            assertThat(brandRun.submit(brandAdmin, Map.of(), "BootstrapAuthority").ok()).isTrue();
            // the binding lasted for its own invocations only: this thread and the other peer see the environment
            assertThat(ChaincodeSettings.current().authorityMspId()).contains(AUTHORITY);
            assertThat(configuredByEnvironment.refused(brandAdmin, "BootstrapAuthority").code()).isEqualTo("BOOTSTRAP_REFUSED");
            configuredByEnvironment.ok(configuredByEnvironment.authority, "BootstrapAuthority");
        }

        @Test
        void happensOnlyOnce() {
            final Consortium c = new Consortium();
            c.ok(c.authority, "BootstrapAuthority");
            assertThat(c.refused(c.authority, "BootstrapAuthority").code()).isEqualTo("ALREADY_BOOTSTRAPPED");
        }
    }

    @Nested
    class GrantAndRevokeRole {

        @Test
        void onlyTheAuthorityGrantsRoles() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.brand, "GrantRole", BRAND, "POLICE").code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.query(c.stranger, "GetOrganisation", BRAND).get("roles").toString()).doesNotContain("POLICE");
        }

        @Test
        void aRevokedRoleStopsWorkingOnChain() {
            final Consortium c = Consortium.ready();
            c.ok(c.authority, "RevokeRole", BRAND, "MANUFACTURER");
            assertThat(c.refused(c.brand, "RegisterProduct", "09520123000035", "Watch", "12", "GS1").code())
                    .isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void refusesUnknownRolesAndMalformedMspIds() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.authority, "GrantRole", BRAND, "EMPEROR").code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.authority, "GrantRole", "bad msp\u0000", "RETAILER").code()).isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void theAuthorityCannotLockItselfOut() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.authority, "RevokeRole", AUTHORITY, "AUTHORITY").code()).isEqualTo("NOT_AUTHORISED");
        }
    }

    @Nested
    class AssignPrefix {

        @Test
        void prefixesMayNotOverlapAnotherOrganisations() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.authority, "AssignPrefix", RETAIL, "95201234").code()).isEqualTo("PREFIX_TAKEN");
            assertThat(c.refused(c.authority, "AssignPrefix", RETAIL, "952012").code()).isEqualTo("PREFIX_TAKEN");
        }

        @Test
        void aPrefixIsFourToTwelveDigits() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.authority, "AssignPrefix", RETAIL, "123").code()).isEqualTo("PREFIX_INVALID");
            assertThat(c.refused(c.authority, "AssignPrefix", RETAIL, "12AB56").code()).isEqualTo("PREFIX_INVALID");
        }

        @Test
        void onlyTheAuthorityAssignsPrefixes() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.brand, "AssignPrefix", BRAND, "7000001").code()).isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void aWithdrawnPrefixNoLongerAdmitsNewModels() {
            final Consortium c = Consortium.ready();
            c.ok(c.authority, "WithdrawPrefix", BRAND, PREFIX);
            assertThat(c.refused(c.brand, "RegisterProduct", "09520123000035", "Watch", "12", "GS1").code())
                    .isEqualTo("GTIN_NOT_UNDER_PREFIX");
        }
    }

    @Nested
    class RegisterProduct {

        @Test
        void registersAModelUnderTheCallersPrefix() {
            final Consortium c = Consortium.ready();
            final var product = c.query(c.stranger, "GetProduct", GTIN);
            assertThat(product.get("name").asString()).isEqualTo("Trail watch");
            assertThat(product.get("warrantyMonths").asInt()).isEqualTo(24);
            assertThat(product.get("mspId").asString()).isEqualTo(BRAND);
        }

        @Test
        void aRetailerCannotRegisterUnderTheBrandsPrefix() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.retail, "RegisterProduct", "09520123000035", "Fake", "12", "GS1").code())
                    .isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void aManufacturerCannotRegisterUnderAnotherBrandsPrefix() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.otherBrand, "RegisterProduct", "09520123000035", "Fake", "12", "GS1").code())
                    .isEqualTo("GTIN_NOT_UNDER_PREFIX");
        }

        @Test
        void refusesAWrongCheckDigitADuplicateAndABadScheme() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.brand, "RegisterProduct", "09520123456789", "X", "12", "GS1").code()).isEqualTo("GTIN_INVALID");
            assertThat(c.refused(c.brand, "RegisterProduct", GTIN, "X", "12", "GS1").code()).isEqualTo("PRODUCT_EXISTS");
            assertThat(c.refused(c.brand, "RegisterProduct", "09520123000035", "X", "12", "ISBN").code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "RegisterProduct", "09520123000035", "X", "-1", "GS1").code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refused(c.brand, "RegisterProduct", "09520123000035", "x".repeat(201), "1", "GS1").code()).isEqualTo("LIMIT_EXCEEDED");
        }
    }

    @Nested
    class ManufacturerKeys {

        @Test
        void aKeysIdIsTheDigestOfItsPublicKey() {
            final Consortium c = Consortium.ready();
            final var key = c.query(c.stranger, "GetKey", c.keyId);
            assertThat(c.keyId).matches("[0-9a-f]{64}");
            assertThat(key.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(key.get("mspId").asString()).isEqualTo(BRAND);
        }

        @Test
        void refusesGarbageNonP256KeysAndDuplicates() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.brand, "RegisterKey", "not a key").code()).isEqualTo("KEY_INVALID");
            assertThat(c.refused(c.brand, "RegisterKey", c.brandKey.publicKeyBase64()).code()).isEqualTo("KEY_EXISTS");
            assertThat(c.refused(c.retail, "RegisterKey", BrandKey.generate().publicKeyPem()).code()).isEqualTo("NOT_AUTHORISED");
        }

        @Test
        void rotationRetiresTheOldKeyForNewItemsButKeepsItsItemsGenuine() {
            final Consortium c = Consortium.ready();
            c.register("ROT-1");
            final BrandKey next = BrandKey.generate();
            c.ok(c.brand, "RotateKey", c.keyId, next.publicKeyPem());
            assertThat(c.query(c.stranger, "GetKey", c.keyId).get("status").asString()).isEqualTo("RETIRED");
            assertThat(c.verdict("ROT-1")).isEqualTo("GENUINE");
            final var refusal = c.refused(c.brand, "RegisterItems", Consortium.json(java.util.List.of(
                    c.signedItem(GTIN, "ROT-2", java.util.Map.of()))));
            assertThat(refusal.code()).isEqualTo("SIGNATURE_INVALID");
            c.ok(c.brand, "RegisterItems", Consortium.json(java.util.List.of(
                    Consortium.signedItemWith(next, GTIN, "ROT-2", java.util.Map.of()))));
        }

        @Test
        void aRevokedKeyCannotRegisterButEarlierItemsStayGenuine() {
            final Consortium c = Consortium.ready();
            c.register("REV-1");
            c.ok(c.brand, "RevokeKey", c.keyId);
            assertThat(c.verdict("REV-1")).isEqualTo("GENUINE");
            assertThat(c.refused(c.brand, "RegisterItems", Consortium.json(java.util.List.of(
                    c.signedItem(GTIN, "REV-2", java.util.Map.of())))).code()).isEqualTo("KEY_NOT_ACTIVE");
        }

        @Test
        void aCompromisedKeyVoidsItemsRegisteredFromThatTimeOnly() {
            final Consortium c = Consortium.ready();
            c.register("BEFORE");
            c.clock.advance(Duration.ofDays(1));
            final Instant leak = c.clock.instant();
            c.register("AFTER");
            c.ok(c.brand, "DeclareKeyCompromised", c.keyId, leak.toString());
            assertThat(c.verdict("BEFORE")).isEqualTo("GENUINE");
            assertThat(c.verdict("AFTER")).isEqualTo("SIGNATURE_INVALID");
        }

        @Test
        void onlyTheOwnerManagesAKey() {
            final Consortium c = Consortium.ready();
            assertThat(c.refused(c.otherBrand, "RevokeKey", c.keyId).code()).isEqualTo("NOT_AUTHORISED");
            assertThat(c.refused(c.brand, "DeclareKeyCompromised", c.keyId, "2099-01-01T00:00:00Z").code())
                    .isEqualTo("INVALID_ARGUMENT");
            assertThat(c.refusedQuery(c.stranger, "GetKey", "nope").code()).isEqualTo("KEY_NOT_FOUND");
        }
    }
}
