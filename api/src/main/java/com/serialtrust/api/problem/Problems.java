package com.serialtrust.api.problem;

import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.crypto.InvalidKeyException;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ProblemDetail;

/** The one mapping from a failure the client caused to its RFC 9457 problem, for every place that answers one. */
public final class Problems {

    private Problems() {}

    /** The problem of a code, with its status, type and title. */
    public static ProblemDetail of(final ProblemCode code, final String detail) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(ProblemTypes.type(code.name()));
        problem.setTitle(title(code.name()));
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail of(final ApiError code, final String detail) {
        return of(ProblemCode.of(code), detail);
    }

    /**
     * The problem of a refusal, a bad identifier or key, or an api rule; empty for anything else, and
     * for a refusal whose code this api does not know (a newer contract's: the ledger failed us).
     */
    public static Optional<ProblemDetail> ofClientError(final Throwable e) {
        if (e instanceof LedgerRefusal refusal) {
            return ProblemCode.parse(refusal.code()).map(code -> {
                final ProblemDetail problem = of(code, refusal.getMessage());
                refusal.index().ifPresent(index -> problem.setProperty("index", index));
                return problem;
            });
        }
        if (e instanceof InvalidIdentifierException invalid) {
            return Optional.of(of(ProblemCode.of(invalid.reason()), invalid.getMessage()));
        }
        if (e instanceof InvalidKeyException key) {
            return Optional.of(of(ProblemCode.of(ErrorCode.KEY_INVALID), key.getMessage()));
        }
        if (e instanceof ApiProblem api) {
            return Optional.of(of(api.code(), api.getMessage()));
        }
        return Optional.empty();
    }

    private static String title(final String code) {
        final String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
