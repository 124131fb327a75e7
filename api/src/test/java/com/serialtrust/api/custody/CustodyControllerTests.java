package com.serialtrust.api.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerCalls;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.ledger.Written;
import com.serialtrust.api.security.StaffSlice;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemStatus;
import com.serialtrust.chaincode.LedgerEvent;
import com.serialtrust.chaincode.OwnerProofs;
import com.serialtrust.contract.Call;
import com.serialtrust.contract.Transaction;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The supply chain's endpoints alone, on the api's security, with the ledger faked: what each asks of the contract. */
@WebFluxTest(CustodyController.class)
@Import(StaffSlice.class)
class CustodyControllerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Organisation RETAIL = new Organisation("retail", "RetailMSP");

    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");
    private static final Item SOLD = new Item("09520123456788", "DEMO-0002", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), "BrandMSP", "key-1", "digest-1", AT, ItemStatus.SOLD, Optional.empty(),
            Optional.empty(), Optional.of("commitment"), 1, Optional.of(AT), Optional.empty(), Optional.empty(),
            Optional.empty(), 0, 3, new LedgerEvent("SOLD", "tx-7", AT, "RetailMSP", Optional.empty()), Optional.empty());

    @Autowired
    private WebTestClient http;

    @MockitoBean
    private Chaincode chaincode;

    @Test
    void aSaleAnswersTheBuyersOneTimeSecretAndTheLedgerIsGivenOnlyItsCommitment() {
        when(chaincode.submit(any(), any())).thenReturn(Mono.just(new Written<Object>(SOLD, "tx-7", 9)));

        final JsonNode sold = JSON.readTree(http.post().uri("/api/items/09520123456788/DEMO-0002/sale")
                .header("Authorization", StaffSlice.bearer("retail"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(sold.path("result").path("status").asString()).isEqualTo("SOLD");
        assertThat(sold.path("txId").asString()).isEqualTo("tx-7");
        final String secret = sold.path("claimSecret").asString();
        assertThat(secret).as("24 random bytes, base64url").matches("[A-Za-z0-9_-]{32}");

        final Call<?> call = submitted();
        assertThat(call.transaction()).isEqualTo(Transaction.SELL_ITEM);
        assertThat(call.args()).hasSize(3).startsWith("09520123456788", "DEMO-0002");
        assertThat(call.args().get(2)).as("the ledger is given a salted commitment to the secret, never the secret")
                .startsWith("scrypt:").doesNotContain(secret)
                .satisfies(commitment -> assertThat(OwnerProofs.matches(secret, commitment)).isTrue());
        assertThat(call.transientData()).isEmpty();
    }

    @Test
    void aSaleToTheBuyersOwnKeyCommitsToThatKeyAndAnswersNoSecret() throws Exception {
        when(chaincode.submit(any(), any())).thenReturn(Mono.just(new Written<Object>(SOLD, "tx-8", 10)));
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final String publicKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());

        http.post().uri("/api/items/09520123456788/DEMO-0002/sale").header("Authorization", StaffSlice.bearer("retail"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("ownerPublicKey", publicKey))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.claimSecret").doesNotExist().jsonPath("$.block").isEqualTo(10);

        assertThat(submitted().args().get(2))
                .isEqualTo(OwnerProofs.commitKey(com.serialtrust.crypto.P256.parsePublicKey(publicKey)));
    }

    @Test
    void aShipmentGoesAsTheCallersOrganisationToTheNamedMember() {
        when(chaincode.submit(any(), any())).thenReturn(Mono.just(new Written<Object>(Map.of("shipped", 1), "tx-3", 4)));

        http.post().uri("/api/shipments").header("Authorization", StaffSlice.bearer("retail"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}],\"to\":\"BrandMSP\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.result.shipped").isEqualTo(1);

        final Call<?> call = submitted();
        assertThat(call.transaction()).isEqualTo(Transaction.SHIP_ITEMS);
        assertThat(call.args()).containsExactly("[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}]", "BrandMSP");
    }

    @Test
    void aShipmentWithoutItemsOrWithoutARecipientIsRefusedAndNeverReachesTheLedger() {
        for (String body : new String[] {"{\"items\":[],\"to\":\"BrandMSP\"}",
                "{\"items\":[{\"gtin\":\"09520123456788\",\"serial\":\"DEMO-0002\"}]}"}) {
            http.post().uri("/api/shipments").header("Authorization", StaffSlice.bearer("retail"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        }
        verifyNoInteractions(chaincode);
    }

    private Call<?> submitted() {
        return LedgerCalls.submitted(chaincode, RETAIL);
    }
}
