package com.serialtrust.api.security;

import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A caller's roles as the ledger states them ({@code GetOrganisation}), for the api's own early
 * refusals: the contract enforces every role again, this only answers sooner and more clearly.
 */
@Component
public class LedgerRoles {

    private final Chaincode chaincode;

    LedgerRoles(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    /** Completes if the organisation holds the role on the ledger, else fails with NOT_AUTHORISED. */
    public Mono<Void> require(final Organisation organisation, final String role, final String refusal) {
        return chaincode.query(organisation, "GetOrganisation", organisation.mspId())
                .flatMap(org -> org.path("roles").valueStream().anyMatch(r -> role.equals(r.asString()))
                        ? Mono.<Void>empty()
                        : Mono.error(new ApiProblem("NOT_AUTHORISED", refusal)));
    }
}
