package io.opencloud.controlplane.stac;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One Sentinel-2 L2A acquisition of one tile, as the sample catalog describes it.
 *
 * @param unit the satellite as product names spell it: {@code S2A} or {@code S2B}
 * @param sensed the start of the datatake, which is also the item's datetime
 * @param processed when the ground segment produced the L2A product
 * @param cloudCover the percentage of the tile under cloud
 */
record SampleItem(String unit, Instant sensed, int relativeOrbit, MgrsTile tile, Instant processed,
        double cloudCover) {

    private static final DateTimeFormatter PRODUCT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    static SampleItem of(String unit, String sensed, int relativeOrbit, MgrsTile tile, String processed,
            double cloudCover) {
        return new SampleItem(unit, Instant.parse(sensed), relativeOrbit, tile, Instant.parse(processed), cloudCover);
    }

    /** The id, shaped like a Sentinel-2 product name without its processing baseline. */
    String id() {
        return "%s_MSIL2A_%s_R%03d_T%s_%s".formatted(unit, PRODUCT_TIME.format(sensed), relativeOrbit, tile.name(),
                PRODUCT_TIME.format(processed));
    }

    /** The platform as STAC names it, such as {@code sentinel-2a}. */
    String platform() {
        return "sentinel-2" + unit.substring(2).toLowerCase(Locale.ROOT);
    }
}
