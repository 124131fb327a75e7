package com.serialtrust.api.analytics;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Geohash cells, the coarse places a scanner may report: a prefix of 3 to 8 characters names a cell
 * between about 156 km and 40 m wide. Used to tell how far apart two scans of one label were.
 */
public final class Geohash {

    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";
    private static final Pattern CELL = Pattern.compile("[0-9b-hjkmnp-z]{3,8}");
    private static final double EARTH_RADIUS_KM = 6371.0;

    /** A cell: its centre and half its height and width, in degrees. */
    public record Cell(double latitude, double longitude, double latitudeError, double longitudeError) {

        /**
         * A lower bound, in km, of the distance between any point of this cell and any point of
         * {@code other}: the distance of their centres less the farthest each cell reaches from its
         * centre (the triangle inequality on the sphere); 0 when they may touch.
         */
        double minimumKm(final Cell other) {
            return Math.max(0, km(latitude, longitude, other.latitude, other.longitude) - reachKm() - other.reachKm());
        }

        /** How far the cell reaches from its centre: to its farthest corner. */
        private double reachKm() {
            double reach = 0;
            for (double lat : new double[] {latitude - latitudeError, latitude + latitudeError}) {
                reach = Math.max(reach, km(latitude, longitude, lat, longitude + longitudeError));
            }
            return reach;
        }
    }

    /** The great-circle distance between two points, in km (haversine). */
    static double km(final double lat1, final double lon1, final double lat2, final double lon2) {
        final double dLat = Math.toRadians(lat2 - lat1);
        final double dLon = Math.toRadians(lon2 - lon1);
        final double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private Geohash() {}

    /** The cell that {@code place} names, if it is a geohash of 3 to 8 characters. */
    public static Optional<Cell> cell(final String place) {
        if (place == null || !CELL.matcher(place).matches()) {
            return Optional.empty();
        }
        double latLow = -90;
        double latHigh = 90;
        double lonLow = -180;
        double lonHigh = 180;
        boolean longitude = true; // bits alternate, longitude first
        for (int i = 0; i < place.length(); i++) {
            final int value = ALPHABET.indexOf(place.charAt(i));
            for (int bit = 4; bit >= 0; bit--) {
                final boolean high = ((value >> bit) & 1) == 1;
                if (longitude) {
                    final double mid = (lonLow + lonHigh) / 2;
                    if (high) {
                        lonLow = mid;
                    } else {
                        lonHigh = mid;
                    }
                } else {
                    final double mid = (latLow + latHigh) / 2;
                    if (high) {
                        latLow = mid;
                    } else {
                        latHigh = mid;
                    }
                }
                longitude = !longitude;
            }
        }
        return Optional.of(new Cell((latLow + latHigh) / 2, (lonLow + lonHigh) / 2, (latHigh - latLow) / 2,
                (lonHigh - lonLow) / 2));
    }
}
