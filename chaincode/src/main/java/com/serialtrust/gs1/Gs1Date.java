package com.serialtrust.gs1;

import static com.serialtrust.gs1.InvalidIdentifierException.Reason.DATE_INVALID;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/** GS1 dates (AI 11, 17): YYMMDD, where a day of 00 means the last day of the month. */
public final class Gs1Date {

    private Gs1Date() {}

    /** Whether the text is a well-formed GS1 date. */
    public static boolean isValid(final String yymmdd) {
        try {
            toLocalDate(yymmdd, 2000);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    /**
     * The calendar date, with the century chosen by the GS1 rule relative to a reference year:
     * a two-digit year more than 50 years ahead is taken from the previous century, and one more
     * than 49 years behind from the next.
     */
    public static LocalDate toLocalDate(final String yymmdd, final int referenceYear) {
        if (yymmdd.length() != 6 || !Gtin.isDigits(yymmdd)) {
            throw new InvalidIdentifierException(DATE_INVALID, "a GS1 date is YYMMDD: " + Text.quote(yymmdd));
        }
        final int yy = Integer.parseInt(yymmdd.substring(0, 2));
        final int month = Integer.parseInt(yymmdd.substring(2, 4));
        final int day = Integer.parseInt(yymmdd.substring(4, 6));
        final int century = referenceYear / 100 * 100;
        int year = century + yy;
        if (year - referenceYear > 50) {
            year -= 100;
        } else if (referenceYear - year > 49) {
            year += 100;
        }
        try {
            final YearMonth yearMonth = YearMonth.of(year, month);
            return day == 0 ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException(DATE_INVALID, "no such date: " + Text.quote(yymmdd));
        }
    }
}
