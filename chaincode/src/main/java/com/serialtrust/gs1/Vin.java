package com.serialtrust.gs1;

/** The ISO 3779 / North American check of a vehicle identification number. */
final class Vin {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Vin() {}

    static boolean isValid(final String vin) {
        if (vin.length() != 17) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            final int value = transliterate(vin.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        final int remainder = sum % 11;
        final char expected = remainder == 10 ? 'X' : (char) ('0' + remainder);
        return vin.charAt(8) == expected;
    }

    /** The numeric value of a VIN character, or -1 where I, O, Q or a non-alphanumeric stands. */
    private static int transliterate(final char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c == 'I' || c == 'O' || c == 'Q' || c < 'A' || c > 'Z') {
            return -1;
        }
        // A-H: 1-8, J-N: 1-5, P: 7, R: 9, S-Z: 2-9
        if (c <= 'H') {
            return c - 'A' + 1;
        }
        if (c <= 'N') {
            return c - 'J' + 1;
        }
        if (c == 'P') {
            return 7;
        }
        if (c == 'R') {
            return 9;
        }
        return c - 'S' + 2;
    }
}
