package com.serialtrust.api.verify;

import com.serialtrust.api.analytics.Scan;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The GS1 Digital Link resolver: {@code /01/{gtin}[/22/{cpv}][/10/{lot}]/21/{serial}}, other AIs and
 * {@code sig} in the query. JSON for machines, the verifier page for browsers, the linkset for
 * {@code ?linkType=linkset} (or {@code all}) and {@code Accept: application/linkset+json}; every answer
 * names its linkset in a {@code Link} header. A link without a serial, {@code /01/{gtin}[/22/{cpv}][/10/{lot}]},
 * answers the product (or lot): its brand and the recalls in force.
 */
@RestController
class ResolverController {

    // every handler names each shape of link it takes: a request matches the handler with the most
    // specific pattern first, and only then the media type it asked for, so a catch-all alone would lose
    private static final String ITEM = "/01/{gtin}/21/{serial}";
    private static final String LOT_ITEM = "/01/{gtin}/10/{lot}/21/{serial}";
    private static final String CPV_ITEM = "/01/{gtin}/22/{cpv}/21/{serial}";
    private static final String CPV_LOT_ITEM = "/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}";
    private static final String PRODUCT = "/01/{gtin}";
    private static final String LOT = "/01/{gtin}/10/{lot}";
    private static final String CPV = "/01/{gtin}/22/{cpv}";
    private static final String CPV_LOT = "/01/{gtin}/22/{cpv}/10/{lot}";
    /** A trailing slash, or a path that is not a Digital Link (answered 400). */
    private static final String ANY = "/01/**";
    // each handler takes the exchange alone: WebFlux finds the resolver of each parameter anew for every
    // request (its cache lives as long as the request), so a parameter fewer is a search fewer

    private final VerificationService verification;
    private final ProductSummaries products;
    private final QrProperties qr;

    ResolverController(final VerificationService verification, final ProductSummaries products, final QrProperties qr) {
        this.verification = verification;
        this.products = products;
        this.qr = qr;
    }

