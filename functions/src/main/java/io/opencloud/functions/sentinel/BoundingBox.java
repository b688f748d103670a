package io.opencloud.functions.sentinel;

import io.opencloud.functions.OperationFailedException;
import java.util.List;

/**
 * An area as [west, south, east, north] in WGS84 degrees. West may exceed east (the box crosses the antimeridian, as
 * STAC allows); south may not exceed north, and a box of no width or height is no box.
 */
public record BoundingBox(double west, double south, double east, double north) {

    /** @throws OperationFailedException (not retryable) naming what is wrong with the four numbers */
    public static BoundingBox of(List<Double> values) {
        if (values == null || values.size() != 4 || values.contains(null)) {
            throw invalid(values, "it must be four numbers [west, south, east, north]");
        }
        BoundingBox box = new BoundingBox(values.get(0), values.get(1), values.get(2), values.get(3));
        for (double lon : new double[] {box.west, box.east}) {
            if (!(lon >= -180 && lon <= 180)) {
                throw invalid(values, "longitude " + lon + " is outside [-180, 180]");
            }
        }
        for (double lat : new double[] {box.south, box.north}) {
            if (!(lat >= -90 && lat <= 90)) {
                throw invalid(values, "latitude " + lat + " is outside [-90, 90]");
            }
        }
        if (box.south >= box.north) {
            throw invalid(values, "south " + box.south + " is not below north " + box.north);
        }
        if (box.west == box.east) {
            throw invalid(values, "west and east are both " + box.west + ", so the box has no width");
        }
        return box;
    }

    public List<Double> toList() {
        return List.of(west, south, east, north);
    }

    private static OperationFailedException invalid(List<Double> values, String why) {
        return new OperationFailedException("bbox " + values + " is not a bounding box: " + why, false);
    }
}
