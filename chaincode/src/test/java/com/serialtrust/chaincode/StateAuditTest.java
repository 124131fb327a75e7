package com.serialtrust.chaincode;

import static com.serialtrust.chaincode.Consortium.GTIN;
import static com.serialtrust.chaincode.Consortium.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.crypto.P256;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** AuditState: the public state as pages of key hashes, the ledger's key order across every type. */
class StateAuditTest {

    private static Consortium withHistory() {
        final Consortium c = Consortium.ready();
        c.ok(c.brand, "RegisterItems", json(List.of(c.signedItem(GTIN, "A2", Map.of()),
                c.signedItem(GTIN, "A3", Map.of("lot", "L1")))));
        c.sold("A1", "owner secret of A1");
        c.ok(c.brand, "IssueRecall", "{\"gtin\":\"" + GTIN + "\",\"lot\":\"L1\"}", "Stop using it.");
        return c;
    }

    /** Every committed public key and the hex SHA-256 of its value, in the ledger's key order. */
    private static Map<String, String> everyKey(final Consortium c) {
        final Map<String, String> all = new LinkedHashMap<>();
        c.ledger.state().range("", "").forEachRemaining(e -> all.put(e.getKey(), HexFormat.of().formatHex(P256.sha256(e.getValue()))));
        return all;
    }

    @Test
    void pagesOfAnySizeListEveryKeyOnceInKeyOrderWithTheHashOfItsValue() {
        final Consortium c = withHistory();
        final Map<String, String> expected = everyKey(c);
        assertThat(expected).hasSizeGreaterThan(20);
        for (int limit : List.of(1, 7, 1000)) {
            final Map<String, String> listed = new LinkedHashMap<>();
            String after = "";
            int pages = 0;
            while (true) {
                final JsonNode page = c.query(c.retail, "AuditState", after, Integer.toString(limit));
                pages++;
                assertThat(page.get("entries").size()).isLessThanOrEqualTo(limit);
                for (JsonNode entry : page.get("entries")) {
                    assertThat(listed.put(entry.get("key").asString(), entry.get("sha256").asString()))
                            .as("a key listed twice").isNull();
                    after = entry.get("key").asString();
                }
                if (page.get("done").asBoolean()) {
                    break;
                }
            }
            assertThat(new ArrayList<>(listed.entrySet())).as("pages of %d", limit).containsExactlyElementsOf(expected.entrySet());
            assertThat(pages).isGreaterThanOrEqualTo(expected.size() / limit);
        }
    }

    @Test
    void everyTypeOfKeyTheContractWritesIsOneTheAuditWalks() {
        final Consortium c = withHistory();
        for (String key : everyKey(c).keySet()) {
            final String type = key.substring(1, key.indexOf('\u0000', 1));
            assertThat(StateKeys.TYPES).as("the type of %s", key.replace('\u0000', '|')).contains(type);
        }
    }

    @Test
    void onlyAMemberWithARoleMayAuditAndAValueItDoesNotSend() {
        final Consortium c = withHistory();
        assertThat(c.refusedQuery(c.stranger, "AuditState", "", "10").code()).isEqualTo("NOT_AUTHORISED");
        final JsonNode page = c.query(c.police, "AuditState", "", "1000");
        assertThat(page.toString()).doesNotContain("owner secret").doesNotContain("Stop using it");
    }
}
