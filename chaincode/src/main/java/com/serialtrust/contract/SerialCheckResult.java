package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/** One line of a check: its matches, or why the line itself could not be checked (the rest still are). */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SerialCheckResult(String serial, List<SerialMatch> matches, Optional<LineError> error) {}
