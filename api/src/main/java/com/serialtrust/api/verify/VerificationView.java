package com.serialtrust.api.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.serialtrust.chaincode.Verdict;
import com.serialtrust.chaincode.Verification;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verification as the api answers it: the contract's, with what only the api knows — the
 * manufacturer's display name, the block of the proof, the serials a typed check may have meant, why a
 * code looks copied, and for a photo the link that was decoded.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record VerificationView(
        @JsonUnwrapped Verification verification,
        @Schema(description = "The manufacturer as people know it, beside its MSP id") Optional<String> manufacturerName,
        @Schema(description = "Registered serials of this GTIN that a typed, unregistered one may have meant")
        Optional<List<String>> didYouMean,
        @Schema(description = "Why the code is SUSPECT_COPY: where and how fast it was seen") Optional<String> suspectReason,
        @Schema(description = "For a photo: the Digital Link decoded from it, with its sig") Optional<String> link) {

    public VerificationView {
        Objects.requireNonNull(verification, "verification");
        didYouMean = didYouMean.map(List::copyOf);
    }

    static VerificationView of(final Verification verification) {
        return new VerificationView(verification, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    Verdict verdict() {
        return verification.verdict();
    }

    VerificationView with(final Verification other) {
        return new VerificationView(other, manufacturerName, didYouMean, suspectReason, link);
    }

    VerificationView withManufacturerName(final String name) {
        return new VerificationView(verification, Optional.of(name), didYouMean, suspectReason, link);
    }

    VerificationView withSuggestions(final List<String> serials) {
        return new VerificationView(verification, manufacturerName, Optional.of(serials), suspectReason, link);
    }

    VerificationView suspectCopy(final String reason) {
        return new VerificationView(verification.withVerdict(Verdict.SUSPECT_COPY), manufacturerName, didYouMean,
                Optional.of(reason), link);
    }

    VerificationView withLink(final String decoded) {
        return new VerificationView(verification, manufacturerName, didYouMean, suspectReason, Optional.of(decoded));
    }
}
