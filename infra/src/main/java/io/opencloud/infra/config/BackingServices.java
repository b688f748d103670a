package io.opencloud.infra.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.services}: what this process may do to its backing services. The embedded default does it all;
 * a distributed deployment starts no server in-process (Kafka, PostgreSQL and S3 run beside it), leaves the topics
 * to their operator (Strimzi's {@code KafkaTopic}s) and lets only the control plane migrate the schema, not every
 * function replica that scales up from zero.
 *
 * @param embedded      whether an endpoint left empty starts its server in this JVM; when false it refuses to start
 * @param createTopics  whether the topics of {@code io.opencloud.events.Topics} are created at start-up when missing
 * @param migrateSchema whether the database schema is migrated at start-up
 */
@ConfigurationProperties("opencloud.services")
public record BackingServices(@DefaultValue("true") boolean embedded, @DefaultValue("true") boolean createTopics,
                              @DefaultValue("true") boolean migrateSchema) {

    /** Refuses endpoints left empty when nothing may be started in-process, naming the variables to set. */
    void requireExternal(OpenCloudProperties properties) {
        if (embedded) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (properties.kafka().embedded()) {
            missing.add("OPENCLOUD_KAFKA_BOOTSTRAP (opencloud.kafka.bootstrap)");
        }
        if (properties.db().embedded()) {
            missing.add("OPENCLOUD_DB_URL (opencloud.db.url)");
        }
        if (properties.s3().embedded()) {
            missing.add("OPENCLOUD_S3_ENDPOINT (opencloud.s3.endpoint)");
        }
        if (!missing.isEmpty()) {
            throw new StartupRefusedException("This process starts no embedded service (opencloud.services.embedded="
                    + "false, as in the distributed profile), and no endpoint is configured for " + missing + ".",
                    "Set " + String.join(", ", missing) + " to the services of the deployment, or run the embedded "
                            + "default without the distributed profile.");
        }
    }
}
