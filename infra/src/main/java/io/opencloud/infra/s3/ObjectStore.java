package io.opencloud.infra.s3;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.opencloud.infra.config.RuntimeEndpoints;

/** The S3 client of the control plane: the MinIO SDK, whatever server is behind the endpoint. */
public final class ObjectStore {

    private ObjectStore() {
    }

    public static MinioClient connect(RuntimeEndpoints endpoints) throws Exception {
        MinioClient client = MinioClient.builder()
                .endpoint(endpoints.s3Endpoint())
                .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey())
                .build();
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(endpoints.s3Bucket()).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(endpoints.s3Bucket()).build());
        }
        return client;
    }
}
