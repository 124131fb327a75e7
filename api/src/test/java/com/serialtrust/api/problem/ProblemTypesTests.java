package com.serialtrust.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Every code of both enums, with the status a caller sees. A new code fails to compile until
 * {@link ProblemTypes} maps it, and fails here until this table says what it should answer.
 */
class ProblemTypesTests {

    private static final Map<ErrorCode, Integer> CONTRACT = Map.ofEntries(
            Map.entry(ErrorCode.INVALID_ARGUMENT, 400), Map.entry(ErrorCode.LIMIT_EXCEEDED, 413),
            Map.entry(ErrorCode.GTIN_INVALID, 400), Map.entry(ErrorCode.SERIAL_INVALID, 400),
            Map.entry(ErrorCode.LOT_INVALID, 400), Map.entry(ErrorCode.DATE_INVALID, 400),
            Map.entry(ErrorCode.PREFIX_INVALID, 400), Map.entry(ErrorCode.NOT_AUTHORISED, 403),
            Map.entry(ErrorCode.BOOTSTRAP_REFUSED, 403), Map.entry(ErrorCode.ALREADY_BOOTSTRAPPED, 409),
            Map.entry(ErrorCode.ORGANISATION_NOT_FOUND, 404), Map.entry(ErrorCode.PREFIX_TAKEN, 409),
            Map.entry(ErrorCode.GTIN_NOT_UNDER_PREFIX, 422), Map.entry(ErrorCode.KEY_INVALID, 400),
            Map.entry(ErrorCode.KEY_EXISTS, 409), Map.entry(ErrorCode.KEY_NOT_FOUND, 404),
            Map.entry(ErrorCode.KEY_NOT_ACTIVE, 409), Map.entry(ErrorCode.PRODUCT_EXISTS, 409),
            Map.entry(ErrorCode.PRODUCT_NOT_FOUND, 404), Map.entry(ErrorCode.ITEM_EXISTS, 409),
            Map.entry(ErrorCode.ITEM_DUPLICATE_IN_BATCH, 422), Map.entry(ErrorCode.ITEM_NOT_FOUND, 404),
            Map.entry(ErrorCode.SIGNATURE_INVALID, 422), Map.entry(ErrorCode.SIGNATURE_MALFORMED, 400),
            Map.entry(ErrorCode.NOT_CUSTODIAN, 403), Map.entry(ErrorCode.ILLEGAL_TRANSITION, 409),
            Map.entry(ErrorCode.ITEM_STOLEN, 409), Map.entry(ErrorCode.ITEM_NOT_STOLEN, 409),
            Map.entry(ErrorCode.ITEM_RECALLED, 409), Map.entry(ErrorCode.ITEM_ASSEMBLED, 409),
            Map.entry(ErrorCode.ASSEMBLY_INVALID, 422), Map.entry(ErrorCode.COMMITMENT_INVALID, 400),
            Map.entry(ErrorCode.OWNER_PROOF_INVALID, 403), Map.entry(ErrorCode.RECALL_SCOPE_INVALID, 400),
            Map.entry(ErrorCode.RECALL_NOT_FOUND, 404), Map.entry(ErrorCode.WARRANTY_ALREADY_VOID, 409),
            Map.entry(ErrorCode.CONTACT_NOT_FOUND, 404), Map.entry(ErrorCode.SEARCH_INDEX_UNAVAILABLE, 503));

