package com.serialtrust.api.analytics;

import com.serialtrust.api.security.ApiKeys;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A manufacturer's codes that look copied. */
@RestController
class SuspectController {

    private final ScanAnalytics analytics;

    SuspectController(final ScanAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/suspects")
    Mono<List<Map<String, String>>> suspects(@AuthenticationPrincipal final ApiKeys.Holder caller) {
        return analytics.suspects(caller.organisation().mspId()).defaultIfEmpty(List.of())
                .map(items -> items.stream().map(item -> {
                    final int slash = item.indexOf('/');
                    return Map.of("gtin", item.substring(0, slash), "serial", item.substring(slash + 1));
                }).toList());
    }
}
