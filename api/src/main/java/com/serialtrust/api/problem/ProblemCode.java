package com.serialtrust.api.problem;

import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A problem's stable code with its HTTP status: one of the contract's {@link ErrorCode}s or one of the
 * api's {@link ApiError}s, each mapped once, in {@link ProblemTypes}.
 */
public record ProblemCode(String name, HttpStatus status) {

    public ProblemCode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public static ProblemCode of(final ErrorCode code) {
        return new ProblemCode(code.name(), ProblemTypes.status(code));
    }

    public static ProblemCode of(final ApiError code) {
        return new ProblemCode(code.name(), ProblemTypes.status(code));
    }

    /** The code of a GS1 identifier that does not meet its specification. */
    public static ProblemCode of(final InvalidIdentifierException.Reason reason) {
        return switch (reason) {
            case GTIN_INVALID -> of(ErrorCode.GTIN_INVALID);
            case SERIAL_INVALID -> of(ErrorCode.SERIAL_INVALID);
            case LOT_INVALID -> of(ErrorCode.LOT_INVALID);
            case DATE_INVALID -> of(ErrorCode.DATE_INVALID);
            case DIGITAL_LINK_INVALID -> of(ApiError.DIGITAL_LINK_INVALID);
        };
    }

    /**
     * The code a peer's refusal names, if this api knows it. A code it does not know comes from a
     * contract newer than the api: the caller answers it as the ledger failing, not as the client's fault.
     */
    public static Optional<ProblemCode> parse(final String wire) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(wire)) {
                return Optional.of(of(code));
            }
        }
        for (ApiError code : ApiError.values()) {
            if (code.name().equals(wire)) {
                return Optional.of(of(code));
            }
        }
        return Optional.empty();
    }
}
