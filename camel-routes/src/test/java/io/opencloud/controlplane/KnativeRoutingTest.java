package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.controlplane.deployment.RenderedResources;
import io.opencloud.controlplane.saga.SagaDefinition;
import io.opencloud.controlplane.saga.SagaRegistry;
import io.opencloud.controlplane.saga.SagaStep;
import io.opencloud.events.Operation;
import io.opencloud.events.Phase;
import io.opencloud.infra.deployment.Kustomize;
import io.opencloud.infra.deployment.Manifests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Knative wiring carries every saga of the running control plane end to end: each command type a saga sends
 * reaches, through a Trigger of the Broker, a Service whose function consumes it; each reply type goes back to the
 * events topic the saga coordinator reads; every commands topic feeds the Broker; and nothing of Knative posts to
 * the control plane, which reads opencloud.ingress and fires its schedules itself.
 */
class KnativeRoutingTest extends ControlPlaneTestBase {

    private static RenderedResources base;

    @Autowired
    SagaRegistry sagas;

    @BeforeAll
    static void render() throws IOException {
        base = RenderedResources.of(Kustomize.build(Path.of("../knative/base")));
    }

    @Test
    void everyCommandASagaSendsReachesAServiceHostingItsFunction() {
        Set<Operation> sent = sentBySagas();
        assertThat(sent).isNotEmpty();
        List<String> unrouted = new ArrayList<>();
        for (Operation operation : sent) {
            List<Map<String, Object>> services = subscribersOf(operation.requestedType());
            boolean hosted = services.stream().anyMatch(service -> RenderedResources.env(service,
                    "SPRING_CLOUD_FUNCTION_DEFINITION").map(d -> Arrays.asList(d.split(";")))
                    .orElse(List.of()).contains(operation.functionName()));
            if (!hosted) {
                unrouted.add(operation.requestedType() + " (function " + operation.functionName() + ")");
            }
        }
        assertThat(unrouted).as("command types no Trigger brings to a Service hosting their function").isEmpty();
    }

    @Test
    void everyReplyGoesBackToTheEventsTopicOfItsDomain() {
        List<String> lost = new ArrayList<>();
        for (Operation operation : sentBySagas()) {
            for (Phase phase : List.of(Phase.COMPLETED, Phase.FAILED)) {
                List<String> topics = triggersOf(operation.type(phase)).stream()
                        .map(trigger -> base.target(RenderedResources.map(RenderedResources.map(trigger, "spec"),
                                "subscriber")))
                        .flatMap(Optional::stream)
                        .filter(sink -> "KafkaSink".equals(sink.get("kind")))
                        .map(sink -> (String) RenderedResources.map(sink, "spec").get("topic")).toList();
                if (!topics.equals(List.of(operation.eventsTopic()))) {
                    lost.add(operation.type(phase) + " -> " + topics);
                }
            }
        }
        assertThat(lost).as("reply types not routed to exactly their events topic").isEmpty();
    }

    @Test
    void everyCommandsTopicFeedsTheBroker() {
        Map<String, Object> source = base.find("KafkaSource", "opencloud-commands").orElseThrow();
        Map<String, Object> spec = RenderedResources.map(source, "spec");
        assertThat(base.target(RenderedResources.map(spec, "sink")).map(RenderedResources::name)).contains("opencloud");
        @SuppressWarnings("unchecked")
        List<String> topics = (List<String>) spec.get("topics");
        assertThat(topics).containsAll(sentBySagas().stream().map(Operation::commandsTopic).distinct().toList());
    }

    @Test
    void nothingOfKnativeDeliversToTheControlPlaneWhichTakesNoEventWithoutAToken() {
        assertThat(base.ofKind("PingSource")).as("schedules fire in the control plane itself").isEmpty();
        assertThat(base.references()).as("the control plane reads opencloud.ingress itself")
                .noneMatch(reference -> reference.kind().equals("Service") && reference.name().equals("control-plane"));
    }

    @Test
    void everyTopicTheKnativeResourcesNameHasItsKafkaTopic() throws IOException {
        Set<Object> declared = new TreeSet<>();
        Manifests.readAll(Path.of("../kafka/topics.yaml")).forEach(t -> declared.add(Kustomize.metadata(t).get("name")));
        List<String> named = new ArrayList<>();
        base.ofKind("KafkaSink").forEach(sink -> named.add((String) RenderedResources.map(sink, "spec").get("topic")));
        for (Map<String, Object> source : base.ofKind("KafkaSource")) {
            @SuppressWarnings("unchecked")
            List<String> topics = (List<String>) RenderedResources.map(source, "spec").get("topics");
            named.addAll(topics);
        }
        assertThat(named).isNotEmpty();
        assertThat(declared).containsAll(named);
    }

    private Set<Operation> sentBySagas() {
        Set<Operation> sent = new TreeSet<>();
        for (SagaDefinition saga : sagas.all()) {
            for (SagaStep step : saga.steps()) {
                sent.add(step.command());
                step.compensation().ifPresent(sent::add);
            }
        }
        return sent;
    }

    private List<Map<String, Object>> triggersOf(String type) {
        return base.ofKind("Trigger").stream().filter(trigger -> type.equals(RenderedResources.map(
                RenderedResources.map(RenderedResources.map(trigger, "spec"), "filter"), "attributes").get("type")))
                .toList();
    }

    private List<Map<String, Object>> subscribersOf(String type) {
        return triggersOf(type).stream()
                .map(trigger -> base.target(RenderedResources.map(RenderedResources.map(trigger, "spec"),
                        "subscriber")))
                .flatMap(Optional::stream)
                .filter(target -> "Service".equals(target.get("kind")))
                .toList();
    }
}
