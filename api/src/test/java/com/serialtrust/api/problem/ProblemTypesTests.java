package com.serialtrust.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.serialtrust.chaincode.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemTypesTests {

    @Test
    void everyRefusalOfTheContractIsAClientError() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ProblemTypes.status(code.name()).is4xxClientError()).as("%s", code).isTrue();
        }
    }

    @Test
    void codesMapToTheStatusACallerExpects() {
        assertThat(ProblemTypes.status("ITEM_NOT_FOUND")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ProblemTypes.status("PRODUCT_EXISTS")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ProblemTypes.status("NOT_AUTHORISED")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ProblemTypes.status("GTIN_INVALID")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ProblemTypes.status("LEDGER_UNAVAILABLE")).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemTypes.type("GTIN_INVALID").toString()).isEqualTo("/problems/gtin-invalid");
    }
}
