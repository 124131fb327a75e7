package com.serialtrust.chaincode;

import com.serialtrust.sim.SimIdentities;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.contract.ChaincodeSettings;
import com.serialtrust.sim.DerivedKeys;
import com.serialtrust.sim.InMemoryWorldState;
import com.serialtrust.sim.SimIdentity;
import com.serialtrust.sim.SimLedger;
import com.serialtrust.gs1.ElementString;
import com.serialtrust.gs1.Gtin;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consortium on a fresh in-process ledger: an authority, a brand with a key and a product model,
 * a distributor, a retailer, a service centre and the police, each with real certificates.
 */
final class Consortium {

    static final String AUTHORITY = "AuthorityMSP";
    static final String BRAND = "BrandMSP";
    static final String OTHER_BRAND = "OtherBrandMSP";
    static final String DISTRIBUTOR = "DistributorMSP";
    static final String RETAIL = "RetailMSP";
    static final String SERVICE = "ServiceMSP";
    static final String POLICE = "PoliceMSP";
    static final String PREFIX = "9520123";
    static final String OTHER_PREFIX = "416000";
    static final String GTIN = "09520123456788";
    static final String IMEI_GTIN = "09520123000011";
    static final String VIN_GTIN = "09520123000028";
    static final String OTHER_GTIN = "00416000336108";

    static final JsonMapper JSON = JsonMapper.builder().build();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    /** A peer with the search index, as an api's read model and the embedded ledger keep it. */
    final SimLedger ledger = new SimLedger(ChaincodeSettings.authority(AUTHORITY).withSearchIndex()
            .around(SimLedger.contractRouter(SerialTrustContract.class)), new InMemoryWorldState(DerivedKeys.of(DerivedIndex::keysOf, DerivedIndex::covers)), "serialtrust", clock);
    final SimIdentity authority;
    final SimIdentity brand;
    final SimIdentity otherBrand;
    final SimIdentity distributor;
    final SimIdentity retail;
    final SimIdentity service;
    final SimIdentity police;
    final SimIdentity stranger;
    final BrandKey brandKey;
    /** The element string and signature of each item registered through {@link #signedItem}, by serial. */
    final Map<String, Label> labels = new java.util.HashMap<>();
    String keyId;

    /** What a printed label carries: the element string its link holds, and its sig. */
    record Label(String elementString, String signature) {}

    Consortium() {
        authority = SimIdentities.issue(AUTHORITY, "admin", "Admin");
        brand = SimIdentities.issue(BRAND, "client", "registrar");
        otherBrand = SimIdentities.issue(OTHER_BRAND, "client", "registrar");
        distributor = SimIdentities.issue(DISTRIBUTOR, "client", "goods-in");
        retail = SimIdentities.issue(RETAIL, "client", "till");
        service = SimIdentities.issue(SERVICE, "client", "bench");
        police = SimIdentities.issue(POLICE, "client", "officer");
        stranger = SimIdentities.issue("StrangerMSP", "client", "anyone");
        brandKey = BrandKey.generate();
    }

    /** A second, empty ledger with the same members and keys: another peer, for determinism checks. */
    private Consortium(final Consortium same) {
        authority = same.authority;
        brand = same.brand;
        otherBrand = same.otherBrand;
        distributor = same.distributor;
        retail = same.retail;
        service = same.service;
        police = same.police;
        stranger = same.stranger;
        brandKey = same.brandKey;
    }

    static Consortium readyLike(final Consortium same) {
        return setUp(new Consortium(same));
    }

    /** Bootstrapped, roles granted, prefixes assigned, the brand's key and three product models registered. */
    static Consortium ready() {
        return setUp(new Consortium());
    }

