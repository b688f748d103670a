package io.opencloud.infra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.infra.outbox.OutboxRelayConfig;
import java.io.DataInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class DropNullHeadersTest {

    @Test
    void isTheClassTheConnectorNamesAndLoadsOnTheJavaOfConnectWorkers() throws Exception {
        Class<?> transform = Class.forName(OutboxRelayConfig.DROP_NULL_HEADERS);
        try (InputStream in = transform.getResourceAsStream(transform.getSimpleName() + ".class")) {
            DataInputStream classFile = new DataInputStream(in);
            classFile.readInt();
            classFile.readUnsignedShort();
            // 61 is Java 17: a newer class file fails on older workers with UnsupportedClassVersionError.
            assertThat(classFile.readUnsignedShort()).isEqualTo(61);
        }
    }
}
