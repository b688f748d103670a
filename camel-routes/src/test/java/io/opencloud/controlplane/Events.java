package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Sends single commands and saga triggers to {@code POST /events} as structured CloudEvents. */
final class Events {

    private final Http http;

    Events(Http http) {
        this.http = http;
    }

    /** Sends the command and returns its reply event. */
    JsonNode command(String type, String data) {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = http.postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests/sentinel","type":"%s","data":%s}"""
                .formatted(id, type, data));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return http.reply(id);
    }

    /** Sends the trigger and returns the id of the saga it started. */
    String trigger(String type, String data) {
        HttpResponse<String> response = http.postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests/sentinel","type":"%s","data":%s}"""
                .formatted(UUID.randomUUID(), type, data));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.JSON.readTree(response.body()).get("sagaId").asString();
    }
}
