package io.opencloud.functionhost;

import io.opencloud.events.Operation;
import io.opencloud.infra.config.StartupRefusedException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operations this process serves: those whose function {@code spring.cloud.function.definition} names
 * ({@code SPRING_CLOUD_FUNCTION_DEFINITION}, several separated by {@code ;}). A name that is no operation's function
 * stops the start-up, since a Service that answers nothing would only fill the dead-letter sink.
 */
@Component
public class HostedOperations {

    private final Map<String, Operation> byRequestedType = new LinkedHashMap<>();

    public HostedOperations(@Value("${spring.cloud.function.definition:}") String definition) {
        List<String> names = Arrays.stream(definition.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new StartupRefusedException("No function to host: spring.cloud.function.definition is empty.",
                    "Set SPRING_CLOUD_FUNCTION_DEFINITION to one of " + knownNames() + ".");
        }
        for (String name : names) {
            Operation operation = Arrays.stream(Operation.values()).filter(o -> o.functionName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new StartupRefusedException("No function is named \"" + name
                            + "\" (spring.cloud.function.definition).", "Name one of " + knownNames() + "."));
            byRequestedType.put(operation.requestedType(), operation);
        }
    }

    /** The hosted operation whose command has this type. */
    public Optional<Operation> forCommandType(String type) {
        return Optional.ofNullable(byRequestedType.get(type));
    }

    /** The command types served here, for the error that answers any other. */
    public List<String> commandTypes() {
        return List.copyOf(byRequestedType.keySet());
    }

    private static String knownNames() {
        return Arrays.stream(Operation.values()).map(Operation::functionName).collect(Collectors.joining(", "));
    }
}
