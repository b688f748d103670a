package io.opencloud.functions.processing;

import java.util.List;

/** The data of {@code io.opencloud.processing.convert.completed.v1}. */
public record ImageConverted(String name, List<Output> outputs, String gdal) {

    /** One converted file, as written to S3. */
    public record Output(ImageFormat format, String bucket, String key, long size, String sha256, String contentType) {
    }
}
