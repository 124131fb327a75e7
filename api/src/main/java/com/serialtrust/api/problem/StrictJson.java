package com.serialtrust.api.problem;

import com.fasterxml.jackson.annotation.Nulls;
import com.serialtrust.chaincode.InstantText;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** JSON as the api reads it: request bodies strictly, and the ledger's instants as the contract reads them. */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** A null inside a list of a request body is bad input, refused as it is read. */
    @Bean
    JsonMapperBuilderCustomizer noNullsInLists() {
        return builder -> builder.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
    }

    /** Instants in the ledger's form (the contract's answers, cached verifications) read without a date-time formatter. */
    @Bean
    JsonMapperBuilderCustomizer instantsInTheLedgersForm() {
        return builder -> builder.addModule(InstantText.module());
    }
}
