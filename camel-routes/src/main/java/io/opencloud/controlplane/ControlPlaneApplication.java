package io.opencloud.controlplane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The control plane: HTTP and Kafka ingress, the Camel routes that host the functions, and the HTTP API. */
@SpringBootApplication(scanBasePackages = {"io.opencloud.controlplane", "io.opencloud.functions"})
public class ControlPlaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(ControlPlaneApplication.class, args);
    }
}
