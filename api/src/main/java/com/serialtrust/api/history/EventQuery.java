package com.serialtrust.api.history;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.gs1.DigitalLink;
import com.serialtrust.gs1.InvalidIdentifierException;
import com.serialtrust.gs1.ProductLink;
import com.serialtrust.gs1.Text;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EPCIS 2.0 SimpleEventQuery as the REST binding passes it in the query string, for the parameters
 * SerialTrust answers: the items ({@code MATCH_epc}, their GS1 Digital Link URIs) or a lot
 * ({@code MATCH_epcClass}, the lot's Digital Link URI: every item of it), narrowed by
 * {@code GE_eventTime}, {@code LT_eventTime}, {@code EQ_bizStep}, {@code EQ_disposition} and
 * {@code eventType}. A list is given by repeating the parameter or with {@code |} between its values.
 */
record EventQuery(List<ItemRef> items, Optional<ProductLink> lot, Optional<Instant> from, Optional<Instant> until,
        Set<String> bizSteps, Set<String> dispositions, Set<String> eventTypes) {

    /** The most items one query names. */
    static final int MAX_ITEMS = 100;
    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final Set<String> PARAMETERS = Set.of("MATCH_epc", "MATCH_epcClass", "GE_eventTime", "LT_eventTime",
            "EQ_bizStep", "EQ_disposition", "eventType");
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    /** The query the parameters ask; a parameter SerialTrust does not answer, or a malformed value, is QUERY_PARAMETER_INVALID. */
    static EventQuery of(final Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw invalid("SerialTrust does not answer the query parameter " + Text.quote(name) + "; it answers "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)));
            }
        }
        final List<String> epcs = values(parameters, "MATCH_epc");
        final List<String> classes = values(parameters, "MATCH_epcClass");
        if (epcs.isEmpty() == classes.isEmpty() || classes.size() > 1) {
            throw invalid("a query names its items (MATCH_epc, their Digital Link URIs) or one lot (MATCH_epcClass, the"
                    + " lot's Digital Link URI), not both");
        }
        if (epcs.size() > MAX_ITEMS) {
            throw new ApiProblem(ApiError.QUERY_TOO_LARGE, "a query names at most " + MAX_ITEMS + " items");
        }
        final List<ItemRef> items = new ArrayList<>();
        for (String epc : epcs) {
            try {
                final var element = DigitalLink.parse(epc).element();
                items.add(new ItemRef(element.gtin().value(), element.serial()));
            } catch (InvalidIdentifierException e) {
                throw invalid("MATCH_epc " + Text.quote(epc) + " is not an item's Digital Link URI: " + e.getMessage());
            }
        }
        final Optional<ProductLink> lot = classes.stream().findFirst().map(EventQuery::lot);
        final EventQuery query = new EventQuery(List.copyOf(items), lot, time(parameters, "GE_eventTime"),
                time(parameters, "LT_eventTime"), cbv(values(parameters, "EQ_bizStep"), "BizStep-"),
                cbv(values(parameters, "EQ_disposition"), "Disp-"), Set.copyOf(values(parameters, "eventType")));
        query.eventTypes().stream().filter(t -> !EVENT_TYPES.contains(t)).findFirst().ifPresent(t -> {
            throw invalid("eventType " + Text.quote(t) + " is not an EPCIS event type");
        });
        return query;
    }

    /** Whether an event of the export matches the query's narrowing parameters. */
    boolean matches(final ObjectNode event) {
        final Instant at = Epcis.time(event);
        return from.map(f -> !at.isBefore(f)).orElse(true) && until.map(at::isBefore).orElse(true)
                && (bizSteps.isEmpty() || event.has("bizStep") && bizSteps.contains(event.get("bizStep").asString()))
                && (dispositions.isEmpty() || event.has("disposition") && dispositions.contains(event.get("disposition").asString()))
                && (eventTypes.isEmpty() || eventTypes.contains(event.get("type").asString()));
    }

    private static ProductLink lot(final String uri) {
        try {
            final ProductLink link = ProductLink.parse(uri);
            if (link.lot().isEmpty()) {
                throw invalid("MATCH_epcClass " + Text.quote(uri) + " names no lot: a lot's URI is .../01/<gtin>/10/<lot>");
            }
            return link;
        } catch (InvalidIdentifierException e) {
            throw invalid("MATCH_epcClass " + Text.quote(uri) + " is not a lot's Digital Link URI: " + e.getMessage());
        }
    }

    private static List<String> values(final Map<String, List<String>> parameters, final String name) {
        return parameters.getOrDefault(name, List.of()).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split("\\|"))).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Optional<Instant> time(final Map<String, List<String>> parameters, final String name) {
        final List<String> given = values(parameters, name);
        if (given.size() > 1) {
            throw invalid(name + " is given once");
        }
        try {
            return given.stream().findFirst().map(v -> OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid(name + " is a date and time with its offset, such as 2026-11-30T09:00:00Z");
        }
    }

    /** CBV values as the export writes them (short names), whether given short or as their CBV URIs. */
    private static Set<String> cbv(final List<String> values, final String uriPrefix) {
        return Set.copyOf(values.stream().map(v -> v.startsWith(CBV + uriPrefix) ? v.substring((CBV + uriPrefix).length()) : v).toList());
    }

    private static ApiProblem invalid(final String detail) {
        return new ApiProblem(ApiError.QUERY_PARAMETER_INVALID, detail);
    }
}
