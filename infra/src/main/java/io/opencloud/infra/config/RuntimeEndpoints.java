package io.opencloud.infra.config;

/** Where the running control plane reaches its three backing services, embedded or external. */
public record RuntimeEndpoints(String kafkaBootstrap, String jdbcUrl, String dbUsername, String dbPassword,
                               String s3Endpoint, String s3AccessKey, String s3SecretKey, String s3Bucket) {

    @Override
    public String toString() {
        return "RuntimeEndpoints[kafka=" + kafkaBootstrap + ", db=" + jdbcUrl + ", s3=" + s3Endpoint + "]";
    }
}
