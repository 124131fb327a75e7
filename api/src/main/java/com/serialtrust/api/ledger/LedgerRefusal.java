package com.serialtrust.api.ledger;

import com.serialtrust.chaincode.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chaincode refused a transaction: a code from the contract's {@code ErrorCode}, its message, and
 * for a batch the index of the item at fault. The same whichever ledger runs underneath.
 */
public final class LedgerRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Not the contract's: Fabric's validation invalidated an ordered transaction (an MVCC conflict, say). */
    public static final String TRANSACTION_INVALID = "TRANSACTION_INVALID";
    /** How the contract words a refusal: {@code CODE: message}, as peers relay it. */
    private static final Pattern CODED = Pattern.compile("(?:^|chaincode response \\d+, )([A-Z][A-Z0-9_]+): (.*)", Pattern.DOTALL);
    private static final Pattern INDEXED = Pattern.compile("^item (\\d+): ");

    private final String code;
    private final Integer index;

    public LedgerRefusal(final String code, final String message, final Optional<Integer> index) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.index = index.orElse(null);
    }

    /** Reads a refusal from the text a peer or the embedded ledger reports, if it carries a code. */
    public static Optional<LedgerRefusal> parse(final String text, final Optional<Integer> index) {
        if (text == null) {
            return Optional.empty();
        }
        final Matcher m = CODED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        final String message = m.group(2).strip();
        Optional<Integer> at = index;
        if (at.isEmpty()) {
            final Matcher i = INDEXED.matcher(message);
            at = i.find() ? Optional.of(Integer.valueOf(i.group(1))) : Optional.empty();
        }
        return Optional.of(new LedgerRefusal(m.group(1), message, at));
    }

    /**
     * What a chaincode's failed response means: the refusal its message carries, or, without a code,
     * a failure of the contract itself.
     */
    public static RuntimeException fromChaincode(final String message) {
        return parse(message, Optional.empty()).<RuntimeException>map(r -> r)
                .orElseGet(() -> new LedgerFailedException("the chaincode failed: " + message, null));
    }

    /** The code as the peer named it: a contract {@link ErrorCode}, or {@link #TRANSACTION_INVALID}. */
    public String code() {
        return code;
    }

    /** Whether the contract refused with this code. */
    public boolean is(final ErrorCode expected) {
        return code.equals(expected.name());
    }

    public Optional<Integer> index() {
        return Optional.ofNullable(index);
    }
}
