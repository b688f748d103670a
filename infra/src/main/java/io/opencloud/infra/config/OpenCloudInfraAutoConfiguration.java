package io.opencloud.infra.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.minio.MinioClient;
import io.opencloud.infra.db.SchemaMigrations;
import io.opencloud.infra.embedded.EmbeddedRuntime;
import io.opencloud.infra.health.KafkaHealthIndicator;
import io.opencloud.infra.health.ObjectStoreHealthIndicator;
import io.opencloud.infra.health.OutboxRelayHealthIndicator;
import io.opencloud.infra.kafka.TopicProvisioner;
import io.opencloud.infra.outbox.OutboxRelay;
import io.opencloud.infra.outbox.OutboxRelayConfig;
import io.opencloud.infra.s3.ObjectStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Wires the backing services: starts the embedded ones that are not configured as external (where
 * {@link BackingServices} allows it), then exposes one {@link RuntimeEndpoints} from which the data source (migrated
 * before anyone uses it, by the processes that migrate), the Kafka topics, the S3 client and the outbox relay are
 * made.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties({OpenCloudProperties.class, BackingServices.class})
public class OpenCloudInfraAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedRuntime embeddedRuntime(OpenCloudProperties properties, BackingServices services) throws Exception {
        services.requireExternal(properties);
        return EmbeddedRuntime.start(properties);
    }

    @Bean
    RuntimeEndpoints runtimeEndpoints(EmbeddedRuntime runtime, OpenCloudProperties properties,
                                      BackingServices services) throws Exception {
        RuntimeEndpoints endpoints = runtime.endpoints();
        if (services.createTopics()) {
            TopicProvisioner.ensureTopics(endpoints.kafkaBootstrap(), properties.kafka().partitions(), (short) 1);
        }
        return endpoints;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(RuntimeEndpoints endpoints, BackingServices services) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl());
        config.setUsername(endpoints.dbUsername());
        config.setPassword(endpoints.dbPassword());
        config.setPoolName("opencloud");
        HikariDataSource dataSource = new HikariDataSource(config);
        if (services.migrateSchema()) {
            SchemaMigrations.apply(dataSource);
        }
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

    /**
     * The embedded outbox relay. On unless {@code opencloud.outbox.relay.enabled=false}: the distributed deployment
     * runs the same connector on Kafka Connect, and two readers of one replication slot would fight over it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "opencloud.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    static class OutboxRelayConfiguration {

        // After the data source, because making it migrates the schema: the connector needs the outbox table.
        @Bean(destroyMethod = "close")
        @DependsOn("dataSource")
        OutboxRelay outboxRelay(RuntimeEndpoints endpoints) {
            try {
                return OutboxRelay.start(OutboxRelayConfig.of(endpoints));
            } catch (OutboxRelay.StartFailedException e) {
                throw new StartupRefusedException(e.getMessage(), "Give the database wal_level=logical and a user "
                        + "allowed to replicate, or set opencloud.outbox.relay.enabled=false "
                        + "(OPENCLOUD_OUTBOX_RELAY_ENABLED=false) where Debezium runs on Kafka Connect instead.");
            }
        }

        @Bean
        OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
            return new OutboxRelayHealthIndicator(relay);
        }
    }
}
