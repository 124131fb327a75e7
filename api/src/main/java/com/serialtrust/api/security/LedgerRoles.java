package com.serialtrust.api.security;

import com.serialtrust.chaincode.Role;
import com.serialtrust.contract.Calls;
import com.serialtrust.chaincode.ErrorCode;
import com.serialtrust.api.ledger.Chaincode;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.Organisation;
import com.serialtrust.api.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A caller's roles as the ledger states them ({@code GetOrganisation}), for the api's own early
 * refusals: the contract enforces every role again, this only answers sooner and more clearly. Roles
 * read are kept for {@value #KEEP_SECONDS} s, so that a burst of writes asks the ledger once.
 */
@Component
public class LedgerRoles {

    static final int KEEP_SECONDS = 30;

    private final Chaincode chaincode;
    private final Clock clock = Clock.systemUTC();
    /** Roles as last read, and when: plain values, so that no request ever waits on another's read. */
    private final Map<String, Held> roles = new ConcurrentHashMap<>();

    private record Held(Set<Role> roles, Instant at) {}

    LedgerRoles(final Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    /** Completes if the organisation holds the role on the ledger, else fails with NOT_AUTHORISED. */
    public Mono<Void> require(final Organisation organisation, final Role role, final String refusal) {
        return rolesOf(organisation).flatMap(held -> held.contains(role) ? Mono.<Void>empty()
                : Mono.error(new ApiProblem(ErrorCode.NOT_AUTHORISED, refusal)));
    }

    /**
     * The roles read within the last {@value #KEEP_SECONDS} s, or read now. Requests that miss at the
     * same moment each read (a few reads at worst); the cached-Mono operator this replaces could leave a
     * request waiting for ever on a read that another request had started as the entry expired.
     */
    private Mono<Set<Role>> rolesOf(final Organisation organisation) {
        final String msp = organisation.mspId();
        final Held held = roles.get(msp);
        if (held != null && held.at().plusSeconds(KEEP_SECONDS).isAfter(clock.instant())) {
            return Mono.just(held.roles());
        }
        return chaincode.query(organisation, Calls.getOrganisation(msp))
                .map(org -> Set.copyOf(org.roles()))
                // an organisation the authority never configured holds no role
                .onErrorResume(e -> e instanceof LedgerRefusal refusal && refusal.is(ErrorCode.ORGANISATION_NOT_FOUND),
                        e -> Mono.just(Set.of()))
                // kept when read, never when the ledger failed to answer
                .doOnNext(read -> roles.put(msp, new Held(read, clock.instant())));
    }
}
