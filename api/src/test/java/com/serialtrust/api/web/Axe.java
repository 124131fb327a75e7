package com.serialtrust.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** Deque's axe-core run in a page: no violation of the WCAG 2.1 A and AA rules it can check. */
final class Axe {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {}

    static void assertAccessible(final Page page, final String what) {
        final List<Rule> violations = new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations();
        assertThat(violations).as("axe-core on %s:%n%s", what, describe(violations)).isEmpty();
    }

    private static String describe(final List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
