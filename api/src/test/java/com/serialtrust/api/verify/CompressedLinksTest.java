package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which request paths read as compressed GS1 Digital Links, and what they stand for. */
class CompressedLinksTest {

    @Test
    void aFullyCompressedLinkReadsWithOrWithoutATrailingSlash() {
        assertThat(CompressedLinks.uncompressed("/DBFRJydaKAowOQ")).contains("/01/09520123456788/21/12345");
        assertThat(CompressedLinks.uncompressed("/DBFRJydaKAowOQ/")).contains("/01/09520123456788/21/12345");
        assertThat(CompressedLinks.uncompressed("/DBFRJydaKAYDg")).contains("/01/09520123456788/21/007");
    }

    @Test
    void aLinkWithItsKeyWrittenOutReadsWithOrWithoutATrailingSlash() {
        assertThat(CompressedLinks.uncompressed("/01/09520123456788/EESrwRcsDKIQUYHI")).hasValueSatisfying(link -> assertThat(link)
                .startsWith("/01/09520123456788/10/ABC1/21/12345").contains("17=180426"));
        assertThat(CompressedLinks.uncompressed("/01/09520123456788/EESrwRcsDKIQUYHI/")).isPresent();
    }

    @Test
    void pathsOfAnyOtherShapeAreNoCompressedLinks() {
        for (String path : new String[] {"/ping", "/", "/01/09520123456788/21/DEMO-0001", "/01/09520123456788/21/DEMO-0001/",
            "/api/items", "/DBFRJydaKAowOQ/x", "//DBFRJydaKAowOQ", "/02/09520123456788/EESrwRcsDKIQUYHI",
            "/01/09520123456788/EESrwRcsDKIQUYHI//", "/dashboard", "/swagger-ui.html"}) {
            assertThat(CompressedLinks.uncompressed(path)).as(path).isEmpty();
        }
    }
}
