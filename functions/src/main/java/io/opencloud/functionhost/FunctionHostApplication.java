package io.opencloud.functionhost;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One function (or a few) as a Knative Service: the functions named by {@code spring.cloud.function.definition}
 * answer CloudEvents posted to {@code /} ({@link FunctionEndpoint}), on the backing services of a distributed
 * deployment. Its settings are in {@code function-host.yml}, so that they never mix with the control plane's
 * {@code application.yml} on one class path.
 */
@SpringBootApplication(scanBasePackages = {"io.opencloud.functions", "io.opencloud.functionhost"})
public class FunctionHostApplication {

    /** The name of the settings file, in place of {@code application}. */
    public static final String CONFIG_NAME = "function-host";

    public static void main(String[] args) {
        new SpringApplicationBuilder(FunctionHostApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
