package com.serialtrust.api.qr;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.api.security.ApiKeys;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** QR labels of registered items: PNG for screens and label printers, SVG for print artwork. */
@RestController
class LabelController {

    private final LabelService labels;
    private final QrProperties properties;

    LabelController(final LabelService labels, final QrProperties properties) {
        this.labels = labels;
        this.properties = properties;
        LabelSheet.warmUp();
    }

    @GetMapping(path = "/api/items/{gtin}/{serial}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
    Mono<ResponseEntity<byte[]>> png(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial, @RequestParam final Optional<Integer> size) {
        final int edge = size.orElse(properties.defaultSize());
        if (edge < 64 || edge > properties.maxSize()) {
            return Mono.error(new ApiProblem(ApiError.BAD_REQUEST,
                    "size is 64 to " + properties.maxSize() + " pixels, not " + edge));
        }
        return labels.uri(caller.organisation(), gtin, serial)
                .map(uri -> label(MediaType.IMAGE_PNG, QrCodes.png(uri, edge)));
    }

    @GetMapping(path = "/api/items/{gtin}/{serial}/label.svg", produces = "image/svg+xml")
    Mono<ResponseEntity<byte[]>> svg(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String serial) {
        return labels.uri(caller.organisation(), gtin, serial)
                .map(uri -> label(MediaType.parseMediaType("image/svg+xml"),
                        QrCodes.svg(uri).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A printable PDF sheet of every item of a lot (at most 10,000 labels). */
    @GetMapping(path = "/api/lots/{gtin}/{lot}/labels.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> sheet(@AuthenticationPrincipal final ApiKeys.Holder caller, @PathVariable final String gtin,
            @PathVariable final String lot) {
        return labels.lot(caller.organisation(), gtin, lot)
                .filter(items -> !items.isEmpty())
                .switchIfEmpty(Mono.error(() -> new ApiProblem(ErrorCode.ITEM_NOT_FOUND,
                        "no item of GTIN " + gtin + " is registered in lot " + lot)))
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .map(items -> label(MediaType.APPLICATION_PDF, LabelSheet.pdf("GTIN " + gtin + " - lot " + lot
                        + " - " + items.size() + " labels", items)));
    }

    private static ResponseEntity<byte[]> label(final MediaType type, final byte[] body) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .body(body);
    }
}