    @GetMapping(path = {ITEM, LOT_ITEM, CPV_ITEM, CPV_LOT_ITEM}, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<VerificationView> verify(final ServerWebExchange exchange) {
        return Mono.fromCallable(() -> target(exchange))
                .flatMap(target -> verification.verify(target.requireItem(), Scan.of(exchange.getRequest())));
    }

    @GetMapping(path = {PRODUCT, LOT, CPV, CPV_LOT}, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ProductSummaries.ProductView> product(final ServerWebExchange exchange) {
        return Mono.fromCallable(() -> target(exchange)).flatMap(target -> products.of(target.level()));
    }

    /** The scan page with the item's verification, or the product page, for a browser. */
    @GetMapping(path = {ITEM, LOT_ITEM, CPV_ITEM, CPV_LOT_ITEM, PRODUCT, LOT, CPV, CPV_LOT, ANY}, produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> page(final ServerWebExchange exchange) {
        return Mono.fromCallable(() -> target(exchange))
                .flatMap(target -> target.item().isPresent()
                        ? verification.verify(target.item().get(), Scan.of(exchange.getRequest())).map(VerifierPage::render)
                        : products.of(target.level()).map(ProductPage::render))
                .map(ResponseEntity::ok)
                // a person who scanned a broken or forged label gets the scan page saying what is wrong, not JSON
                .onErrorResume(e -> Problems.ofClientError(e)
                        .map(problem -> Mono.just(ResponseEntity.status(problem.getStatus()).contentType(MediaType.TEXT_HTML)
                                .body(VerifierPage.renderProblem(problem))))
                        .orElseGet(() -> Mono.error(e)));
    }

    /** The linkset, asked for by its media type. Reading it counts no scan. */
    @GetMapping(path = {ITEM, LOT_ITEM, CPV_ITEM, CPV_LOT_ITEM, PRODUCT, LOT, CPV, CPV_LOT, ANY}, produces = "application/linkset+json")
    Mono<ResponseEntity<Linksets.Linkset>> linkset(final ServerWebExchange exchange) {
        return Mono.fromCallable(() -> target(exchange)).flatMap(this::linksetOf)
                .map(linkset -> ResponseEntity.ok().contentType(Linksets.LINKSET_JSON).body(linkset));
    }

    /**
     * A requested link type: {@code linkset} or {@code all} is the linkset; a type this resolver serves
     * at that level redirects (307) to that link with the rest of the query string, and so does a type
     * the product's brand set (to the brand's target, the query string added to it); any other is a 404.
     */
    @GetMapping(path = {ITEM, LOT_ITEM, CPV_ITEM, CPV_LOT_ITEM, PRODUCT, LOT, CPV, CPV_LOT, ANY}, params = "linkType")
    Mono<ResponseEntity<Linksets.Linkset>> linkType(final ServerWebExchange exchange, @RequestParam final String linkType) {
        final ServerHttpRequest request = exchange.getRequest();
        return Mono.fromCallable(() -> target(exchange)).flatMap(target -> {
            if (linkType.equals("linkset") || linkType.equals("all")) {
                return linksetOf(target).map(linkset -> ResponseEntity.ok().contentType(Linksets.LINKSET_JSON).body(linkset));
            }
            if (Linksets.serves(target, linkType)) {
                return Mono.just(ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(
                        URI.create(withQuery(request.getURI().getRawPath(), otherParameters(request)))).build());
            }
            return linksetOf(target).map(linkset -> linkset.best(linkType, languages(request)).orElseThrow(() -> new ApiProblem(ApiError.NOT_FOUND,
                            "no link of type " + Text.quote(linkType) + " here; the linkset lists the ones there are: ?linkType=linkset")))
                    .map(link -> ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                            .location(URI.create(withQuery(link.href(), otherParameters(request)))).build());
        });
    }

    /**
     * Any other address under {@code /01}: a link with a trailing slash (tolerated, as a GS1-conformant
     * resolver must), or a path that is not a Digital Link (400, naming the fault: a wrong qualifier
     * order, a segment without its value).
     */
    @io.swagger.v3.oas.annotations.Operation(hidden = true) // the same answers as the documented shapes above
    @GetMapping(path = ANY, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<?> other(final ServerWebExchange exchange) {
        return Mono.fromCallable(() -> target(exchange))
                .flatMap(target -> target.item().isPresent() ? verification.verify(target.item().get(), Scan.of(exchange.getRequest()))
                        : products.of(target.level()));
    }

    private Mono<Linksets.Linkset> linksetOf(final ResolverTarget target) {
        return products.brandLinks(target.level()).map(links -> Linksets.of(target, qr.resolverBase(), links));
    }

    /** The languages the client prefers, best first; none if it names none or names them in a form that does not parse. */
    private static java.util.List<java.util.Locale.LanguageRange> languages(final ServerHttpRequest request) {
        try {
            return request.getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException e) {
            return java.util.List.of();
        }
    }

    /** The request's query string without its {@code linkType}, as it came (still percent-encoded). */
    private static String otherParameters(final ServerHttpRequest request) {
        final String query = request.getURI().getRawQuery();
        return java.util.Arrays.stream(query == null ? new String[0] : query.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("linkType=")).collect(java.util.stream.Collectors.joining("&"));
    }

    private static String query(final String parameters, final String separator) {
        return parameters.isEmpty() ? "" : separator + parameters;
    }

    /** A target with the query string passed on: before its fragment, after its own query if it has one. */
    static String withQuery(final String href, final String parameters) {
        final int hash = href.indexOf('#');
        final String base = hash < 0 ? href : href.substring(0, hash);
        return base + query(parameters, base.contains("?") ? "&" : "?") + (hash < 0 ? "" : href.substring(hash));
    }

    /** The request's target, with the {@code Link} header that names its linkset set on the answer. */
    private ResolverTarget target(final ServerWebExchange exchange) {
        final ResolverTarget target = ResolverTarget.of(exchange.getRequest());
        exchange.getResponse().getHeaders().add(HttpHeaders.LINK, Linksets.header(target, qr.resolverBase()));
        return target;
    }
}
