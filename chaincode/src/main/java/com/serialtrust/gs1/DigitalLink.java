package com.serialtrust.gs1;

import static com.serialtrust.gs1.InvalidIdentifierException.Reason.DIGITAL_LINK_INVALID;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A GS1 Digital Link URI for one item, as printed in a SerialTrust QR code:
 * {@code https://<resolver>/01/<gtin14>[/22/<cpv>][/10/<lot>]/21/<serial>[?11=..&17=..&sig=..]}.
 */
public record DigitalLink(ElementString element, Optional<String> signature) {

    /** The longest URI we parse; a QR label's link is far shorter. */
    public static final int MAX_LENGTH = 2048;

    /** The key and its qualifiers, in the order a Digital Link's path holds them. */
    static final List<String> PATH_ORDER = List.of("01", "22", "10", "21");
    private static final List<String> QUERY_AIS = List.of("11", "17");

    public DigitalLink {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Parses a Digital Link URI. The path holds 01, then optionally 22 and 10, then 21, in that
     * order; 11 and 17 travel as query parameters, kept as the item's; any other data attribute of
     * {@link DataAttributes} is accepted if its value is well formed, and not kept; {@code sig} carries
     * the signature.
     *
     * @throws InvalidIdentifierException if the URI is not a Digital Link for a serialised item
     */
    public static DigitalLink parse(final String uri) {
        final Map<String, String> ais = new LinkedHashMap<>();
        final Optional<String> signature = readAis(uri, ais);
        return new DigitalLink(ElementString.fromAis(ais), signature);
    }

    /**
     * Reads a Digital Link URI's AIs, from its path and its query, into {@code ais}; answers its
     * {@code sig}. Nothing is checked beyond the URI's syntax and the order of the path's AIs.
     */
    static Optional<String> readAis(final String uri, final Map<String, String> ais) {
        Objects.requireNonNull(uri, "uri");
        if (uri.length() > MAX_LENGTH) {
            throw invalid("URI longer than " + MAX_LENGTH + " characters");
        }
        final URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid("not a URI: " + Text.quote(uri));
        }
        if (parsed.getRawPath() == null || parsed.getScheme() == null
                || !parsed.getScheme().equalsIgnoreCase("https") && !parsed.getScheme().equalsIgnoreCase("http")) {
            throw invalid("a Digital Link is an http(s) URI: " + Text.quote(uri));
        }
        final Optional<String> signature = readQuery(parsed.getRawQuery(), ais);
        readPath(parsed.getRawPath(), ais);
        return signature;
    }

    private static void readPath(final String rawPath, final Map<String, String> ais) {
        final String[] segments = rawPath.split("/", -1);
        int start = -1;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("01")) {
                start = i;
                break;
            }
        }
        if (start < 0 || (segments.length - start) % 2 != 0) {
            throw invalid("the path must hold /01/<gtin> followed by AI/value pairs");
        }
        int order = 0;
        for (int i = start; i < segments.length; i += 2) {
            final String ai = segments[i];
            final int position = PATH_ORDER.indexOf(ai);
            if (position < order) {
                throw invalid("AI " + Text.quote(ai) + " is not allowed at this place in the path (order: 01, 22, 10, 21)");
            }
            order = position + 1;
            ais.put(ai, decode(segments[i + 1]));
        }
    }

    private static Optional<String> readQuery(final String rawQuery, final Map<String, String> ais) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        String signature = null;
        final java.util.Set<String> attributes = new java.util.HashSet<>();
        for (String pair : rawQuery.split("&")) {
            final int eq = pair.indexOf('=');
            final String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            final String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (PATH_ORDER.contains(key)) {
                throw invalid("AI " + key + " belongs in the path, not the query");
            }
            if (key.equals("sig")) {
                if (signature != null) {
                    throw invalid("sig appears twice");
                }
                signature = value;
            } else if (!key.isEmpty() && Gtin.isDigits(key)) {
                if (!attributes.add(key)) {
                    throw invalid("AI " + key + " appears twice");
                }
                if (QUERY_AIS.contains(key)) {
                    ais.put(key, value); // the dates the brand signed, checked as the item's
                } else {
                    DataAttributes.fault(key, value).ifPresent(fault -> {
                        throw invalid(fault);
                    });
                }
            }
            // other, non-AI parameters are ignored, as the Digital Link standard allows
        }
        return Optional.ofNullable(signature);
    }

    /** The URI for this item under a resolver base such as {@code https://id.example.com}. */
    public String toUri(final String resolverBase) {
        Objects.requireNonNull(resolverBase, "resolverBase");
        final StringBuilder out = new StringBuilder(ProductLink.of(element).toUri(resolverBase));
        out.append("/21/").append(encode(element.serial()));
        final StringBuilder query = new StringBuilder();
        element.productionDate().ifPresent(v -> query.append("&11=").append(v));
        element.expiryDate().ifPresent(v -> query.append("&17=").append(v));
        signature.ifPresent(v -> query.append("&sig=").append(encode(v)));
        if (query.length() > 0) {
            out.append('?').append(query, 1, query.length());
        }
        return out.toString();
    }

    private static String decode(final String raw) {
        try {
            // '+' is literal in a path and in GS1 values; only %XX escapes are decoded
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("bad percent-encoding: " + Text.quote(raw));
        }
    }

    static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    static InvalidIdentifierException invalid(final String message) {
        return new InvalidIdentifierException(DIGITAL_LINK_INVALID, message);
    }
}
