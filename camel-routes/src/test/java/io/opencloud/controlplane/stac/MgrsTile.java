package io.opencloud.controlplane.stac;

import java.util.List;

/**
 * A Sentinel-2 tile: a 109,800 m square of the MGRS grid in a northern UTM zone, placed by its upper-left corner.
 *
 * @param zone the UTM zone, which also names the tile's CRS (WGS 84 / UTM zone N)
 * @param bandAndSquare the latitude band and 100 km square letters, such as {@code TNR}
 */
record MgrsTile(int zone, String bandAndSquare, double west, double north) {

    static final double SIZE_METRES = 109_800;

    /** The tile's name as Sentinel-2 product names spell it, such as {@code 32TNR}. */
    String name() {
        return zone + bandAndSquare;
    }

    /** The EPSG code of the tile's CRS. */
    int epsg() {
        return 32_600 + zone;
    }

    /** The tile's outline in WGS 84: its UTM corners, counter-clockwise from the lower left and closed, as GeoJSON wants. */
    List<LonLat> footprint() {
        double east = west + SIZE_METRES;
        double south = north - SIZE_METRES;
        List<UtmPosition> corners = List.of(new UtmPosition(zone, west, south), new UtmPosition(zone, east, south),
                new UtmPosition(zone, east, north), new UtmPosition(zone, west, north),
                new UtmPosition(zone, west, south));
        return corners.stream().map(corner -> corner.toLonLat().rounded()).toList();
    }
}
