package com.serialtrust.gs1;

import static com.serialtrust.gs1.InvalidIdentifierException.Reason.SERIAL_INVALID;

import java.util.Objects;

/** The rule a product model's serials follow, checked when an item is registered. */
public enum SerialScheme {
    /** GS1 AI 21: 1 to 20 characters of character set 82. */
    GS1 {
        @Override
        boolean accepts(final String serial) {
            return Cset82.isValid(serial, 20);
        }
    },
    /** A mobile device's IMEI: 15 digits, the last a Luhn check digit. */
    IMEI {
        @Override
        boolean accepts(final String serial) {
            return serial.length() == 15 && Gtin.isDigits(serial) && luhnValid(serial);
        }
    },
    /** A vehicle identification number: 17 characters without I, O or Q, check character at position 9. */
    VIN {
        @Override
        boolean accepts(final String serial) {
            return Vin.isValid(serial);
        }
    };

    abstract boolean accepts(String serial);

    /**
     * Checks a serial against this scheme.
     *
     * @throws InvalidIdentifierException naming the scheme if the serial does not follow it
     */
    public void validate(final String serial) {
        Objects.requireNonNull(serial, "serial");
        if (!accepts(serial)) {
            throw new InvalidIdentifierException(SERIAL_INVALID, "not a valid " + name() + " serial: " + Text.quote(serial));
        }
    }

    static boolean luhnValid(final String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
