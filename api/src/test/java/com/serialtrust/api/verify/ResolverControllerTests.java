package com.serialtrust.api.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.analytics.Scan;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.Verdict;
import com.serialtrust.chaincode.Verification;
import com.serialtrust.gs1.DigitalLink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The Digital Link resolver alone, with the verification behind it faked: what a scanned link is taken to say. */
@WebFluxTest(ResolverController.class)
@Import(StaffSlice.class)
class ResolverControllerTests {

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private VerificationService verification;

    @MockitoBean
    private ProductSummaries products;

    @Test
    void everyIdentifierOfTheScannedLinkAndItsSignatureReachTheVerification() {
        when(verification.verify(any(), any())).thenReturn(Mono.just(unregistered("09520123456788", "DEMO-0002")));

        http.get().uri("/01/09520123456788/10/L7/21/DEMO-0002?17=270101&sig=abc_DEF-123")
                .accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.verdict").isEqualTo("UNREGISTERED").jsonPath("$.item.serial").isEqualTo("DEMO-0002");

        final ArgumentCaptor<DigitalLink> link = ArgumentCaptor.forClass(DigitalLink.class);
        verify(verification).verify(link.capture(), any(Scan.class));
        assertThat(link.getValue().element().canonical()).isEqualTo("(01)09520123456788(10)L7(21)DEMO-0002(17)270101");
        assertThat(link.getValue().signature()).contains("abc_DEF-123");
    }

    @Test
    void aLotInTheQueryRatherThanThePathIsRefusedAndNothingIsChecked() {
        http.get().uri("/01/09520123456788/21/12345?10=ABC1").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isNotEmpty();
        verifyNoInteractions(verification);
    }

    @Test
    void aBrowserScanningABrokenLinkGetsThePageSayingWhatIsWrongNotJson() {
        final String page = http.get().uri("/01/09520123456789/21/DEMO-0002").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("GTIN_INVALID").doesNotContain("Exception");
        verifyNoInteractions(verification);
    }

    private static VerificationView unregistered(final String gtin, final String serial) {
        return VerificationView.of(new Verification(Verdict.UNREGISTERED, new ItemRef(gtin, serial), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
