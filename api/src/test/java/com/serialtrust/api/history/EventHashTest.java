package com.serialtrust.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventHashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> NAMESPACES = Map.of("serialtrust", "urn:serialtrust:");

    private static ObjectNode sale() {
        return (ObjectNode) JSON.readTree("""
                {"type":"TransactionEvent","eventTime":"2026-11-30T10:00:00.000987654Z","eventTimeZoneOffset":"+00:00",
                 "epcList":["https://verify.example/01/09520123456788/21/S1"],"action":"OBSERVE","bizStep":"retail_selling",
                 "disposition":"retail_sold","bizTransactionList":[{"bizTransaction":"urn:serialtrust:tx:abc"}],
                 "readPoint":{"id":"urn:serialtrust:msp:RetailMSP"},"serialtrust:txId":"abc"}""");
    }

    @Test
    void thePreHashStringHasTheStandardsOrderFullCbvUrisMillisecondsAndGs1sResolver() {
        assertThat(EventHash.preHash(sale(), NAMESPACES)).isEqualTo("eventType=TransactionEvent"
                + "eventTime=2026-11-30T10:00:00.000ZeventTimeZoneOffset=+00:00"
                + "epcListepc=https://id.gs1.org/01/09520123456788/21/S1action=OBSERVE"
                + "bizStep=https://ref.gs1.org/cbv/BizStep-retail_sellingdisposition=https://ref.gs1.org/cbv/Disp-retail_sold"
                + "readPointid=urn:serialtrust:msp:RetailMSPbizTransactionListbizTransaction=urn:serialtrust:tx:abc"
                + "{urn:serialtrust:}txId=abc");
    }

    @Test
    void theIdIsTheSha256OfThatStringAndChangesWithTheEventNotWithItsResolverOrOrder() {
        final String id = EventHash.of(sale(), NAMESPACES);
        assertThat(id).matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");
        final ObjectNode elsewhere = sale();
        elsewhere.putArray("epcList").add("https://id.example.org/01/09520123456788/21/S1");
        assertThat(EventHash.of(elsewhere, NAMESPACES)).as("same item under another resolver").isEqualTo(id);
        final ObjectNode other = sale();
        other.putArray("epcList").add("https://verify.example/01/09520123456788/21/S2");
        assertThat(EventHash.of(other, NAMESPACES)).isNotEqualTo(id);
    }

    @Test
    void anItemNamedInAFieldOfOurOwnIsNamedUnderGs1sResolverToo() {
        final ObjectNode recalled = sale();
        recalled.put("serialtrust:recallVia", "https://verify.example/01/09520123456788/21/PIN");
        assertThat(EventHash.preHash(recalled, NAMESPACES))
                .endsWith("{urn:serialtrust:}recallVia=https://id.gs1.org/01/09520123456788/21/PIN{urn:serialtrust:}txId=abc");
    }
}
