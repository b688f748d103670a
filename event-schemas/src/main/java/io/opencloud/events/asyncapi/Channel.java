package io.opencloud.events.asyncapi;

import java.util.List;

/** One Kafka topic as an AsyncAPI channel: its name, what it carries, and the ids of the messages that travel on it. */
record Channel(String topic, String description, List<String> messages) {

    Channel {
        messages = List.copyOf(messages);
    }
}
