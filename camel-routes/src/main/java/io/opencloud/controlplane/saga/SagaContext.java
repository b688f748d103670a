package io.opencloud.controlplane.saga;

import tools.jackson.databind.JsonNode;

/**
 * What a step's command data is computed from: the saga's id and its data, which holds the trigger's data under
 * {@code trigger} and each completed step's reply data under {@code results.<step>}.
 */
public record SagaContext(String sagaId, JsonNode data) {

    public JsonNode trigger() {
        return data.path("trigger");
    }
}
