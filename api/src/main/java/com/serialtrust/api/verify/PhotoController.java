package com.serialtrust.api.verify;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.analytics.Scan;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.gs1.DigitalLink;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Verification from a photo of a label: the image as the body, or as the form field {@code photo}. */
@RestController
class PhotoController {

    /** Photos waiting for the decoder, at most; past it a photo is refused at once (429). */
    static final int WAITING = 4;
    /**
     * Photos are decoded one at a time, on a thread of their own: each takes up to 12 MB of heap, and
     * more for its scaled copies, while it is read (PhotoDecoder), and a burst of uploads must not take
     * the heap, nor the threads that other blocking work runs on.
     */
    private static final Scheduler DECODER = Schedulers.newBoundedElastic(1, WAITING, "photo-decoder", 60, true);

    private final VerificationService verification;

    PhotoController(final VerificationService verification) {
        this.verification = verification;
    }

    /** The image's own signature says what it is; "image/jpg", which is not registered, is what some clients send. */
    @PostMapping(path = "/verify/photo", consumes = {MediaType.IMAGE_JPEG_VALUE, "image/jpg", MediaType.IMAGE_PNG_VALUE,
        MediaType.IMAGE_GIF_VALUE, "image/bmp", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Mono<VerificationView> photo(final ServerHttpRequest request, @RequestBody(required = false) final Flux<DataBuffer> body) {
        return verify(body, request);
    }

    @PostMapping(path = "/verify/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<VerificationView> form(final ServerHttpRequest request, @RequestPart("photo") final FilePart photo) {
        return verify(photo.content(), request);
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(ApiError.PAYLOAD_TOO_LARGE, "a photo is at most " + PhotoDecoder.MAX_BYTES / (1024 * 1024) + " MB");
    }

    private Mono<VerificationView> verify(final Flux<DataBuffer> body, final ServerHttpRequest request) {
        final long declared = request.getHeaders().getContentLength();
        if (declared > PhotoDecoder.MAX_BYTES) {
            // refused before a byte of the body is read: a client that sent "Expect: 100-continue" sends none
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(body == null ? Flux.empty() : body, PhotoDecoder.MAX_BYTES)
                .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class, e -> tooLarge())
                .map(buffer -> {
                    final byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .publishOn(DECODER)
                .map(PhotoDecoder::decode)
                .onErrorMap(RejectedExecutionException.class, e -> new ApiProblem(ApiError.RATE_LIMITED,
                        "other photos are being read; try again in a moment"))
                .map(DigitalLink::parse)
                // the page keeps exactly what was decoded in its address: a reload checks the same label
                .flatMap(link -> verification.verify(link, Scan.of(request))
                        .map(v -> v.withLink(link.toUri(""))));
    }
}
