package io.opencloud.functions.processing;

import java.util.List;

/** The formats {@code convertImage} writes, each with the gdal_translate options that make it. */
public enum ImageFormat {
    /** Cloud-Optimized GeoTIFF: tiled, with overviews, DEFLATE-compressed. */
    COG(".tif", "image/tiff; application=geotiff; profile=cloud-optimized", List.of("-of", "COG", "-co", "COMPRESS=DEFLATE")),
    PNG(".png", "image/png", List.of("-of", "PNG"));

    private final String extension;
    private final String contentType;
    private final List<String> options;

    ImageFormat(String extension, String contentType, List<String> options) {
        this.extension = extension;
        this.contentType = contentType;
        this.options = options;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The gdal_translate options for this format, before the input and output paths. */
    public List<String> gdalOptions() {
        return options;
    }
}
