package io.opencloud.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsRefusedNamingThePortAndTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.claim(taken.getLocalPort(), "Kafka broker", "opencloud.kafka.port"))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("Kafka broker")
                    .hasMessageContaining("opencloud.kafka.port");
        }
    }

    @Test
    void portZeroPicksAFreePort() {
        assertThat(Ports.claim(0, "S3 server", "opencloud.s3.port")).isPositive();
    }
}
