package com.serialtrust.api.verify;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scan page at {@code /app/}; the site's root leads there. */
@RestController
class ScanPageController {

    @GetMapping(path = "/app/", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return VerifierPage.SHELL;
    }

    @GetMapping("/")
    ResponseEntity<Void> root() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/app/")).build();
    }
}
