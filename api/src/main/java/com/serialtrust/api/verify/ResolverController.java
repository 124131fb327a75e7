package com.serialtrust.api.verify;

import com.serialtrust.api.analytics.Scan;
import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.problem.Problems;
import com.serialtrust.api.qr.QrProperties;
import com.serialtrust.gs1.Text;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The GS1 Digital Link resolver: {@code /01/{gtin}[/22/{cpv}][/10/{lot}]/21/{serial}}, other AIs and
 * {@code sig} in the query. JSON for machines, the verifier page for browsers, the item's linkset for
 * {@code ?linkType=linkset} (or {@code all}) and {@code Accept: application/linkset+json}; every answer
 * names its linkset in a {@code Link} header.
 */
@RestController
class ResolverController {

    private final VerificationService verification;
    private final QrProperties qr;

    ResolverController(final VerificationService verification, final QrProperties qr) {
        this.verification = verification;
        this.qr = qr;
    }

    @GetMapping(path = {
        "/01/{gtin}/21/{serial}",
        "/01/{gtin}/10/{lot}/21/{serial}",
        "/01/{gtin}/22/{cpv}/21/{serial}",
        "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}"
    }, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<VerificationView> verify(final ServerHttpRequest request, final ServerHttpResponse response) {
        return Mono.fromCallable(() -> linked(request, response)).flatMap(link -> verification.verify(link, Scan.of(request)));
    }

    @GetMapping(path = {
        "/01/{gtin}/21/{serial}",
        "/01/{gtin}/10/{lot}/21/{serial}",
        "/01/{gtin}/22/{cpv}/21/{serial}",
        "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}"
    }, produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> page(final ServerHttpRequest request, final ServerHttpResponse response) {
        return Mono.fromCallable(() -> linked(request, response)).flatMap(link -> verification.verify(link, Scan.of(request)))
                .map(v -> ResponseEntity.ok(VerifierPage.render(v)))
                // a person who scanned a broken or forged label gets the scan page saying what is wrong, not JSON
                .onErrorResume(e -> Problems.ofClientError(e)
                        .map(problem -> Mono.just(ResponseEntity.status(problem.getStatus()).contentType(MediaType.TEXT_HTML)
                                .body(VerifierPage.renderProblem(problem))))
                        .orElseGet(() -> Mono.error(e)));
    }

    /** The item's linkset, asked for by its media type. Reading it counts no scan. */
    @GetMapping(path = {
        "/01/{gtin}/21/{serial}",
        "/01/{gtin}/10/{lot}/21/{serial}",
        "/01/{gtin}/22/{cpv}/21/{serial}",
        "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}"
    }, produces = "application/linkset+json")
    ResponseEntity<Linksets.Linkset> linkset(final ServerHttpRequest request, final ServerHttpResponse response) {
        return ResponseEntity.ok().contentType(Linksets.LINKSET_JSON).body(Linksets.of(linked(request, response), qr.resolverBase()));
    }

    /**
     * A requested link type: {@code linkset} or {@code all} is the linkset; a type this resolver serves
     * for an item redirects (307) to that link with the rest of the query string; any other is a 404.
     */
    @GetMapping(path = {
        "/01/{gtin}/21/{serial}",
        "/01/{gtin}/10/{lot}/21/{serial}",
        "/01/{gtin}/22/{cpv}/21/{serial}",
        "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}"
    }, params = "linkType")
    ResponseEntity<Linksets.Linkset> linkType(final ServerHttpRequest request, final ServerHttpResponse response,
            @RequestParam final String linkType) {
        final DigitalLink link = linked(request, response);
        if (linkType.equals("linkset") || linkType.equals("all")) {
            return ResponseEntity.ok().contentType(Linksets.LINKSET_JSON).body(Linksets.of(link, qr.resolverBase()));
        }
        if (!Linksets.serves(linkType)) {
            throw new ApiProblem(ApiError.NOT_FOUND, "no link of type " + Text.quote(linkType)
                    + " for this item; its linkset lists the ones there are: ?linkType=linkset");
        }
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(withoutLinkType(request)).build();
    }

    private static URI withoutLinkType(final ServerHttpRequest request) {
        final String query = request.getURI().getRawQuery();
        final String rest = java.util.Arrays.stream(query.split("&")).filter(p -> !p.startsWith("linkType="))
                .collect(java.util.stream.Collectors.joining("&"));
        return URI.create(request.getURI().getRawPath() + (rest.isEmpty() ? "" : "?" + rest));
    }

    /** The request's link, with the {@code Link} header that names its linkset set on the answer. */
    private DigitalLink linked(final ServerHttpRequest request, final ServerHttpResponse response) {
        final DigitalLink link = link(request);
        response.getHeaders().add(HttpHeaders.LINK, Linksets.header(link, qr.resolverBase()));
        return link;
    }

    /**
     * Any other address under {@code /01}: the same link with a trailing slash (tolerated, as a
     * GS1-conformant resolver must), a path that is not a Digital Link (400, naming the fault: a wrong
     * qualifier order, a segment without its value), or a link to a product or lot without a serial,
     * which this resolver does not serve (404).
     */
    @GetMapping(path = "/01/**", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<VerificationView> other(final ServerHttpRequest request, final ServerHttpResponse response) {
        return verify(request, response);
    }

    @GetMapping(path = "/01/**", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> otherPage(final ServerHttpRequest request, final ServerHttpResponse response) {
        return page(request, response);
    }

    /** Lot- or product-level: {@code /01/<gtin>[/22/<cpv>][/10/<lot>]} and nothing after. */
    private static final java.util.regex.Pattern ABOVE_ITEM = java.util.regex.Pattern.compile("/01/[^/]+(/22/[^/]+)?(/10/[^/]+)?");

    /** The request as the Digital Link it is; the host does not matter, only the path and query. */
    static DigitalLink link(final ServerHttpRequest request) {
        final String query = request.getURI().getRawQuery();
        String path = request.getURI().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (ABOVE_ITEM.matcher(path).matches()) {
            throw new ApiProblem(ApiError.NOT_FOUND, "this resolver answers for serialised items: "
                    + "/01/<gtin>/21/<serial> (a lot or product page is not served here)");
        }
        return DigitalLink.parse("https://resolver" + path + (query == null ? "" : "?" + query));
    }
}
