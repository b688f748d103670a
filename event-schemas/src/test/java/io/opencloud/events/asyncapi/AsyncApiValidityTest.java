package io.opencloud.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencloud.events.Topics;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated document is valid AsyncAPI 3.0.0 by the official schema, which does catch a broken document. */
class AsyncApiValidityTest {

    private final OfficialAsyncApiSchema official = new OfficialAsyncApiSchema();

    @Test
    void theDocumentIsValidAsyncApi3() {
        assertThat(official.violations(AsyncApiDocument.build())).isEmpty();
    }

    static Stream<Arguments> breakages() {
        String channel = "/channels/" + Topics.INGRESS;
        String operation = "/operations/" + Topics.INGRESS + ".receive";
        return Stream.of(
                Arguments.of("a channel with a field AsyncAPI does not define", channel,
                        (Consumer<ObjectNode>) doc -> ((ObjectNode) doc.at(channel)).put("topic", Topics.INGRESS)),
                Arguments.of("an operation with the AsyncAPI 2 action publish", operation,
                        (Consumer<ObjectNode>) doc -> ((ObjectNode) doc.at(operation)).put("action", "publish")),
                Arguments.of("info without a version", "/info",
                        (Consumer<ObjectNode>) doc -> ((ObjectNode) doc.get("info")).remove("version")),
                Arguments.of("a message whose content type is not a string",
                        "/components/messages/" + Messages.DEAD_LETTER,
                        (Consumer<ObjectNode>) doc -> ((ObjectNode) doc.at("/components/messages/"
                                + Messages.DEAD_LETTER)).put("contentType", 42)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aBrokenCopyOfTheDocumentFailsValidation(String breakage, String brokenAt, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = AsyncApiDocument.build();
        breakIt.accept(broken);

        List<String> violations = official.violations(broken);

        assertThat(violations).as("violations of a document with %s", breakage)
                .anySatisfy(violation -> assertThat(violation).startsWith(brokenAt));
    }
}
