package com.serialtrust.api.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CBV 2.0 event hash of the EPCIS events this api writes, their {@code eventID}: the SHA-256 of the
 * event's pre-hash string, in which the fields come in the standard's order as {@code name=value}, lists
 * in lexical order, times in UTC to the millisecond, CBV values as their full URIs, Digital Link URIs
 * under {@code https://id.gs1.org}, and the fields of other vocabularies last, in lexical order, named
 * by their namespace. Two exports of the same ledger change name it alike; two events of one transaction
 * differ.
 */
final class EventHash {

    /** The standard's order of the fields this api writes (it has more: they never occur here). */
    private static final List<String> ORDER = List.of("eventTimeZoneOffset", "epcList", "parentID", "childEPCs", "action",
            "bizStep", "disposition", "readPoint", "bizTransactionList");
    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private EventHash() {}

    /** The event's id: {@code ni:///sha-256;<hex>?ver=CBV2.0}; {@code namespaces} maps a prefix to its URI. */
    static String of(final ObjectNode event, final Map<String, String> namespaces) {
        final byte[] hash = com.serialtrust.crypto.P256.sha256(preHash(event, namespaces).getBytes(StandardCharsets.UTF_8));
        return "ni:///sha-256;" + HexFormat.of().formatHex(hash) + "?ver=CBV2.0";
    }

    static String preHash(final ObjectNode event, final Map<String, String> namespaces) {
        final StringBuilder out = new StringBuilder();
        out.append("eventType=").append(event.get("type").asString());
        out.append("eventTime=").append(MILLIS.format(Instant.parse(event.get("eventTime").asString()).truncatedTo(ChronoUnit.MILLIS)));
        for (String field : ORDER) {
            final JsonNode value = event.get(field);
            if (value == null) {
                continue;
            }
            switch (field) {
                case "epcList", "childEPCs" -> out.append(field).append(sorted(value, "epc="));
                case "parentID" -> out.append(field).append('=').append(digitalLink(value.asString()));
                case "bizStep" -> out.append(field).append('=').append(cbv("BizStep-", value.asString()));
                case "disposition" -> out.append(field).append('=').append(cbv("Disp-", value.asString()));
                case "readPoint" -> out.append(field).append("id=").append(value.get("id").asString());
                case "bizTransactionList" -> {
                    final List<String> transactions = new ArrayList<>();
                    for (JsonNode t : value) {
                        transactions.add((t.has("type") ? "type=" + cbv("BTT-", t.get("type").asString()) : "")
                                + "bizTransaction=" + t.get("bizTransaction").asString());
                    }
                    out.append(field).append(String.join("", transactions.stream().sorted().toList()));
                }
                default -> out.append(field).append('=').append(value.asString());
            }
        }
        final List<String> others = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            final int colon = field.getKey().indexOf(':');
            if (colon > 0 && namespaces.containsKey(field.getKey().substring(0, colon))) {
                others.add("{" + namespaces.get(field.getKey().substring(0, colon)) + "}" + field.getKey().substring(colon + 1)
                        + "=" + digitalLink(field.getValue().asString()));
            }
        }
        others.stream().sorted().forEach(out::append);
        return out.toString();
    }

    private static String sorted(final JsonNode list, final String prefix) {
        final List<String> items = new ArrayList<>();
        list.forEach(uri -> items.add(prefix + digitalLink(uri.asString())));
        return String.join("", items.stream().sorted().toList());
    }

    /** A CBV value written bare ({@code shipping}) as its URI; a URI stays as it is. */
    private static String cbv(final String kind, final String value) {
        return value.contains(":") ? value : CBV + kind + value;
    }

    /** A Digital Link URI under GS1's own resolver, as the hash wants it; any other URI as it is. */
    private static String digitalLink(final String uri) {
        final int key = uri.indexOf("/01/");
        return uri.startsWith("http") && key > 0 ? "https://id.gs1.org" + uri.substring(key) : uri;
    }
}
