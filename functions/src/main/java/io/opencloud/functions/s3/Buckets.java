package io.opencloud.functions.s3;

import static io.opencloud.functions.s3.ObjectStoreCalls.call;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The few bucket chores the functions share: make a working bucket, upload a file, empty a prefix. */
public final class Buckets {

    private static final int DELETE_BATCH = 1000;

    private Buckets() {
    }

    /** Makes one of the control plane's own working buckets when it is missing. */
    public static void ensure(MinioClient s3, String bucket) {
        call("creating bucket " + bucket, () -> {
            if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                } catch (io.minio.errors.ErrorResponseException raced) {
                    if (!raced.errorResponse().code().startsWith("BucketAlready")) {
                        throw raced;
                    }
                }
            }
            return null;
        });
    }

    public static void upload(MinioClient s3, String bucket, String key, Path file, String contentType) {
        call("uploading " + bucket + "/" + key, () -> s3.uploadObject(UploadObjectArgs.builder().bucket(bucket)
                .object(key).filename(file.toString()).contentType(contentType).build()));
    }

    /**
     * Deletes every object under the prefix that the filter keeps; returns how many were deleted. A bucket that does
     * not exist holds nothing to delete.
     */
    public static int deletePrefix(MinioClient s3, String bucket, String prefix, Predicate<String> which) {
        return call("emptying " + bucket + "/" + prefix, () -> {
            if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return 0;
            }
            List<String> keys = new ArrayList<>();
            for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                String key = item.get().objectName();
                if (which.test(key)) {
                    keys.add(key);
                }
            }
            for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
                List<DeleteRequest.Object> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))
                        .stream().map(DeleteRequest.Object::new).toList();
                for (Result<DeleteResult.Error> error : s3.removeObjects(RemoveObjectsArgs.builder().bucket(bucket)
                        .objects(batch).build())) {
                    DeleteResult.Error refused = error.get();
                    throw new IllegalStateException("could not delete " + refused.objectName() + ": "
                            + refused.code() + " " + refused.message());
                }
            }
            return keys.size();
        });
    }
}
