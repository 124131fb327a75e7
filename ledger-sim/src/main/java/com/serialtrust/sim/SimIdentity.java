package com.serialtrust.sim;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/** A client identity as a peer sees it: an MSP id and a PEM X.509 certificate. */
public record SimIdentity(String mspId, String certificatePem) {

    public SimIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificatePem, "certificatePem");
    }

    /** The serialized identity, the bytes a proposal's creator field holds. */
    public byte[] serialize() {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(certificatePem, StandardCharsets.UTF_8))
                .build()
                .toByteArray();
    }
}
