package com.serialtrust.api.problem;

import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.crypto.InvalidKeyException;
import com.serialtrust.gs1.InvalidIdentifierException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one mapping from a failure the client caused to its RFC 9457 problem, for every place that answers one. */
public final class Problems {

    private Problems() {}

    /** The problem of a code, with its status, type and title. */
    public static ProblemDetail of(final String code, final String detail) {
        final HttpStatus status = ProblemTypes.status(code);
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.type(code));
        problem.setTitle(title(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** The problem of a refusal, a bad identifier or key, or an api rule; empty for anything else. */
    public static Optional<ProblemDetail> ofClientError(final Throwable e) {
        if (e instanceof LedgerRefusal refusal) {
            final ProblemDetail problem = of(refusal.code(), refusal.getMessage());
            refusal.index().ifPresent(index -> problem.setProperty("index", index));
            return Optional.of(problem);
        }
        if (e instanceof InvalidIdentifierException invalid) {
            return Optional.of(of(invalid.reason().name(), invalid.getMessage()));
        }
        if (e instanceof InvalidKeyException key) {
            return Optional.of(of("KEY_INVALID", key.getMessage()));
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
