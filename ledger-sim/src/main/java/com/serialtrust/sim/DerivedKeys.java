package com.serialtrust.sim;

import java.util.List;

/**
 * Keys a world state adds beside each committed public write, which no transaction wrote: an index
 * derived from the state itself. They are public keys with a one-byte value, readable by range queries,
 * and in no key's history.
 */
public interface DerivedKeys {

    /** The one-byte value of a derived key (Fabric treats an empty value as a delete). */
    byte[] VALUE = {0};

    /** The keys that a committed write of {@code value} (never empty) to {@code key} brings. */
    List<String> of(String key, byte[] value);

    /** Whether {@code key} (or a range starting at it) is of a derived type. */
    boolean covers(String key);

    /** No derived keys: the state holds exactly what transactions wrote. */
    static DerivedKeys none() {
        return of((key, value) -> List.of(), key -> false);
    }

    /** The keys {@code derive} gives, of the types {@code covers} recognises. */
    static DerivedKeys of(final java.util.function.BiFunction<String, byte[], List<String>> derive,
            final java.util.function.Predicate<String> covers) {
        java.util.Objects.requireNonNull(derive, "derive");
        java.util.Objects.requireNonNull(covers, "covers");
        return new DerivedKeys() {
            @Override
            public List<String> of(final String key, final byte[] value) {
                return derive.apply(key, value);
            }

            @Override
            public boolean covers(final String key) {
                return covers.test(key);
            }
        };
    }
}
