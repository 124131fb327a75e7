package com.serialtrust.chaincode;

import com.serialtrust.contract.ChaincodeSettings;
import com.serialtrust.contract.ItemPage;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction as the contract sees it: the caller (from its certificate, never an argument),
 * the transaction time, and typed state access. Reads see this transaction's own earlier writes,
 * which a peer's stub does not, so that multi-step rules read naturally.
 */
final class Tx {

    /** The value of an index entry; Fabric treats an empty value as a delete. */
    private static final byte[] MARK = {0};

    private final ChaincodeStub stub;
    private final String mspId;
    private final X509Certificate certificate;
    private final Map<String, Optional<byte[]>> written = new HashMap<>();
    private boolean eventSet;

    Tx(final Context ctx) {
        this.stub = ctx.getStub();
        this.mspId = ctx.getClientIdentity().getMSPID();
        this.certificate = ctx.getClientIdentity().getX509Certificate();
    }

    String mspId() {
        return mspId;
    }

    Instant now() {
        return stub.getTxTimestamp();
    }

    String txId() {
        return stub.getTxId();
    }

    ChaincodeStub stub() {
        return stub;
    }

    /** Whether the caller's certificate carries the Fabric NodeOU role {@code admin}. */
    boolean callerIsAdmin() {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("OU") && "admin".equalsIgnoreCase(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            return false;
        }
    }

    /** The transient value the client passed for this proposal, never stored in the block. */
    Optional<byte[]> transientValue(final String name) {
        final Map<String, byte[]> data = stub.getTransient();
        return Optional.ofNullable(data == null ? null : data.get(name)).filter(v -> v.length > 0);
    }

    /**
     * Fabric's composite key, {@code U+0000 type U+0000 attribute U+0000 ...}, built here because the
     * shim compiles a regular expression for every segment it checks: on the registration path that was
     * a fifth of the contract's own time. A segment the shim would refuse (U+0000 or U+10FFFF in it)
     * still goes to the shim, which refuses it as before.
     */
    String key(final String type, final String... attributes) {
        return compositeKey(type, attributes).orElseGet(() -> stub.createCompositeKey(type, attributes).toString());
    }

    /** The composite key of plain segments; empty where a segment holds a character Fabric refuses. */
    static Optional<String> compositeKey(final String type, final String... attributes) {
        if (!plainSegment(type)) {
            return Optional.empty();
        }
        final StringBuilder key = new StringBuilder(64).append('\u0000').append(type).append('\u0000');
        for (String attribute : attributes) {
            if (!plainSegment(attribute)) {
                return Optional.empty();
            }
            key.append(attribute).append('\u0000');
        }
        return Optional.of(key.toString());
    }

    private static boolean plainSegment(final String segment) {
        return segment != null && segment.indexOf('\u0000') < 0 && !segment.contains(MAX_UNICODE);
    }

    private static final String MAX_UNICODE = new String(Character.toChars(Character.MAX_CODE_POINT));

    <T> Optional<T> get(final String key, final Class<T> type) {
        return raw(key).map(bytes -> Json.readState(bytes, type));
    }

    boolean exists(final String key) {
        return raw(key).isPresent();
    }

    private Optional<byte[]> raw(final String key) {
        final Optional<byte[]> own = written.get(key);
        if (own != null) {
            return own;
        }
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(value);
    }

    void put(final String key, final Object state) {
        final byte[] bytes = Json.bytes(state);
        stub.putState(key, bytes);
        written.put(key, Optional.of(bytes));
    }

    void mark(final String key) {
        stub.putState(key, MARK);
        written.put(key, Optional.of(MARK));
    }

    void delete(final String key) {
        stub.delState(key);
        written.put(key, Optional.empty());
    }

    /** Committed keys under a partial composite key (this transaction's writes are not included). */
    List<String> keysUnder(final String type, final int limit, final String... attributes) {
        requireIndexFor(type);
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(type, attributes)) {
            final java.util.ArrayList<String> keys = new java.util.ArrayList<>();
            for (KeyValue kv : results) {
                if (keys.size() == limit) {
                    break;
                }
                keys.add(kv.getKey());
            }
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException("range query failed", e);
        }
    }


    /**
     * One page of the items an index names: each committed key under the partial composite key is
     * turned into an item reference by {@code toRef}, given the key's attributes.
     */
    ItemPage itemPage(final String type, final int pageSize, final String bookmark,
            final java.util.function.Function<List<String>, ItemRef> toRef, final String... attributes) {
        requireIndexFor(type);
        final java.util.ArrayList<Item> items = new java.util.ArrayList<>();
        final var partial = stub.createCompositeKey(type, attributes);
        final String from = bookmark == null ? "" : bookmark;
        if (!from.isEmpty() && !from.startsWith(partial.toString())) {
            // a bookmark is a key this query returned; anything else would read outside its range
            throw ErrorCode.INVALID_ARGUMENT.failure("bookmark does not continue this list: pass the one the last page returned");
        }
        try (QueryResultsIteratorWithMetadata<KeyValue> page = stub.getStateByPartialCompositeKeyWithPagination(
                partial, pageSize, from)) {
            for (KeyValue kv : page) {
                items.add(item(toRef.apply(attributes(kv.getKey()))));
            }
            return new ItemPage(items, page.getMetadata().getBookmark());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("range query failed", e);
        }
    }

    /**
     * Refuses a read of an index type where the index is not kept: on a peer its keys are absent, and a
     * search there would answer "nothing found" for an item that exists.
     */
    private static void requireIndexFor(final String type) {
        if (SearchIndex.TYPES.contains(type) && !ChaincodeSettings.current().searchIndex()) {
            throw ErrorCode.SEARCH_INDEX_UNAVAILABLE.failure("this peer keeps no search index; searches are answered by "
                    + "an api's read model, which derives it from the items on the ledger");
        }
    }

    /** The attributes of a composite key. */
    List<String> attributes(final String compositeKey) {
        return stub.splitCompositeKey(compositeKey).getAttributes();
    }

    Organisation callerOrganisation() {
        return get(StateKeys.org(this, mspId), Organisation.class).orElse(Organisation.empty(mspId, now()));
    }

    /** Refuses unless the caller's organisation holds one of the roles. */
    void require(final Role... anyOf) {
        final Organisation org = callerOrganisation();
        for (Role role : anyOf) {
            if (org.has(role)) {
                return;
            }
        }
        throw ErrorCode.NOT_AUTHORISED.failure(mspId + " lacks the role " + (anyOf.length == 1 ? anyOf[0] : List.of(anyOf)));
    }

    LedgerEvent event(final String type, final Optional<String> detail) {
        return new LedgerEvent(type, txId(), now(), mspId, detail);
    }

    /** Sets this transaction's one chaincode event. */
    void emit(final String name, final Object payload) {
        if (eventSet) {
            throw new IllegalStateException("a transaction emits one event");
        }
        eventSet = true;
        stub.setEvent(name, Json.text(payload).getBytes(StandardCharsets.UTF_8));
    }

    Item item(final ItemRef ref) {
        return get(StateKeys.item(this, ref), Item.class)
                .orElseThrow(() -> ErrorCode.ITEM_NOT_FOUND.failure("no item " + ref));
    }

    void putItem(final Item item) {
        put(StateKeys.item(this, item.ref()), item);
    }
}
