package io.opencloud.infra.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.minio.MinioClient;
import io.opencloud.infra.db.SchemaMigrations;
import io.opencloud.infra.embedded.EmbeddedRuntime;
import io.opencloud.infra.health.KafkaHealthIndicator;
import io.opencloud.infra.health.ObjectStoreHealthIndicator;
import io.opencloud.infra.kafka.TopicProvisioner;
import io.opencloud.infra.s3.ObjectStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the backing services: starts the embedded ones that are not configured as external, then exposes one
 * {@link RuntimeEndpoints} from which the data source (migrated before anyone uses it), the Kafka topics and the
 * S3 client are made.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(OpenCloudProperties.class)
public class OpenCloudInfraAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedRuntime embeddedRuntime(OpenCloudProperties properties) throws Exception {
        return EmbeddedRuntime.start(properties);
    }

    @Bean
    RuntimeEndpoints runtimeEndpoints(EmbeddedRuntime runtime, OpenCloudProperties properties) throws Exception {
        RuntimeEndpoints endpoints = runtime.endpoints();
        TopicProvisioner.ensureTopics(endpoints.kafkaBootstrap(), properties.kafka().partitions(), (short) 1);
        return endpoints;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(RuntimeEndpoints endpoints) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl());
        config.setUsername(endpoints.dbUsername());
        config.setPassword(endpoints.dbPassword());
        config.setPoolName("opencloud");
        HikariDataSource dataSource = new HikariDataSource(config);
        SchemaMigrations.apply(dataSource);
        return dataSource;
    }

    @Bean
    MinioClient minioClient(RuntimeEndpoints endpoints) throws Exception {
        return ObjectStore.connect(endpoints);
    }

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(RuntimeEndpoints endpoints) {
        return new KafkaHealthIndicator(endpoints);
    }

    @Bean
    ObjectStoreHealthIndicator objectStoreHealthIndicator(MinioClient client, RuntimeEndpoints endpoints) {
        return new ObjectStoreHealthIndicator(client, endpoints);
    }
}
