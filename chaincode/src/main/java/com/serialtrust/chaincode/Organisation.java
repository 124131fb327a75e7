package com.serialtrust.chaincode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** A consortium member as the authority configured it: its roles and GS1 company prefixes. */
public record Organisation(String mspId, List<Role> roles, List<String> prefixes, Instant updatedAt) {

    public Organisation {
        Objects.requireNonNull(mspId, "mspId");
        roles = roles == null ? List.of() : List.copyOf(new TreeSet<>(roles));
        prefixes = prefixes == null ? List.of() : List.copyOf(new TreeSet<>(prefixes));
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    static Organisation empty(final String mspId, final Instant now) {
        return new Organisation(mspId, List.of(), List.of(), now);
    }

    boolean has(final Role role) {
        return roles.contains(role);
    }

    Organisation withRole(final Role role, final boolean granted, final Instant now) {
        final TreeSet<Role> next = new TreeSet<>(roles);
        if (granted) {
            next.add(role);
        } else {
            next.remove(role);
        }
        return new Organisation(mspId, List.copyOf(next), prefixes, now);
    }

    Organisation withPrefix(final String prefix, final boolean assigned, final Instant now) {
        final TreeSet<String> next = new TreeSet<>(prefixes);
        if (assigned) {
            next.add(prefix);
        } else {
            next.remove(prefix);
        }
        return new Organisation(mspId, roles, List.copyOf(next), now);
    }
}
