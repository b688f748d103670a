package io.opencloud.functions.processing;

import static io.opencloud.functions.s3.ObjectStoreCalls.call;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.opencloud.functions.s3.ObjectStoreCalls;

/**
 * An output prefix once discarded stays discarded: a marker object under it tells a conversion still running to
 * delete what it wrote. Discarding writes the marker before deleting, and a conversion checks it after writing, so
 * that in every order of the two no output survives.
 */
final class DiscardedPrefixes {

    private static final String MARKER = ".discarded";

    private DiscardedPrefixes() {
    }

    static String markerKey(String prefix) {
        return prefix + "/" + MARKER;
    }

    static void mark(MinioClient s3, String bucket, String prefix) {
        call("marking " + bucket + "/" + prefix + " discarded", () -> s3.putObject(PutObjectArgs.builder()
                .bucket(bucket).object(markerKey(prefix)).data(new byte[0], 0).contentType("text/plain").build()));
    }

    static boolean isDiscarded(MinioClient s3, String bucket, String prefix) {
        return ObjectStoreCalls.exists(s3, bucket, markerKey(prefix));
    }
}
