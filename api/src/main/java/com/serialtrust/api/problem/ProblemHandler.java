package com.serialtrust.api.problem;

import com.serialtrust.api.ledger.LedgerFailedException;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.LedgerUnavailableException;
import com.serialtrust.gs1.InvalidIdentifierException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error as RFC 9457 problem JSON with a stable {@code code}: the ledger's refusals, the api's
 * own, and the framework's (bad JSON, unknown route, wrong method). Never a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    /** A Java class or package name in a message: never shown to a client. */
    private static final java.util.regex.Pattern INTERNAL_NAME =
            java.util.regex.Pattern.compile("\\b(com|org|java|javax|tools|io|reactor)\\.[a-z]|Exception|\\$[A-Z]");

    @ExceptionHandler({LedgerRefusal.class, InvalidIdentifierException.class, com.serialtrust.crypto.InvalidKeyException.class,
        ApiProblem.class})
    ResponseEntity<ProblemDetail> clientError(final RuntimeException e) {
        return Problems.ofClientError(e).map(ProblemHandler::respond).orElseGet(() -> {
            // a refusal with a code this api does not know: the ledger runs a contract newer than the api
            LOG.error("the ledger refused with a code this api does not know: {}", e.getMessage());
            return respond(Problems.of(ApiError.LEDGER_FAILED, "the ledger could not carry out this request; we have been told"));
        });
    }

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(final LedgerUnavailableException e) {
        LOG.warn("ledger unavailable: {}", e.getMessage());
        return respond(Problems.of(ApiError.LEDGER_UNAVAILABLE, "the ledger is not reachable; try again shortly"));
    }

    @ExceptionHandler(LedgerFailedException.class)
    ResponseEntity<ProblemDetail> failed(final LedgerFailedException e) {
        LOG.error("the contract failed: {}", e.getMessage(), e.getCause());
        return respond(Problems.of(ApiError.LEDGER_FAILED, "the ledger could not carry out this request; we have been told"));
    }

    /** A body the codecs could not read (broken multipart, a truncated stream): the client's, not ours. */
    @ExceptionHandler(org.springframework.core.codec.DecodingException.class)
    ResponseEntity<ProblemDetail> undecodable(final Exception e) {
        LOG.debug("unreadable request body: {}", e.toString());
        return respond(Problems.of(ApiError.BAD_REQUEST, "the request's body could not be read"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(final Exception e) {
        LOG.error("unexpected failure", e);
        return respond(Problems.of(ApiError.INTERNAL, "something went wrong on our side"));
    }

    /** The framework's own errors (400, 404, 405, 406, 413, 415...) get a code too. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(final Exception ex, final Object body,
            final HttpHeaders headers, final HttpStatusCode status, final ServerWebExchange exchange) {
        final String code = frameworkCode(status).name();
        final ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setType(ProblemTypes.type(code));
        problem.setProperty("code", code);
        unknownField(ex).ifPresent(problem::setDetail);
        if (problem.getDetail() == null || status.value() == 404 || status.is5xxServerError()
                || INTERNAL_NAME.matcher(problem.getDetail()).find()) {
            // the framework's own wording may name classes or echo the request; say it plainly
            problem.setDetail(status.value() == 404 ? "there is nothing at this address"
                    : HttpStatus.valueOf(status.value()).getReasonPhrase());
        }
        return Mono.just(ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem));
    }

    /** A field the body's type does not have, named with the fields it does have: a typo is then plain to see. */
    private static java.util.Optional<String> unknownField(final Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                return java.util.Optional.of("unknown field " + com.serialtrust.gs1.Text.quote(unknown.getPropertyName())
                        + "; the fields are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        return java.util.Optional.empty();
    }

    static ApiError frameworkCode(final HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 406 -> ApiError.NOT_ACCEPTABLE;
            case 413 -> ApiError.PAYLOAD_TOO_LARGE;
            case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is4xxClientError() ? ApiError.BAD_REQUEST : ApiError.INTERNAL;
        };
    }


    /**
     * The problem as a response; a 503 or a 429 says when to try again (the ledger's reconnection; the
     * photo decoder's queue, which a photo leaves in about a second).
     */
    private static ResponseEntity<ProblemDetail> respond(final ProblemDetail problem) {
        final ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        } else if (problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            response.header(HttpHeaders.RETRY_AFTER, "2");
        }
        return response.body(problem);
    }
}
