package com.serialtrust.api.analytics;

import com.serialtrust.api.problem.ApiError;
import com.serialtrust.api.problem.ApiProblem;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who scanned, as coarsely as scan analytics needs it: the place the scanner chose to send (a
 * 5-character geohash cell, about 5 km across, or none) and the client's network (its IPv4 /24 or
 * IPv6 /48), so that one client, however many requests it sends, counts once.
 */
public record Scan(Optional<String> place, String network) {

    /** The header in which a scanner sends its coarse place. */
    public static final String PLACE_HEADER = "X-Scan-Place";

    private static final Pattern CELL = Pattern.compile("[0-9b-hjkmnp-z]{5}");

    public Scan {
        java.util.Objects.requireNonNull(place, "place");
        java.util.Objects.requireNonNull(network, "network");
    }

    /** The scan a request describes; a place that is not a 5-character geohash is refused. */
    public static Scan of(final ServerHttpRequest request) {
        final String reported = request.getHeaders().getFirst(PLACE_HEADER);
        final Optional<String> place = Optional.ofNullable(reported).map(String::strip).filter(p -> !p.isEmpty());
        place.filter(p -> !CELL.matcher(p).matches()).ifPresent(p -> {
            throw new ApiProblem(ApiError.PLACE_INVALID,
                    PLACE_HEADER + " is a 5-character geohash cell (digits and lower-case letters but a, i, l and o)");
        });
        return new Scan(place, network(request.getRemoteAddress()));
    }

    /** A client's network: the first three bytes of an IPv4 address, the first six of an IPv6 one. */
    static String network(final InetSocketAddress remote) {
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        final InetAddress address = remote.getAddress();
        final byte[] bytes = address.getAddress();
        final boolean v4 = address instanceof Inet4Address;
        return (v4 ? "v4:" : "v6:") + java.util.HexFormat.of().formatHex(bytes, 0, v4 ? 3 : 6);
    }
}
