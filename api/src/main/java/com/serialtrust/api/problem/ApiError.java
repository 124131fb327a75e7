package com.serialtrust.api.problem;

/**
 * The api's own error codes, beside the contract's {@link com.serialtrust.chaincode.ErrorCode}s: the
 * refusals the api makes before or after the ledger, and the failures of what it depends on. Each has
 * one HTTP status and problem type, in {@link ProblemTypes}.
 */
public enum ApiError {
    // --- the request itself
    BAD_REQUEST,
    REQUEST_REJECTED,
    URI_TOO_LONG,
    /** Written by the Netty guard itself (security/MalformedUriGuard), before Spring sees the request. */
    URI_INVALID,
    HEADERS_TOO_LARGE,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    UNSUPPORTED_MEDIA_TYPE,
    PAYLOAD_TOO_LARGE,
    DIGITAL_LINK_INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    RATE_LIMITED,
    // --- what the api checks itself
    IMAGE_INVALID,
    QR_NOT_FOUND,
    PLACE_INVALID,
    SUSPECT_NOT_FOUND,
    IMPORT_NOT_FOUND,
    CSV_INVALID,
    /** A row of a registration batch that carries no signature where one is needed. */
    SIGNATURE_MISSING,
    /** A CSV row with fewer cells than its header. */
    ROW_SHORT,
    /** A CSV row with more cells than its header. */
    ROW_LONG,
    ROW_TOO_LONG,
    /** A CSV value with spaces around it inside its quotes, which a spreadsheet does not show. */
    WHITESPACE,
    /** A CSV row that repeats an item of an earlier row of the same file. */
    DUPLICATE_IN_FILE,
    /** An EPCIS query parameter that is unknown, malformed or missing (EPCIS: QueryParameterException). */
    QUERY_PARAMETER_INVALID,
    /** An EPCIS query that would read more items or return more events than one answer holds (EPCIS: QueryTooLargeException). */
    QUERY_TOO_LARGE,
    // --- the ledger and the services behind the api
    /**
     * Fabric ordered the transaction but its validation marked it invalid (an MVCC conflict, say); the
     * ledger adapter names it {@link com.serialtrust.api.ledger.LedgerRefusal#TRANSACTION_INVALID}.
     */
    TRANSACTION_INVALID,
    LEDGER_UNAVAILABLE,
    LEDGER_FAILED,
    SIGHTINGS_UNAVAILABLE,
    ANALYTICS_UNAVAILABLE,
    INTERNAL
}
