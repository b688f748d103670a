package io.opencloud.functions.market;

import io.opencloud.functions.CommandHeaders;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Plans a marketplace export: reads the app and, when recursive, the apps it references, and answers the IMAGE apps
 * to fetch, each with the id of the image it becomes. It reads only.
 *
 * <p>Consumes {@code io.opencloud.market.resolve.requested.v1}; produces
 * {@code io.opencloud.market.resolve.completed.v1}, or {@code io.opencloud.market.resolve.failed.v1}: not retryable
 * when an app is missing or not READY. Idempotent.
 */
@Component("resolveMarketExport")
public class ResolveMarketExportFunction implements Function<Message<ResolveExportRequest>, ExportResolved> {

    private final ExportGraph graph;

    ResolveMarketExportFunction(ExportGraph graph) {
        this.graph = graph;
    }

    @Override
    public ExportResolved apply(Message<ResolveExportRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        ResolveExportRequest request = command.getPayload();
        ExportGraph.Graph apps = graph.of(request.appId(), request.recursive());
        return new ExportResolved(apps.root.appId(), apps.root.type(), apps.images().stream()
                .map(image -> new ImageFetch(image.appId(), AppIds.exportedImage(sagaId, image.appId()))).toList());
    }
}
