package io.opencloud.controlplane.stac;

/**
 * A position in a northern-hemisphere UTM zone on WGS 84, convertible to longitude and latitude.
 *
 * <p>The inverse uses Krüger's series in the third flattening to third order, which stays well under a millimetre
 * of error across a zone.
 */
record UtmPosition(int zone, double easting, double northing) {

    private static final double SEMI_MAJOR_AXIS = 6_378_137.0;
    private static final double FLATTENING = 1 / 298.257223563;
    private static final double SCALE_ON_CENTRAL_MERIDIAN = 0.9996;
    private static final double FALSE_EASTING = 500_000.0;

    private static final double N = FLATTENING / (2 - FLATTENING);
    private static final double N2 = N * N;
    private static final double N3 = N2 * N;
    private static final double RECTIFYING_RADIUS = SEMI_MAJOR_AXIS / (1 + N) * (1 + N2 / 4 + N2 * N2 / 64);
    private static final double[] BETA = {N / 2 - 2 * N2 / 3 + 37 * N3 / 96, N2 / 48 + N3 / 15, 17 * N3 / 480};
    private static final double[] DELTA = {2 * N - 2 * N2 / 3 - 2 * N3, 7 * N2 / 3 - 8 * N3 / 5, 56 * N3 / 15};

    /** The longitude and latitude of this position. */
    LonLat toLonLat() {
        // StrictMath rather than Math: the checked-in catalog must come out byte for byte the same on every JVM.
        double xi = northing / (SCALE_ON_CENTRAL_MERIDIAN * RECTIFYING_RADIUS);
        double eta = (easting - FALSE_EASTING) / (SCALE_ON_CENTRAL_MERIDIAN * RECTIFYING_RADIUS);
        double xiPrime = xi;
        double etaPrime = eta;
        for (int j = 1; j <= BETA.length; j++) {
            xiPrime -= BETA[j - 1] * StrictMath.sin(2 * j * xi) * StrictMath.cosh(2 * j * eta);
            etaPrime -= BETA[j - 1] * StrictMath.cos(2 * j * xi) * StrictMath.sinh(2 * j * eta);
        }
        double conformalLatitude = StrictMath.asin(StrictMath.sin(xiPrime) / StrictMath.cosh(etaPrime));
        double latitude = conformalLatitude;
        for (int j = 1; j <= DELTA.length; j++) {
            latitude += DELTA[j - 1] * StrictMath.sin(2 * j * conformalLatitude);
        }
        double longitudeFromCentralMeridian = StrictMath.atan2(StrictMath.sinh(etaPrime), StrictMath.cos(xiPrime));
        return new LonLat(centralMeridian() + StrictMath.toDegrees(longitudeFromCentralMeridian),
                StrictMath.toDegrees(latitude));
    }

    private double centralMeridian() {
        return zone * 6 - 183;
    }
}
