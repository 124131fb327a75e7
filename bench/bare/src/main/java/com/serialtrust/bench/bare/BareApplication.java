package com.serialtrust.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spring Boot WebFlux with its defaults and one endpoint, written as the api writes its own {@code /ping}. */
@SpringBootApplication
public class BareApplication {

    public static void main(final String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @RestController
    static class Ping {

        @GetMapping(path = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
        String ping() {
            return "pong";
        }
    }
}