    private static Consortium setUp(final Consortium c) {
        c.ok(c.authority, "BootstrapAuthority");
        c.ok(c.authority, "GrantRole", BRAND, "MANUFACTURER");
        c.ok(c.authority, "GrantRole", OTHER_BRAND, "MANUFACTURER");
        c.ok(c.authority, "GrantRole", DISTRIBUTOR, "DISTRIBUTOR");
        c.ok(c.authority, "GrantRole", RETAIL, "RETAILER");
        c.ok(c.authority, "GrantRole", SERVICE, "SERVICE");
        c.ok(c.authority, "GrantRole", POLICE, "POLICE");
        c.ok(c.authority, "AssignPrefix", BRAND, PREFIX);
        c.ok(c.authority, "AssignPrefix", OTHER_BRAND, OTHER_PREFIX);
        c.keyId = c.ok(c.brand, "RegisterKey", c.brandKey.publicKeyPem()).get("keyId").asString();
        c.ok(c.brand, "RegisterProduct", GTIN, "Trail watch", "24", "GS1");
        c.ok(c.brand, "RegisterProduct", IMEI_GTIN, "Trail phone", "12", "IMEI");
        c.ok(c.brand, "RegisterProduct", VIN_GTIN, "Trail car", "36", "VIN");
        return c;
    }

    SimLedger.Result submit(final SimIdentity who, final Map<String, byte[]> transientData, final String fn,
            final String... args) {
        clock.tick();
        if (fn.equals("RegisterItems") && transientData.isEmpty() && args.length == 1) {
            final Registered batch = Registered.split(args[0]);
            return ledger.submit(who, batch.transientData(), fn, batch.items());
        }
        return ledger.submit(who, transientData, fn, args);
    }

    /**
     * A batch as the contract takes it. Tests write items with their signatures, as a brand's tool holds
     * them; the contract takes the signatures apart, in the transient field that no block keeps.
     */
    record Registered(String items, Map<String, byte[]> transientData) {

        static Registered split(final String batchJson) {
            final JsonNode batch;
            try {
                batch = JSON.readTree(batchJson);
            } catch (tools.jackson.core.JacksonException e) {
                return new Registered(batchJson, Map.of());
            }
            if (!batch.isArray()) {
                return new Registered(batchJson, Map.of());
            }
            final List<Object> signatures = new ArrayList<>();
            for (JsonNode item : batch) {
                signatures.add(item.isObject() && item.has("signature")
                        ? ((tools.jackson.databind.node.ObjectNode) item).remove("signature").asString() : null);
            }
            return new Registered(JSON.writeValueAsString(batch),
                    Map.of("signatures", JSON.writeValueAsBytes(signatures)));
        }
    }

    JsonNode ok(final SimIdentity who, final String fn, final String... args) {
        return okWith(who, Map.of(), fn, args);
    }

    JsonNode okWith(final SimIdentity who, final Map<String, byte[]> transientData, final String fn, final String... args) {
        final SimLedger.Result result = submit(who, transientData, fn, args);
        assertThat(result.ok()).as("%s should succeed but was refused: %s", fn, result.message()).isTrue();
        return JSON.readTree(result.payloadText());
    }

    JsonNode query(final SimIdentity who, final String fn, final String... args) {
        final SimLedger.Result result = ledger.evaluate(who, fn, args);
        assertThat(result.ok()).as("%s should answer but was refused: %s", fn, result.message()).isTrue();
        return JSON.readTree(result.payloadText());
    }

    /** A refusal as a client sees it: the code, the batch index if any, and the message. */
    record Refusal(String code, Optional<Integer> index, String message) {}

    Refusal refused(final SimIdentity who, final String fn, final String... args) {
        return refusedWith(who, Map.of(), fn, args);
    }

    Refusal refusedWith(final SimIdentity who, final Map<String, byte[]> transientData, final String fn, final String... args) {
        final long height = ledger.state().height();
        final SimLedger.Result result = submit(who, transientData, fn, args);
        assertThat(result.ok()).as("%s should be refused", fn).isFalse();
        assertThat(ledger.state().height()).as("a refused transaction commits nothing").isEqualTo(height);
        return refusal(result);
    }

