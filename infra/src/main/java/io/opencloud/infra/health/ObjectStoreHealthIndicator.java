package io.opencloud.infra.health;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.opencloud.infra.config.RuntimeEndpoints;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the S3 server answers and the control plane's bucket exists. */
public final class ObjectStoreHealthIndicator extends AbstractHealthIndicator {

    private final MinioClient client;
    private final RuntimeEndpoints endpoints;

    public ObjectStoreHealthIndicator(MinioClient client, RuntimeEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        boolean bucket = client.bucketExists(BucketExistsArgs.builder().bucket(endpoints.s3Bucket()).build());
        (bucket ? builder.up() : builder.down()).withDetail("endpoint", endpoints.s3Endpoint())
                .withDetail("bucket", endpoints.s3Bucket()).withDetail("bucketExists", bucket);
    }
}
