package io.opencloud.controlplane.saga;

import io.opencloud.events.TriggerType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every saga type, and which trigger type starts which saga. The defaults come from {@link TriggerType}; the
 * property {@code opencloud.sagas.triggers.<trigger type>=<saga type>} overrides them. A mapping to a saga type
 * that does not exist stops the control plane at start-up rather than at the first event.
 */
@Component
@EnableConfigurationProperties(SagaRegistry.TriggerMapping.class)
public class SagaRegistry {

    private final Map<String, SagaDefinition> byType;
    private final Map<String, SagaDefinition> byTrigger = new HashMap<>();

    public SagaRegistry(List<SagaDefinition> definitions, TriggerMapping mapping) {
        byType = definitions.stream().collect(Collectors.toMap(SagaDefinition::type, Function.identity()));
        Map<String, String> triggers = Arrays.stream(TriggerType.values())
                .collect(Collectors.toMap(TriggerType::type, TriggerType::defaultSaga));
        triggers.putAll(mapping.triggers() == null ? Map.of() : mapping.triggers());
        triggers.forEach((trigger, saga) -> {
            SagaDefinition definition = byType.get(saga);
            if (definition == null) {
                throw new IllegalStateException("opencloud.sagas.triggers maps " + trigger + " to saga type \"" + saga
                        + "\", which does not exist; known saga types: " + byType.keySet());
            }
            byTrigger.put(trigger, definition);
        });
    }

    public Optional<SagaDefinition> forTrigger(String eventType) {
        return Optional.ofNullable(byTrigger.get(eventType));
    }

    public SagaDefinition get(String sagaType) {
        SagaDefinition definition = byType.get(sagaType);
        if (definition == null) {
            throw new IllegalStateException("no saga type " + sagaType);
        }
        return definition;
    }

    public List<SagaDefinition> all() {
        return List.copyOf(byType.values());
    }

    /** {@code opencloud.sagas.triggers}: trigger CloudEvent type to saga type. */
    @ConfigurationProperties("opencloud.sagas")
    public record TriggerMapping(Map<String, String> triggers) {
    }
}
