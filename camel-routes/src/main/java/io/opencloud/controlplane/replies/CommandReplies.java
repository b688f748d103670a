package io.opencloud.controlplane.replies;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.opencloud.events.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reply each command received, as a structured CloudEvent, looked up by the command's event id. */
@Repository
public class CommandReplies {

    private final JdbcClient jdbc;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    public CommandReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the first reply to a command; a redelivered reply changes nothing. */
    public void record(CloudEvent reply) {
        Object commandId = reply.getExtension(Envelope.CAUSATION_ID);
        if (commandId == null) {
            throw new IllegalArgumentException("a reply names the command it answers in the causationid extension");
        }
        Object sagaId = reply.getExtension(Envelope.SAGA_ID);
        jdbc.sql("""
                        INSERT INTO command_reply (command_id, reply_id, reply_type, saga_id, event)
                        VALUES (?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (command_id) DO NOTHING""")
                .params(commandId.toString(), reply.getId(), reply.getType(),
                        sagaId == null ? null : sagaId.toString(),
                        new String(format.serialize(reply), StandardCharsets.UTF_8))
                .update();
    }

    /** The reply as a structured CloudEvent (JSON), if one has arrived. */
    public Optional<String> find(String commandId) {
        return jdbc.sql("SELECT event::text FROM command_reply WHERE command_id = ?")
                .param(commandId)
                .query(String.class)
                .optional();
    }
}
