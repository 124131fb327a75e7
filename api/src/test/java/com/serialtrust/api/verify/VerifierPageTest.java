package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VerifierPageTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theVerificationInThePageCannotEndItsScriptElement() {
        // GS1's character set 82 allows < > / and &: a serial or a brand's product name may carry them
        final VerificationView v = json.readValue("""
                {"verdict": "GENUINE", "item": {"gtin": "09520123456788", "serial": "</script><b>&"}, "registered": true,
                 "productName": "<!-- \u2028 -->", "signatureChecked": true, "mismatched": [], "recalls": [], "owners": 0}
                """, VerificationView.class);
        final String page = VerifierPage.render(v);
        final String data = page.substring(page.indexOf("<script type=\"application/json\" id=\"verification\">"));
        final String content = data.substring(data.indexOf('>') + 1, data.indexOf("</script>"));
        assertThat(content).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        // and it is still the same JSON
        assertThat(json.readValue(content, VerificationView.class)).isEqualTo(v);
        assertThat(v.verification().item().serial()).isEqualTo("</script><b>&");
    }
}
