package com.serialtrust.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeohashTest {

    @Test
    void aCellDecodesToItsPublishedCentre() {
        // the published example: ezs42 is about 42.605 N, 5.603 W
        final Geohash.Cell cell = Geohash.cell("ezs42").orElseThrow();
        assertThat(cell.latitude()).isCloseTo(42.605, within(0.03));
        assertThat(cell.longitude()).isCloseTo(-5.603, within(0.03));
        assertThat(cell.latitudeError()).isCloseTo(0.022, within(0.001));
        assertThat(cell.longitudeError()).isCloseTo(0.022, within(0.001));
    }

    @Test
    void onlyGeohashesOfThreeToEightCharactersAreCells() {
        assertThat(Geohash.cell("u09tv")).isPresent(); // Paris
        assertThat(Geohash.cell("Paris")).isEmpty();
        assertThat(Geohash.cell("u0")).isEmpty();
        assertThat(Geohash.cell("u09tvw0fz")).isEmpty();
        assertThat(Geohash.cell("u09ai")).isEmpty(); // a and i are not in the alphabet
        assertThat(Geohash.cell(null)).isEmpty();
    }

    @Test
    void theDistanceBetweenCellsIsAtMostTheDistanceBetweenTheirCities() {
        final Geohash.Cell paris = Geohash.cell("u09tv").orElseThrow();
        final Geohash.Cell newYork = Geohash.cell("dr5re").orElseThrow();
        final Geohash.Cell sydney = Geohash.cell("r3gx2").orElseThrow();
        // great-circle distances: Paris-New York 5,837 km, Paris-Sydney 16,960 km; cells only shorten them
        assertThat(paris.minimumKm(newYork)).isBetween(5_780.0, 5_837.0);
        assertThat(paris.minimumKm(sydney)).isBetween(16_900.0, 16_960.0);
        // near a pole the short way is over it, not along the parallel
        // (80 N, 1 E) to (80 N, 179 W): 20 degrees of arc over the pole, 2,224 km; 6,950 km along the parallel
        assertThat(Geohash.cell("un0x").orElseThrow().minimumKm(Geohash.cell("bn0x").orElseThrow())).isBetween(2_100.0, 2_224.0);
        assertThat(paris.minimumKm(paris)).isZero();
        // neighbouring cells touch
        assertThat(Geohash.cell("u09tv").orElseThrow().minimumKm(Geohash.cell("u09ty").orElseThrow())).isZero();
    }
}
