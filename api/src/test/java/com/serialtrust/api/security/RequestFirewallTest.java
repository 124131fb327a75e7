package com.serialtrust.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header and parameter rules allow exactly what Spring Security's defaults allow. */
class RequestFirewallTest {

    /** Texts that are no single code point: pairs, halves of pairs, and mixtures. */
    private static final List<String> MIXED = List.of("", "application/json", "text/html; q=0.9\t", "a\u0000b",
            "\uD83D\uDE00", "x\uD83D", "\uDE00x", "caf\u00e9", "\u0085", "a\u007fb", "\t", "\uFFFF", "\uE000",
            "\uDB7F\uDFFF\uDB80\uDC00");

    private static void sameAsSpring(final Predicate<String> ours, final Predicate<String> spring) {
        final List<Integer> differing = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(c -> ours.test(Character.toString(c)) != spring.test(Character.toString(c)))
                .boxed().toList();
        assertThat(differing).isEmpty();
        assertThat(MIXED).allSatisfy(text -> assertThat(ours.test(text)).as(text).isEqualTo(spring.test(text)));
        assertThat(ours.test(null)).isEqualTo(spring.test(null));
    }

    @Test
    void headerNamesAllowWhatSpringAllows() {
        sameAsSpring(RequestFirewall::assignedAndNoControl, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
        assertThat(RequestFirewall.assignedAndNoControl("X\u0000")).isFalse();
    }

    @Test
    void headerValuesAllowWhatSpringAllowsTabsIncluded() {
        sameAsSpring(RequestFirewall::headerValue, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
        assertThat(RequestFirewall.headerValue("a\tb")).isTrue();
        assertThat(RequestFirewall.headerValue("a\r\nb")).isFalse();
    }

    @Test
    void parameterNamesAllowWhatSpringAllows() {
        sameAsSpring(RequestFirewall::assignedAndNoControl, StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES);
    }
}
