package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class VerifierPageTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theVerificationInThePageCannotEndItsScriptElement() {
        // GS1's character set 82 allows < > / and &: a serial or a brand's product name may carry them
        final ObjectNode v = json.createObjectNode().put("verdict", "GENUINE").put("serial", "</script><b>&")
                .put("productName", "<!-- \u2028 -->");
        final String page = VerifierPage.render(v);
        final String data = page.substring(page.indexOf("<script type=\"application/json\" id=\"verification\">"));
        final String content = data.substring(data.indexOf('>') + 1, data.indexOf("</script>"));
        assertThat(content).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        // and it is still the same JSON
        assertThat(json.readTree(content)).isEqualTo(v);
    }
}
