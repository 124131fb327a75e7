package com.serialtrust.chaincode;

import com.serialtrust.gs1.Gtin;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.Objects;

/** An item's identity on the ledger: its GTIN-14 and serial. */
public record ItemRef(String gtin, String serial) {

    public ItemRef {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
    }

    /** Parses and normalises a caller's GTIN and serial, refusing malformed ones with a coded error. */
    static ItemRef parse(final String gtin, final String serial) {
        if (gtin == null || serial == null) {
            throw ErrorCode.INVALID_ARGUMENT.failure("a GTIN and a serial are required");
        }
        try {
            final String gtin14 = Gtin.parse(gtin).value();
            if (!com.serialtrust.gs1.Cset82.isValid(serial, 20)) {
                throw ErrorCode.SERIAL_INVALID.failure("a serial is 1-20 characters of GS1 set 82: "
                        + com.serialtrust.gs1.Text.quote(serial));
            }
            return new ItemRef(gtin14, serial);
        } catch (InvalidIdentifierException e) {
            throw Identifiers.refusal(e);
        }
    }

    /** The same reference with its GTIN normalised, for references inside JSON arguments. */
    ItemRef normalised() {
        return parse(gtin, serial);
    }

    @Override
    public String toString() {
        return "(01)" + gtin + "(21)" + serial;
    }
}
