package com.serialtrust.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Mappings of shapes the api does not use today are found as Spring finds them, and none stops the start. */
class HandlerLookupTest {

    @RestController
    static class Shapes {
        @GetMapping
        String noPath() {
            return "";
        }

        @GetMapping("/{first}/fixed")
        String variableFirst() {
            return "";
        }

        @GetMapping({"/a/b", "/c"})
        String twoLiterals() {
            return "";
        }

        @GetMapping("/**")
        String anything() {
            return "";
        }
    }

    private static <M extends RequestMappingHandlerMapping> M built(final M mapping) {
        final GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(Shapes.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private static String found(final HandlerMapping mapping, final String path) {
        return HandlerLookupIntegrationTests.found(mapping, MockServerHttpRequest.get(path).build());
    }

    @Test
    void mappingsWithoutAPathOrWithAVariableFirstAreFoundAsSpringFindsThem() {
        final HandlerMapping ours = built(new HandlerLookup.PathFirst());
        final HandlerMapping spring = built(new RequestMappingHandlerMapping());
        final List<String> paths = List.of("/", "", "/x/fixed", "/a/b", "/c", "/a", "/c/d", "/zzz/fixed/more");
        final List<String> outcomes = paths.stream().map(path -> found(ours, path)).toList();
        assertThat(outcomes).isEqualTo(paths.stream().map(path -> found(spring, path)).toList());
        assertThat(outcomes).anyMatch(o -> o.contains("noPath") || o.contains("anything")).anyMatch(o -> o.contains("variableFirst"))
                .anyMatch(o -> o.contains("twoLiterals"));
    }
}
