package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.controlplane.access.Access;
import io.opencloud.controlplane.access.Role;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Operation;
import io.opencloud.events.schema.EventSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every endpoint and every event type the control plane registers has an authorisation rule, and the rule holds:
 * generated from the registered mappings and from {@link EventTypes#ingressTypes()}, so a new endpoint or type without
 * a rule fails here (and a new operation without a rule does not compile, see EventAccess).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends ControlPlaneTestBase {

    private static final Set<String> VIEWER_COMMANDS = Set.of(Operation.VERIFY_MACAROON.requestedType());

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Http viewer;

    private record Endpoint(String method, String path, String contentType, Access rule) {
    }

    @BeforeAll
    void aViewerOfAnotherTenant() {
        String tenant = "rules-" + id().substring(0, 8);
        assertThat(http().postJson("/tenants", "{\"name\":\"" + tenant + "\",\"resources\":[\"s3://rules/\"]}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> client = http().postJson("/tenants/" + tenant + "/clients",
                "{\"name\":\"" + tenant + "-viewer\",\"role\":\"VIEWER\"}");
        assertThat(client.statusCode()).isEqualTo(201);
        String secret = Http.JSON.readTree(client.body()).get("clientSecret").asString();
        viewer = http().as(http().token(tenant + "-viewer", secret));
    }

    @Test
    void everyEndpointOfTheControlPlaneHasARule() {
        List<String> without = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("io.opencloud") && Access.of(method).isEmpty()) {
                without.add(info + " " + method);
            }
        });
        assertThat(without).as("endpoints without @Public, @Requires or @PlatformAdmin").isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(60);
    }

    @Test
    void anonymousCallersGet401AndTooLowARoleGets403() {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.rule() instanceof Access.Open) {
                continue;
            }
            HttpResponse<String> anonymous = send(http().anonymous(), endpoint);
            assertThat(anonymous.statusCode()).as("anonymous " + endpoint).isEqualTo(401);
            assertThat(anonymous.body()).as("anonymous " + endpoint).contains("urn:opencloud:problem:");
            HttpResponse<String> asViewer = send(viewer, endpoint);
            boolean enough = endpoint.rule() instanceof Access.AtLeast(Role role) && role == Role.VIEWER;
            if (enough) {
                assertThat(asViewer.statusCode()).as("viewer " + endpoint).isNotIn(401, 403);
            } else {
                assertThat(asViewer.statusCode()).as("viewer " + endpoint).isEqualTo(403);
            }
        }
    }

    @Test
    void listsAViewerMayReadAnswerIt() {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method().equals("GET") && !endpoint.path().contains("{")
                    && endpoint.rule() instanceof Access.AtLeast(Role role) && role == Role.VIEWER) {
                assertThat(viewer.get(endpoint.path()).statusCode()).as(endpoint.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void everyEventTypeHasARuleAtTheDoor() throws IOException {
        for (String type : EventTypes.ingressTypes()) {
            String event = example(type);
            HttpResponse<String> anonymous = http().anonymous().postStructured(event);
            assertThat(anonymous.statusCode()).as("anonymous " + type).isEqualTo(401);
            HttpResponse<String> asViewer = viewer.postStructured(event);
            if (VIEWER_COMMANDS.contains(type)) {
                assertThat(asViewer.statusCode()).as("viewer " + type).isEqualTo(202);
            } else {
                assertThat(asViewer.statusCode()).as("viewer " + type + ": " + asViewer.body()).isEqualTo(403);
            }
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod method = entry.getValue();
            if (!method.getBeanType().getPackageName().startsWith("io.opencloud")) {
                continue;
            }
            Access rule = Access.of(method).orElseThrow();
            Set<String> verbs = entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet());
            String contentType = entry.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(Object::toString).findFirst().orElse("application/json");
            for (String pattern : entry.getKey().getPatternValues()) {
                for (String verb : verbs.isEmpty() ? Set.of("GET") : verbs) {
                    endpoints.add(new Endpoint(verb, pattern, contentType, rule));
                }
            }
        }
        return endpoints;
    }

    private static HttpResponse<String> send(Http client, Endpoint endpoint) {
        String path = endpoint.path().replaceAll("\\{[^}]+}", "x");
        return switch (endpoint.method()) {
            case "GET" -> client.get(path);
            case "DELETE" -> client.delete(path);
            case "PUT" -> client.putJson(path, "{}");
            case "OPTIONS" -> client.options(path, Map.of());
            default -> client.post(path, endpoint.contentType(), "{}", Map.of());
        };
    }

    private static String example(String type) throws IOException {
        try (InputStream in = EventSchemas.class.getClassLoader()
                .getResourceAsStream(EventSchemas.exampleResource(type))) {
            ObjectNode event = (ObjectNode) Http.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            event.put("id", id());
            return Http.JSON.writeValueAsString(event);
        }
    }
}
