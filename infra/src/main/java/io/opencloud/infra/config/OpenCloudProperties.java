package io.opencloud.infra.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the control plane keeps its data and how it reaches Kafka, PostgreSQL and S3. An endpoint left empty is
 * started in-process under the data directory; a port of 0 picks a free one.
 */
@ConfigurationProperties("opencloud")
public record OpenCloudProperties(Path dataDir, Kafka kafka, Db db, S3 s3) {

    public OpenCloudProperties {
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("user.home"), ".opencloud");
        }
        kafka = kafka != null ? kafka : new Kafka(null, 9092, 9093, 1);
        db = db != null ? db : new Db(null, "opencloud", "opencloud", 5433);
        s3 = s3 != null ? s3 : new S3(null, "opencloud", "opencloud-secret", 9000, "opencloud");
    }

    public record Kafka(String bootstrap, @DefaultValue("9092") int port, @DefaultValue("9093") int controllerPort,
                        @DefaultValue("1") int partitions) {

        public boolean embedded() {
            return bootstrap == null || bootstrap.isBlank();
        }
    }

    public record Db(String url, @DefaultValue("opencloud") String username, @DefaultValue("opencloud") String password,
                     @DefaultValue("5433") int port) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record S3(String endpoint, @DefaultValue("opencloud") String accessKey,
                     @DefaultValue("opencloud-secret") String secretKey, @DefaultValue("9000") int port,
                     @DefaultValue("opencloud") String bucket) {

        public boolean embedded() {
            return endpoint == null || endpoint.isBlank();
        }
    }
}
