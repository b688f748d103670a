package io.opencloud.controlplane.stac;

/** A WGS 84 position in degrees, longitude first as GeoJSON orders it. */
record LonLat(double lon, double lat) {

    // Seven decimals is about a centimetre: far finer than the ~1 m the catalog needs, and short enough to read.
    private static final double STEPS_PER_DEGREE = 1e7;

    /** This position with both coordinates rounded to seven decimal places. */
    LonLat rounded() {
        return new LonLat(round(lon), round(lat));
    }

    private static double round(double degrees) {
        return Math.round(degrees * STEPS_PER_DEGREE) / STEPS_PER_DEGREE;
    }
}
