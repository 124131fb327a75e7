package com.serialtrust.api.health;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest answer the api gives, for load balancers: the api's filters and nothing else. The
 * benchmarks set it beside a bare WebFlux app's {@code /ping} to show what those filters cost.
 */
@RestController
class PingController {

    @GetMapping(path = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "pong";
    }
}
