package com.serialtrust.api.problem;

import com.serialtrust.chaincode.ErrorCode;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * One RFC 9457 problem type per error code, the same whichever ledger runs: the contract's
 * {@link ErrorCode}s and the api's own {@link ApiError}s. Both mappings are exhaustive {@code switch}es:
 * a new code does not compile until it has a status. The type URI is relative to the api
 * ({@code /problems/...}).
 */
public final class ProblemTypes {

    private ProblemTypes() {}

    /**
     * The status of a contract refusal: the client's side (4xx), whatever ledger runs; but a search asked
     * of a peer, which keeps no search index, is a 503: the api's read model answers it once it is serving.
     */
    public static HttpStatus status(final ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT, GTIN_INVALID, SERIAL_INVALID, LOT_INVALID, DATE_INVALID, PREFIX_INVALID, KEY_INVALID,
                    SIGNATURE_MALFORMED, COMMITMENT_INVALID, RECALL_SCOPE_INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_AUTHORISED, BOOTSTRAP_REFUSED, NOT_CUSTODIAN, OWNER_PROOF_INVALID -> HttpStatus.FORBIDDEN;
            case ORGANISATION_NOT_FOUND, KEY_NOT_FOUND, PRODUCT_NOT_FOUND, ITEM_NOT_FOUND, RECALL_NOT_FOUND,
                    CONTACT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ALREADY_BOOTSTRAPPED, PREFIX_TAKEN, KEY_EXISTS, KEY_NOT_ACTIVE, PRODUCT_EXISTS, ITEM_EXISTS,
                    ILLEGAL_TRANSITION, ITEM_STOLEN, ITEM_NOT_STOLEN, ITEM_RECALLED, ITEM_ASSEMBLED,
                    WARRANTY_ALREADY_VOID -> HttpStatus.CONFLICT;
            case LIMIT_EXCEEDED -> HttpStatus.CONTENT_TOO_LARGE;
            case GTIN_NOT_UNDER_PREFIX, ITEM_DUPLICATE_IN_BATCH, SIGNATURE_INVALID, ASSEMBLY_INVALID ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
            case SEARCH_INDEX_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The status of one of the api's own codes. */
    public static HttpStatus status(final ApiError code) {
        return switch (code) {
            case BAD_REQUEST, REQUEST_REJECTED, URI_INVALID, DIGITAL_LINK_INVALID, IMAGE_INVALID, PLACE_INVALID,
                    CSV_INVALID, SIGNATURE_MISSING, ROW_SHORT, ROW_LONG, ROW_TOO_LONG, WHITESPACE, QUERY_PARAMETER_INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND, SUSPECT_NOT_FOUND, IMPORT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case TRANSACTION_INVALID -> HttpStatus.CONFLICT;
            case PAYLOAD_TOO_LARGE, QUERY_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case URI_TOO_LONG -> HttpStatus.URI_TOO_LONG;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case QR_NOT_FOUND, DUPLICATE_IN_FILE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case HEADERS_TOO_LARGE -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            case INTERNAL, LEDGER_FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
            case LEDGER_UNAVAILABLE, SIGHTINGS_UNAVAILABLE, ANALYTICS_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** {@code /problems/gtin-invalid} for {@code GTIN_INVALID}. */
    public static URI type(final String code) {
        return URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
