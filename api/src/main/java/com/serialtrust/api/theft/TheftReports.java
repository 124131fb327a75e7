package com.serialtrust.api.theft;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a theft report travels to the contract: the date in the public argument, the place and police
 * report number in the transient field {@code theftDetails} with a fresh random salt, so that they
 * reach only the private collection the police read, never a block or public state.
 */
public final class TheftReports {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TheftReports() {}

    /** The public argument: {@code {"date": ...}}. */
    public static String publicPart(final String date) {
        final Map<String, String> input = new LinkedHashMap<>();
        if (date != null) {
            input.put("date", date);
        }
        return JSON.writeValueAsString(input);
    }

    /** The transient data that carries the private part, if the report has one. */
    public static Map<String, byte[]> privatePart(final String place, final String policeReport) {
        final Map<String, String> details = new LinkedHashMap<>();
        Optional.ofNullable(place).filter(v -> !v.isBlank()).ifPresent(v -> details.put("place", v));
        Optional.ofNullable(policeReport).filter(v -> !v.isBlank()).ifPresent(v -> details.put("policeReport", v));
        if (details.isEmpty()) {
            return Map.of();
        }
        details.put("salt", salt());
        return Map.of("theftDetails", JSON.writeValueAsString(details).getBytes(StandardCharsets.UTF_8));
    }

    /** 16 random bytes, base64url without padding: what the contract asks of a private value's salt. */
    public static String salt() {
        final byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }
}