    Refusal refusedQuery(final SimIdentity who, final String fn, final String... args) {
        final SimLedger.Result result = ledger.evaluate(who, fn, args);
        assertThat(result.ok()).as("%s should be refused", fn).isFalse();
        return refusal(result);
    }

    private static Refusal refusal(final SimLedger.Result result) {
        assertThat(result.payload()).as("every refusal carries a coded payload: %s", result.message()).isNotEmpty();
        final JsonNode payload = JSON.readTree(new String(result.payload(), StandardCharsets.UTF_8));
        return new Refusal(payload.get("code").asString(),
                payload.has("index") ? Optional.of(payload.get("index").asInt()) : Optional.empty(),
                payload.get("message").asString());
    }

    /** One item of a batch, signed by the brand's key over its canonical element string. */
    Map<String, Object> signedItem(final String gtin, final String serial, final Map<String, String> extra) {
        final Map<String, Object> item = signedItemWith(brandKey, gtin, serial, extra);
        labels.put(serial, new Label(element(gtin, serial, extra).canonical(), (String) item.get("signature")));
        return item;
    }

    private static ElementString element(final String gtin, final String serial, final Map<String, String> extra) {
        return new ElementString(Gtin.parse(gtin), serial, Optional.empty(),
                Optional.ofNullable(extra.get("lot")), Optional.ofNullable(extra.get("productionDate")),
                Optional.ofNullable(extra.get("expiryDate")));
    }

    static Map<String, Object> signedItemWith(final BrandKey key, final String gtin, final String serial,
            final Map<String, String> extra) {
        final ElementString element = element(gtin, serial, extra);
        final Map<String, Object> item = new LinkedHashMap<>();
        item.put("gtin", gtin);
        item.put("serial", serial);
        item.putAll(extra);
        item.put("signature", key.sign(element.canonical()));
        return item;
    }

    static String json(final Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Registers items of {@link #GTIN} with the given serials, in one batch. */
    void register(final String... serials) {
        final List<Map<String, Object>> batch = new ArrayList<>();
        for (String serial : serials) {
            batch.add(signedItem(GTIN, serial, Map.of()));
        }
        ok(brand, "RegisterItems", json(batch));
    }

    static String refs(final String... serials) {
        final List<Map<String, String>> refs = new ArrayList<>();
        for (String serial : serials) {
            refs.add(Map.of("gtin", GTIN, "serial", serial));
        }
        return json(refs);
    }

    /** Registers, ships to the retailer and receives: the item is in the retailer's stock. */
    void inRetailStock(final String... serials) {
        register(serials);
        ok(brand, "ShipItems", refs(serials), RETAIL);
        ok(retail, "ReceiveItems", refs(serials));
    }

    static Map<String, byte[]> secret(final String secret) {
        return Map.of(OwnerProofs.SECRET, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** In stock and sold to a consumer who holds the claim secret. */
    void sold(final String serial, final String secret) {
        inRetailStock(serial);
        ok(retail, "SellItem", GTIN, serial, OwnerProofs.commitSecret(secret));
    }

    /** The verification of an item of {@link #GTIN} presented with this sig (blank: none) and no other identifier. */
    String verdict(final String serial, final String signature) {
        return query(stranger, "Verify", "(01)" + GTIN + "(21)" + serial.replace("(", "\\("), signature).get("verdict").asString();
    }

    /** The verdict of the item's own printed label. */
    String verdict(final String serial) {
        return verify(serial).get("verdict").asString();
    }

    /** The verification of the item's own printed label: its element string and its sig. */
    JsonNode verify(final String serial) {
        final Label label = labels.get(serial);
        assertThat(label).as("a label of %s was registered in this test", serial).isNotNull();
        return query(stranger, "Verify", label.elementString(), label.signature());
    }

    /** A clock that moves one second per transaction, and further on request. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(final Instant start) {
            this.now = start;
        }

        void tick() {
            now = now.plusSeconds(1);
        }

        void advance(final Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
