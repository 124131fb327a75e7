package com.serialtrust.api.ownership;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.chaincode.ErrorCode;
import io.swagger.v3.oas.annotations.media.Schema;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.chaincode.OwnerProofs;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a consumer proves ownership: the claim secret, or a public key with a signature over the
 * contract's owner statement. It travels to the chaincode as transient data, never into a ledger block
 * and never into a log.
 */
@Schema(description = "The owner's proof: the secret, or a public key and its signature over the statement", example = "{\"secret\":\"my own secret 42\"}")
public record OwnerProof(String secret, String publicKey, String signature) {

    private static final int MAX = 2048;

    /** The transient fields the contract reads. */
    public Map<String, byte[]> transientData() {
        final Map<String, byte[]> data = new LinkedHashMap<>();
        if (secret != null && !secret.isEmpty()) {
            data.put(OwnerProofs.SECRET, bounded(secret));
        } else if (publicKey != null && signature != null) {
            data.put(OwnerProofs.PUBLIC_KEY, bounded(publicKey));
            data.put(OwnerProofs.SIGNATURE, bounded(signature));
        } else {
            throw new ApiProblem(ApiError.BAD_REQUEST, "prove ownership with secret, or with publicKey and signature");
        }
        return data;
    }

    private static byte[] bounded(final String value) {
        if (value.length() > MAX) {
            throw new ApiProblem(ErrorCode.LIMIT_EXCEEDED, "an owner proof field is at most " + MAX + " characters");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Hides the secret from {@code toString}, so that no log line can carry it. */
    @Override
    public String toString() {
        return "OwnerProof[redacted]";
    }
}
