package com.serialtrust.api.problem;

import com.serialtrust.chaincode.ErrorCode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * One RFC 9457 problem type per error code, the same whichever ledger runs: the contract's
 * {@link ErrorCode}s and the api's own codes. The type URI is relative to the api ({@code /problems/...}).
 */
public final class ProblemTypes {

    /** The api's own codes, beside the contract's. */
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String REQUEST_REJECTED = "REQUEST_REJECTED";
    public static final String URI_TOO_LONG = "URI_TOO_LONG";
    /** Written by the Netty guard itself (security/MalformedUriGuard), before Spring sees the request. */
    public static final String URI_INVALID = "URI_INVALID";
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String DIGITAL_LINK_INVALID = "DIGITAL_LINK_INVALID";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String LEDGER_UNAVAILABLE = "LEDGER_UNAVAILABLE";
    public static final String SIGHTINGS_UNAVAILABLE = "SIGHTINGS_UNAVAILABLE";
    public static final String ANALYTICS_UNAVAILABLE = "ANALYTICS_UNAVAILABLE";
    public static final String INTERNAL = "INTERNAL";
    public static final String LEDGER_FAILED = "LEDGER_FAILED";

    private static final Map<String, HttpStatus> EXCEPTIONS = Map.ofEntries(
            Map.entry("LIMIT_EXCEEDED", HttpStatus.CONTENT_TOO_LARGE),
            Map.entry("NOT_AUTHORISED", HttpStatus.FORBIDDEN),
            Map.entry("BOOTSTRAP_REFUSED", HttpStatus.FORBIDDEN),
            Map.entry("NOT_CUSTODIAN", HttpStatus.FORBIDDEN),
            Map.entry("OWNER_PROOF_INVALID", HttpStatus.FORBIDDEN),
            Map.entry("ALREADY_BOOTSTRAPPED", HttpStatus.CONFLICT),
            Map.entry("PREFIX_TAKEN", HttpStatus.CONFLICT),
            Map.entry("KEY_NOT_ACTIVE", HttpStatus.CONFLICT),
            Map.entry("ILLEGAL_TRANSITION", HttpStatus.CONFLICT),
            Map.entry("ITEM_STOLEN", HttpStatus.CONFLICT),
            Map.entry("ITEM_NOT_STOLEN", HttpStatus.CONFLICT),
            Map.entry("ITEM_RECALLED", HttpStatus.CONFLICT),
            Map.entry("ITEM_ASSEMBLED", HttpStatus.CONFLICT),
            Map.entry("WARRANTY_ALREADY_VOID", HttpStatus.CONFLICT),
            Map.entry("TRANSACTION_INVALID", HttpStatus.CONFLICT),
            Map.entry("GTIN_NOT_UNDER_PREFIX", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("SIGNATURE_INVALID", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("ITEM_DUPLICATE_IN_BATCH", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("ASSEMBLY_INVALID", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("QR_NOT_FOUND", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(UNAUTHENTICATED, HttpStatus.UNAUTHORIZED),
            Map.entry(FORBIDDEN, HttpStatus.FORBIDDEN),
            Map.entry(NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED),
            Map.entry(NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE),
            Map.entry(UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE),
            Map.entry(PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE),
            Map.entry(RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS),
            Map.entry(URI_TOO_LONG, HttpStatus.URI_TOO_LONG),
            Map.entry(HEADERS_TOO_LARGE, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
            Map.entry(LEDGER_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(SIGHTINGS_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(ANALYTICS_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR),
            Map.entry(LEDGER_FAILED, HttpStatus.INTERNAL_SERVER_ERROR));

    private ProblemTypes() {}

    /** The HTTP status of a code: explicit, else by its shape (…_NOT_FOUND, …_EXISTS, …_INVALID). */
    public static HttpStatus status(final String code) {
        final HttpStatus explicit = EXCEPTIONS.get(code);
        if (explicit != null) {
            return explicit;
        }
        if (code.endsWith("_NOT_FOUND")) {
            return HttpStatus.NOT_FOUND;
        }
        if (code.endsWith("_EXISTS")) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.BAD_REQUEST;
    }

    /** {@code /problems/gtin-invalid} for {@code GTIN_INVALID}. */
    public static URI type(final String code) {
        return URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
