package io.opencloud.controlplane;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The shared S3 server as the tests see it, through the MinIO SDK. */
final class TestObjects {

    final MinioClient s3;

    TestObjects() {
        RuntimeEndpoints endpoints = SharedTestRuntime.endpoints();
        s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint())
                .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build();
    }

    void makeBucket(String bucket) throws Exception {
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }

    /** Every key under the prefix, sorted; none when the bucket does not exist. */
    List<String> keys(String bucket, String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return keys;
        }
        for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        keys.sort(String::compareTo);
        return keys;
    }

    byte[] read(String bucket, String key) throws Exception {
        try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        }
    }
}
