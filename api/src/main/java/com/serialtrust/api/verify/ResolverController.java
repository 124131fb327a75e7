package com.serialtrust.api.verify;

import com.serialtrust.api.analytics.Scan;
import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.api.problem.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The GS1 Digital Link resolver: {@code /01/{gtin}[/22/{cpv}][/10/{lot}]/21/{serial}}, other AIs and
 * {@code sig} in the query. JSON for machines, the verifier page for browsers.
 */
@RestController
class ResolverController {

    private final VerificationService verification;

    ResolverController(final VerificationService verification) {
        this.verification = verification;
    }

    @GetMapping(path = {
        "/01/{gtin}/21/{serial}",
        "/01/{gtin}/10/{lot}/21/{serial}",
        "/01/{gtin}/22/{cpv}/21/{serial}",
        "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}"
    }, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<VerificationView> verify(final ServerHttpRequest request) {
        return Mono.fromCallable(() -> link(request)).flatMap(link -> verification.verify(link, Scan.of(request)));
    }

    @GetMapping(path = {
        "/01/{gtin}/21/{serial}",
        "/01/{gtin}/10/{lot}/21/{serial}",
        "/01/{gtin}/22/{cpv}/21/{serial}",
        "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}"
    }, produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> page(final ServerHttpRequest request) {
        return Mono.fromCallable(() -> link(request)).flatMap(link -> verification.verify(link, Scan.of(request)))
                .map(v -> ResponseEntity.ok(VerifierPage.render(v)))
                // a person who scanned a broken or forged label gets the scan page saying what is wrong, not JSON
                .onErrorResume(e -> Problems.ofClientError(e)
                        .map(problem -> Mono.just(ResponseEntity.status(problem.getStatus()).contentType(MediaType.TEXT_HTML)
                                .body(VerifierPage.renderProblem(problem))))
                        .orElseGet(() -> Mono.error(e)));
    }

    /** The request as the Digital Link it is; the host does not matter, only the path and query. */
    static DigitalLink link(final ServerHttpRequest request) {
        final String query = request.getURI().getRawQuery();
        return DigitalLink.parse("https://resolver" + request.getURI().getRawPath() + (query == null ? "" : "?" + query));
    }
}
