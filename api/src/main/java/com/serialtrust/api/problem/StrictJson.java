package com.serialtrust.api.problem;

import com.fasterxml.jackson.annotation.Nulls;
import com.serialtrust.chaincode.InstantText;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as the api reads it: a null inside a list of a request body is bad input, refused as it is read;
 * instants in the ledger's form (the contract's answers, cached verifications) are read as the contract
 * reads them, without a date-time formatter.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer noNullsInLists() {
        return builder -> builder.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .addModule(InstantText.module());
    }
}
