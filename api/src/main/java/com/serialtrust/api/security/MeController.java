package com.serialtrust.api.security;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who an API key belongs to: the staff pages show it after sign-in. */
@RestController
class MeController {

    @GetMapping("/api/me")
    Map<String, String> me(@AuthenticationPrincipal final ApiKeys.Holder caller) {
        return Map.of("name", caller.name(), "organisation", caller.organisation().name(),
                "mspId", caller.organisation().mspId());
    }
}