    private static final Map<ApiError, Integer> API = Map.ofEntries(
            Map.entry(ApiError.BAD_REQUEST, 400), Map.entry(ApiError.REQUEST_REJECTED, 400),
            Map.entry(ApiError.URI_TOO_LONG, 414), Map.entry(ApiError.URI_INVALID, 400),
            Map.entry(ApiError.HEADERS_TOO_LARGE, 431), Map.entry(ApiError.NOT_FOUND, 404),
            Map.entry(ApiError.METHOD_NOT_ALLOWED, 405), Map.entry(ApiError.NOT_ACCEPTABLE, 406),
            Map.entry(ApiError.UNSUPPORTED_MEDIA_TYPE, 415), Map.entry(ApiError.PAYLOAD_TOO_LARGE, 413),
            Map.entry(ApiError.DIGITAL_LINK_INVALID, 400), Map.entry(ApiError.UNAUTHENTICATED, 401),
            Map.entry(ApiError.FORBIDDEN, 403), Map.entry(ApiError.RATE_LIMITED, 429),
            Map.entry(ApiError.IMAGE_INVALID, 400), Map.entry(ApiError.QR_NOT_FOUND, 422),
            Map.entry(ApiError.PLACE_INVALID, 400), Map.entry(ApiError.SUSPECT_NOT_FOUND, 404),
            Map.entry(ApiError.IMPORT_NOT_FOUND, 404), Map.entry(ApiError.CSV_INVALID, 400),
            Map.entry(ApiError.SIGNATURE_MISSING, 400), Map.entry(ApiError.ROW_SHORT, 400),
            Map.entry(ApiError.ROW_LONG, 400), Map.entry(ApiError.ROW_TOO_LONG, 400),
            Map.entry(ApiError.WHITESPACE, 400), Map.entry(ApiError.DUPLICATE_IN_FILE, 422),
            Map.entry(ApiError.QUERY_PARAMETER_INVALID, 400), Map.entry(ApiError.QUERY_TOO_LARGE, 413),
            Map.entry(ApiError.TRANSACTION_INVALID, 409), Map.entry(ApiError.LEDGER_UNAVAILABLE, 503),
            Map.entry(ApiError.LEDGER_FAILED, 500), Map.entry(ApiError.SIGHTINGS_UNAVAILABLE, 503),
            Map.entry(ApiError.ANALYTICS_UNAVAILABLE, 503), Map.entry(ApiError.INTERNAL, 500));

    @Test
    void everyCodeOfTheContractAndOfTheApiHasTheStatusACallerExpects() {
        assertThat(CONTRACT.keySet()).as("contract codes this table names").containsExactlyInAnyOrder(ErrorCode.values());
        assertThat(API.keySet()).as("api codes this table names").containsExactlyInAnyOrder(ApiError.values());
        assertThat(Arrays.stream(ErrorCode.values()).collect(Collectors.toMap(c -> c, c -> ProblemTypes.status(c).value())))
                .isEqualTo(CONTRACT);
        assertThat(Arrays.stream(ApiError.values()).collect(Collectors.toMap(c -> c, c -> ProblemTypes.status(c).value())))
                .isEqualTo(API);
    }

    @Test
    void everyRefusalOfTheContractButAnUnindexedSearchIsAClientErrorAndOnlyTheApisOwnFailuresAreServerErrors() {
        assertThat(CONTRACT.entrySet().stream().filter(e -> e.getValue() >= 500).map(Map.Entry::getKey))
                .as("a search asked of a peer, which keeps no index, is the service's side: retry once the read model serves")
                .containsExactly(ErrorCode.SEARCH_INDEX_UNAVAILABLE);
        assertThat(CONTRACT.values()).allMatch(status -> status >= 400 && status < 500 || status == 503);
        assertThat(API.entrySet().stream().filter(e -> e.getValue() >= 500).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(ApiError.LEDGER_FAILED, ApiError.INTERNAL, ApiError.LEDGER_UNAVAILABLE,
                        ApiError.SIGHTINGS_UNAVAILABLE, ApiError.ANALYTICS_UNAVAILABLE);
    }

    @Test
    void noCodeIsNamedTwice() {
        assertThat(Arrays.stream(ApiError.values()).map(Enum::name))
                .doesNotContainAnyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void aPeersCodeIsReadBackAsTheSameCodeAndAnUnknownOneIsNotTakenForTheClientsFault() {
        assertThat(ProblemCode.parse("ITEM_NOT_FOUND")).contains(new ProblemCode("ITEM_NOT_FOUND", HttpStatus.NOT_FOUND));
        assertThat(ProblemCode.parse(LedgerRefusal.TRANSACTION_INVALID)).contains(ProblemCode.of(ApiError.TRANSACTION_INVALID));
        assertThat(ProblemCode.parse("SOMETHING_NEW")).isEmpty();
        assertThat(Problems.ofClientError(new LedgerRefusal("SOMETHING_NEW", "a newer contract", java.util.Optional.empty())))
                .isEmpty();
    }

    @Test
    void everyReasonAnIdentifierIsRefusedForIsOneOfTheCodes() {
        for (InvalidIdentifierException.Reason reason : InvalidIdentifierException.Reason.values()) {
            assertThat(ProblemCode.of(reason).name()).isEqualTo(reason.name());
            assertThat(ProblemCode.of(reason).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(ProblemTypes.type("GTIN_INVALID").toString()).isEqualTo("/problems/gtin-invalid");
    }
}
