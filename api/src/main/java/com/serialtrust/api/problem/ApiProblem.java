package com.serialtrust.api.problem;

import java.util.Objects;

/** A refusal by the api itself (not the ledger), with one of the codes of {@link ProblemTypes}. */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;

    public ApiProblem(final String code, final String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The value of a required text field, or a 400 naming the field. */
    public static String required(final String value, final String field) {
        if (value == null || value.isBlank()) {
            throw new ApiProblem(ProblemTypes.BAD_REQUEST, field + " is required");
        }
        return value;
    }

    public String code() {
        return code;
    }
}
