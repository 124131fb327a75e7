package com.serialtrust.api.verify;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.serialtrust.api.problem.ApiProblem;

/** Fuzzing of photo decoding: any upload is a verdict's link or a clear problem, never another failure. */
class PhotoFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void photo(final FuzzedDataProvider data) {
        try {
            PhotoDecoder.decode(data.consumeRemainingAsBytes());
        } catch (ApiProblem expected) {
            // IMAGE_INVALID, QR_NOT_FOUND or PAYLOAD_TOO_LARGE
        }
    }
}
