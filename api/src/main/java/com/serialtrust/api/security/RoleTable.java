package com.serialtrust.api.security;

import java.util.List;
import java.util.Objects;

/**
 * Who may call each endpoint of the api: the one place the role table is written. The README shows it
 * ({@link #markdown()}), and the authorisation walk in the tests calls every endpoint as every demo
 * organisation, without a key and with a wrong one, and fails on any call that succeeds where this
 * table says it must not. The contract enforces the roles again on the ledger, whichever key calls.
 */
public final class RoleTable {

    /** Who may call: everyone, any staff key, or the organisations holding a role on the ledger. */
    public enum Who {
        ANYONE("anyone"),
        STAFF("any staff organisation"),
        MANUFACTURER("manufacturer"),
        RETAILER("retailer"),
        RETAILER_OR_MANUFACTURER("retailer or manufacturer"),
        POLICE("police"),
        SERVICE("service centre"),
        MANUFACTURER_OR_SERVICE("manufacturer or service centre");

        private final String words;

        Who(final String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One endpoint: who may call it, and on what condition beyond the role. */
    public record Rule(String method, String path, Who who, String condition) {
        public Rule {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(condition, "condition");
        }
    }

    private static final String ITEM = "/api/items/{gtin}/{serial}";

    /** Every endpoint the api maps, in the order the README lists them. */
    public static final List<Rule> RULES = List.of(
            new Rule("GET", "/01/{gtin}/21/{serial}", Who.ANYONE, "the resolver: verification JSON or the scan page; `didYouMean` only serials that fold to the typed one"),
            new Rule("GET", "/01/{gtin}/10/{lot}/21/{serial}", Who.ANYONE, ""),
            new Rule("GET", "/01/{gtin}/22/{cpv}/21/{serial}", Who.ANYONE, ""),
            new Rule("GET", "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}", Who.ANYONE, ""),
            new Rule("GET", "/01/{gtin}", Who.ANYONE, "a product: its name, brand, warranty and recalls in force (public notices only; none of one serial)"),
            new Rule("GET", "/01/{gtin}/10/{lot}", Who.ANYONE, "a lot: as the product, with the recalls that concern that lot"),
            new Rule("GET", "/01/{gtin}/22/{cpv}", Who.ANYONE, ""),
            new Rule("GET", "/01/{gtin}/22/{cpv}/10/{lot}", Who.ANYONE, ""),
            new Rule("GET", "/01/**", Who.ANYONE, "any other resolver address: a trailing slash is tolerated; not a Digital Link: 400"),
            new Rule("GET", "/.well-known/gs1resolver", Who.ANYONE, "the GS1 resolver description file"),
            new Rule("POST", "/verify/photo", Who.ANYONE, "rate-limited like the resolver; answers the decoded `link`"),
            new Rule("GET", "/", Who.ANYONE, ""),
            new Rule("GET", "/app/", Who.ANYONE, ""),
            new Rule("GET", "/ping", Who.ANYONE, ""),
            new Rule("POST", "/owner/items/{gtin}/{serial}/claim", Who.ANYONE, "with the owner's proof"),
            new Rule("POST", "/owner/items/{gtin}/{serial}/transfer", Who.ANYONE, "with the owner's proof"),
            new Rule("POST", "/owner/items/{gtin}/{serial}/theft", Who.ANYONE, "with the owner's proof"),
            new Rule("POST", "/owner/items/{gtin}/{serial}/contact", Who.ANYONE, "with the owner's proof"),
            new Rule("GET", "/api/me", Who.STAFF, ""),
            new Rule("GET", "/api/keys", Who.STAFF, "its own keys"),
            new Rule("POST", "/api/keys", Who.MANUFACTURER, ""),
            new Rule("POST", "/api/keys/{keyId}/rotation", Who.MANUFACTURER, "its own key"),
            new Rule("POST", "/api/keys/{keyId}/revocation", Who.MANUFACTURER, "its own key"),
            new Rule("POST", "/api/keys/{keyId}/compromise", Who.MANUFACTURER, "its own key"),
            new Rule("POST", "/api/products", Who.MANUFACTURER, "a GTIN under its own prefix"),
            new Rule("PUT", "/api/products/{gtin}/links", Who.MANUFACTURER, "its own product; GS1 link types other than the resolver's own (verificationService, defaultLink), https targets"),
            new Rule("GET", "/api/products/{gtin}/links", Who.STAFF, "any product's: public anyway, in its linkset"),
            new Rule("POST", "/api/items", Who.MANUFACTURER, "its own GTINs, signed with its own key"),
            new Rule("POST", "/api/imports", Who.MANUFACTURER, "its own GTINs, signed with its own key"),
            new Rule("GET", "/api/imports/{id}", Who.MANUFACTURER, "its own import"),
            new Rule("GET", "/api/imports/{id}/errors", Who.MANUFACTURER, "its own import"),
            new Rule("GET", ITEM, Who.STAFF, "a digest of the signature, never the signature"),
            new Rule("GET", ITEM + "/history", Who.STAFF, "a digest of the signature, never the signature"),
            new Rule("GET", ITEM + "/history.epcis", Who.STAFF, ""),
            new Rule("GET", "/api/epcis/events", Who.STAFF, "EPCIS 2.0 query (REST binding): the events of up to 100 items or of one lot of up to 1,000, read as the caller"),
            new Rule("GET", ITEM + "/label.png", Who.MANUFACTURER, "the item's manufacturer"),
            new Rule("GET", ITEM + "/label.svg", Who.MANUFACTURER, "the item's manufacturer"),
            new Rule("GET", "/api/lots/{gtin}/{lot}/labels.pdf", Who.MANUFACTURER, "the items' manufacturer"),
            new Rule("POST", "/api/recalls", Who.MANUFACTURER, "of its own GTIN"),
            new Rule("DELETE", "/api/recalls/{id}", Who.MANUFACTURER, "its own recall"),
            new Rule("GET", "/api/recalls", Who.STAFF, ""),
            new Rule("GET", "/api/recalls/{id}", Who.STAFF, ""),
            new Rule("GET", "/api/suspects", Who.MANUFACTURER, "its own codes"),
            new Rule("GET", "/api/dashboard", Who.MANUFACTURER, "its own counts, places, suspects and imports"),
            new Rule("DELETE", "/api/suspects/{gtin}/{serial}", Who.MANUFACTURER, "its own code"),
            new Rule("POST", "/api/shipments", Who.STAFF, "holding the items"),
            new Rule("POST", "/api/receipts", Who.STAFF, "the items shipped to it"),
            new Rule("POST", ITEM + "/sale", Who.RETAILER_OR_MANUFACTURER, "holding the item"),
            new Rule("POST", ITEM + "/return", Who.RETAILER, "with the owner's proof"),
            new Rule("POST", ITEM + "/decommission", Who.STAFF, "holding the item"),
            new Rule("POST", ITEM + "/components", Who.MANUFACTURER_OR_SERVICE, "holding the assembly and the components"),
            new Rule("POST", ITEM + "/theft", Who.STAFF, "holding the item"),
            new Rule("GET", ITEM + "/warranty", Who.STAFF, ""),
            new Rule("POST", ITEM + "/service-records", Who.SERVICE, ""),
            new Rule("POST", ITEM + "/warranty/void", Who.MANUFACTURER_OR_SERVICE, "the item's manufacturer, or a service centre"),
            new Rule("POST", "/api/police/checks", Who.POLICE, ""),
            new Rule("GET", "/api/police/close-serials", Who.POLICE, ""),
            new Rule("GET", "/api/police/stolen", Who.POLICE, ""),
            new Rule("GET", "/api/police/sightings", Who.POLICE, ""),
            new Rule("POST", "/api/police/items/{gtin}/{serial}/flag", Who.POLICE, ""),
            new Rule("POST", "/api/police/items/{gtin}/{serial}/recovery", Who.POLICE, ""),
            new Rule("GET", "/api/police/items/{gtin}/{serial}/theft", Who.POLICE, "place and report number of a theft"),
            new Rule("GET", "/api/police/items/{gtin}/{serial}/owner-contact", Who.POLICE, ""));

    private RoleTable() {}

    /** The table as the README shows it. */
    public static String markdown() {
        final StringBuilder out = new StringBuilder("| endpoint | who may call it | on what condition |\n|---|---|---|\n");
        for (Rule rule : RULES) {
            out.append("| `").append(rule.method()).append(' ').append(rule.path()).append("` | ").append(rule.who().words())
                    .append(" | ").append(rule.condition()).append(" |\n");
        }
        return out.toString();
    }
}
