package io.opencloud.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OutboxEventTest {

    @Test
    void aRecordTheRouterLetThroughCarriesNoEvent() {
        Schema heartbeat = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA).build();
        SourceRecord record = new SourceRecord(Map.of("server", "opencloud_outbox"), Map.of("lsn", 1L),
                "__debezium-heartbeat.opencloud_outbox", null, null, heartbeat, new Struct(heartbeat).put("ts_ms", 1L));

        assertThat(OutboxEvent.from(record)).isEmpty();
    }
}
