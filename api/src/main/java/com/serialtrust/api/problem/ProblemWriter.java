package com.serialtrust.api.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the response, for filters that run before any controller. */
public final class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(final JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(final ServerWebExchange exchange, final ApiError code, final String detail) {
        final ProblemDetail problem = Problems.of(code, detail);
        problem.setInstance(exchange.getRequest().getURI().resolve(exchange.getRequest().getPath().value()));
        final var response = exchange.getResponse();
        response.setStatusCode(ProblemTypes.status(code));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        final DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
