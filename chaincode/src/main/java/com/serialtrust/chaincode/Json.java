package com.serialtrust.chaincode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of the ledger: keys sorted, absent values left out, no whitespace, dates as
 * ISO-8601. Every endorser writes the same bytes for the same state. Reading is strict: unknown
 * fields and oversized documents are refused.
 */
public final class Json {

    /** The largest JSON argument a transaction accepts. */
    public static final int MAX_ARGUMENT_BYTES = 4 * 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(64 * 1024)
                            .maxDocumentLength(MAX_ARGUMENT_BYTES)
                            .build())
                    .build())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT)
                    .withContentInclusion(JsonInclude.Include.NON_ABSENT))
            // a null inside a list is refused where it is read, not found later as a bug
            .changeDefaultNullHandling(nulls -> nulls.withContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL))
            .addModule(InstantText.module())
            .build();

    private Json() {}

    /** The canonical bytes of a value. */
    public static byte[] bytes(final Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The canonical text of a value. */
    public static String text(final Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** Reads state this contract wrote; a failure here is a bug, not bad input. */
    static <T> T readState(final byte[] bytes, final Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            if (type == Item.class && tree(bytes) instanceof tools.jackson.databind.node.ObjectNode legacy
                    && legacy.has("signature")) {
                return type.cast(legacyItem(legacy));
            }
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " in state", e);
        }
    }

    /**
     * The named top-level string fields of a state object, read as they stream by without building the
     * object: the search index needs three of an item's twenty-three, for each item a world state commits.
     */
    static Map<String, String> strings(final byte[] bytes, final Set<String> names) {
        final Map<String, String> found = new HashMap<>(names.size() * 2);
        try (JsonParser in = MAPPER.createParser(bytes)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("state is not a JSON object");
            }
            while (in.nextToken() == JsonToken.PROPERTY_NAME) {
                final String name = in.currentName();
                if (in.nextToken() == JsonToken.VALUE_STRING && names.contains(name)) {
                    found.put(name, in.getString());
                } else {
                    in.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new IllegalStateException("unreadable state", e);
        }
        return found;
    }

    /** State this contract wrote, of a generic type. */
    static <T> T readState(final byte[] bytes, final tools.jackson.core.type.TypeReference<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("unreadable state", e);
        }
    }

    /** State this contract wrote, as a tree. */
    static tools.jackson.databind.JsonNode tree(final byte[] bytes) {
        return MAPPER.readTree(bytes);
    }

    /**
     * An item written before public state kept only a digest of its signature: read with the digest of
     * the signature it holds, so that ledgers written then keep verifying. Its next change writes it
     * back without the signature.
     */
    private static Item legacyItem(final tools.jackson.databind.node.ObjectNode tree) {
        final byte[] signature = com.serialtrust.crypto.Base64Url.decode(tree.remove("signature").asString())
                .orElseThrow(() -> new IllegalStateException("unreadable signature of a legacy item in state"));
        tree.put("signatureDigest", LabelSignatures.digest(signature));
        return MAPPER.treeToValue(tree, Item.class);
    }

    /** What is wrong with a JSON argument, in the caller's terms: never a Java class name. */
    static String describe(final JacksonException e) {
        final StringBuilder at = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                at.append('[').append(ref.getIndex()).append(']');
            }
        }
        final String where = at.length() == 0 ? "" : " at " + at;
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"" + where;
        }
        if (e instanceof tools.jackson.databind.exc.InvalidNullException) {
            return "a value is required" + where;
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException) {
            return "a value of the wrong type or shape" + where;
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException) {
            return "malformed JSON" + (e.getLocation() == null ? "" : " near character " + e.getLocation().getCharOffset());
        }
        return "a value that does not fit" + where;
    }

    /** Reads a caller's JSON argument, refusing it with INVALID_ARGUMENT if malformed. */
    static <T> T readArgument(final String name, final String text, final Class<T> type) {
        if (text == null || text.isBlank()) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " is required");
        }
        if (text.length() > MAX_ARGUMENT_BYTES) {
            throw ErrorCode.LIMIT_EXCEEDED.failure(name + " is larger than " + MAX_ARGUMENT_BYTES + " bytes");
        }
        try {
            final T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw ErrorCode.INVALID_ARGUMENT.failure(name + " is required");
            }
            return value;
        } catch (JacksonException e) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " is not valid JSON of the expected shape: " + describe(e));
        } catch (IllegalArgumentException | NullPointerException e) {
            // a record's own validation refused a field; its message names the field, never a class
            throw ErrorCode.INVALID_ARGUMENT.failure(name + ": " + (e.getMessage() == null ? "a required field is missing"
                    : e.getMessage().replaceAll("[a-z]+(\\.[a-z]+)+\\.[A-Z][\\w$]*", "a value")));
        }
    }
}
