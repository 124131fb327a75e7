package com.serialtrust.chaincode;

import com.serialtrust.gs1.Gtin;
import com.serialtrust.gs1.InvalidIdentifierException;
import com.serialtrust.gs1.SerialScheme;
import java.util.Map;

/** Product models, each registered by the manufacturer that holds its GTIN's company prefix. */
final class ProductCatalogue {

    /** The longest warranty a model may declare: 50 years. */
    static final int MAX_WARRANTY_MONTHS = 600;

    private ProductCatalogue() {}

    static Product register(final Tx tx, final String gtinText, final String nameText, final String months,
            final String schemeText) {
        tx.require(Role.MANUFACTURER);
        final String gtin = gtin(gtinText);
        final String name = Arguments.text("name", nameText, 200);
        final int warrantyMonths = Arguments.integer("warrantyMonths", months, 0, MAX_WARRANTY_MONTHS);
        final SerialScheme scheme = Arguments.oneOf("scheme", schemeText, SerialScheme.class);
        final Organisation org = tx.callerOrganisation();
        if (org.prefixes().stream().noneMatch(new Gtin(gtin)::isUnderPrefix)) {
            throw ErrorCode.GTIN_NOT_UNDER_PREFIX.failure("GTIN " + gtin + " is not under a prefix of " + tx.mspId());
        }
        if (tx.exists(StateKeys.product(tx, gtin))) {
            throw ErrorCode.PRODUCT_EXISTS.failure("GTIN " + gtin + " is already registered");
        }
        final Product product = new Product(gtin, tx.mspId(), name, warrantyMonths, scheme, tx.now());
        tx.put(StateKeys.product(tx, gtin), product);
        tx.emit("ProductRegistered", Map.of("gtin", gtin, "mspId", tx.mspId(), "txId", tx.txId()));
        return product;
    }

    static Product get(final Tx tx, final String gtinText) {
        final String gtin = gtin(gtinText);
        return tx.get(StateKeys.product(tx, gtin), Product.class)
                .orElseThrow(() -> ErrorCode.PRODUCT_NOT_FOUND.failure("no product model " + gtin));
    }

    /** The product, which must be the caller's own: a brand acts on its own GTINs only. */
    static Product own(final Tx tx, final String gtinText) {
        final Product product = get(tx, gtinText);
        if (!product.mspId().equals(tx.mspId())) {
            throw ErrorCode.NOT_AUTHORISED.failure("GTIN " + product.gtin() + " belongs to " + product.mspId());
        }
        return product;
    }

    static String gtin(final String text) {
        try {
            return Gtin.parse(text == null ? "" : text).value();
        } catch (InvalidIdentifierException e) {
            throw Identifiers.refusal(e);
        }
    }
}
