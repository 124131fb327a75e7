package com.serialtrust.api.theft;

import com.serialtrust.contract.TheftDetails;
import com.serialtrust.contract.TheftReportInput;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * How a theft report travels to the contract: the date in the public argument, the place and police
 * report number as {@link TheftDetails} in transient data with a fresh random salt, so that they
 * reach only the private collection the police read, never a block or public state.
 */
public final class TheftReports {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TheftReports() {}

    /** The public argument: the date only. */
    public static TheftReportInput publicPart(final String date) {
        return new TheftReportInput(date);
    }

    /** The private part, if the report has one, with a fresh salt. */
    public static Optional<TheftDetails> privatePart(final String place, final String policeReport) {
        final Optional<String> where = Optional.ofNullable(place).filter(v -> !v.isBlank());
        final Optional<String> number = Optional.ofNullable(policeReport).filter(v -> !v.isBlank());
        if (where.isEmpty() && number.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TheftDetails(where, number, salt()));
    }

    /** 16 random bytes, base64url without padding: what the contract asks of a private value's salt. */
    public static String salt() {
        final byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }
}
