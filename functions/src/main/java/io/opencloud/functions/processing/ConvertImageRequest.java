package io.opencloud.functions.processing;

import java.util.List;

/** The data of {@code io.opencloud.processing.convert.requested.v1}. */
public record ConvertImageRequest(Source source, List<ImageFormat> formats, OutputLocation output) {

    /** Where the GeoTIFF is read from, the base name of the outputs, and the digest the bytes must have. */
    public record Source(String url, String name, String sha256) {
    }
}
