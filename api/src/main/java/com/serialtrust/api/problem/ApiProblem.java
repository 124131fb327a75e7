package com.serialtrust.api.problem;

import com.serialtrust.chaincode.ErrorCode;
import java.util.Objects;

/**
 * A refusal by the api itself (not the ledger): one of its own {@link ApiError}s, or a contract
 * {@link ErrorCode} where the api enforces the same rule before the ledger is asked.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient ProblemCode code;

    public ApiProblem(final ApiError code, final String detail) {
        this(ProblemCode.of(code), detail);
    }

    public ApiProblem(final ErrorCode code, final String detail) {
        this(ProblemCode.of(code), detail);
    }

    private ApiProblem(final ProblemCode code, final String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The value of a required text field, or a 400 naming the field. */
    public static String required(final String value, final String field) {
        if (value == null || value.isBlank()) {
            throw new ApiProblem(ApiError.BAD_REQUEST, field + " is required");
        }
        return value;
    }

    public ProblemCode code() {
        return code;
    }
}
