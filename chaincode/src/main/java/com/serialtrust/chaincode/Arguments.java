package com.serialtrust.chaincode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of plain string arguments, each refusing with a coded error that names the argument. */
final class Arguments {

    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Arguments() {}

    static String mspId(final String name, final String value) {
        if (value == null || !MSP_ID.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " is not an MSP id");
        }
        return value;
    }

    /** Text of 1 to max characters, trimmed, without control characters. */
    static String text(final String name, final String value, final int max) {
        if (value == null || value.isBlank()) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " is required");
        }
        final String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw ErrorCode.LIMIT_EXCEEDED.failure(name + " is longer than " + max + " characters");
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x7f)) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " contains control characters");
        }
        return trimmed;
    }

    static Optional<String> optionalText(final String name, final Optional<String> value, final int max) {
        return value.filter(v -> !v.isBlank()).map(v -> text(name, v, max));
    }

    static <E extends Enum<E>> E oneOf(final String name, final String value, final Class<E> type) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static int integer(final String name, final String value, final int min, final int max) {
        try {
            final int parsed = Integer.parseInt(value == null ? "" : value.strip());
            if (parsed < min || parsed > max) {
                throw ErrorCode.INVALID_ARGUMENT.failure(name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " must be a whole number");
        }
    }

    static Instant instant(final String name, final String value) {
        try {
            return Instant.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ErrorCode.INVALID_ARGUMENT.failure(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    static LocalDate date(final String name, final String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ErrorCode.DATE_INVALID.failure(name + " must be an ISO-8601 date such as 2026-01-31");
        }
    }

    /** A client's random salt for a private value: 16 to 64 bytes, base64url without padding. */
    static String salt(final String value) {
        final int bytes = value == null ? 0 : com.serialtrust.crypto.Base64Url.decode(value).map(b -> b.length).orElse(0);
        if (bytes < 16 || bytes > 64) {
            throw ErrorCode.INVALID_ARGUMENT.failure("salt must be 16 to 64 random bytes, base64url without padding");
        }
        return value;
    }

    /** A page size for paginated queries: 1 to 1000, 100 when blank. */
    static int pageSize(final String value) {
        return value == null || value.isBlank() ? 100 : integer("pageSize", value, 1, 1000);
    }
}
