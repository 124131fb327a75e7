package com.serialtrust.api.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who an API key belongs to: the staff pages show it after sign-in. */
@RestController
class MeController {

    /** The key's holder, the organisation it acts for, and that organisation's MSP id. */
    record Me(String name, String organisation, String mspId) {}

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal final ApiKeys.Holder caller) {
        return new Me(caller.name(), caller.organisation().name(), caller.organisation().mspId());
    }
}
