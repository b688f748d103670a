package io.opencloud.functions.processing;

import io.minio.MinioClient;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Buckets;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Deletes every output under a prefix and marks the prefix discarded. The compensation of
 * {@link ConvertImageFunction}.
 *
 * <p>Consumes {@code io.opencloud.processing.discard.requested.v1}; produces
 * {@code io.opencloud.processing.discard.completed.v1}, or {@code io.opencloud.processing.discard.failed.v1} when the
 * bucket cannot be reached. Idempotent, and tolerant of conversions that never ran or are still running: those
 * delete their own outputs when they find the marker.
 */
@Component("discardOutputs")
public class DiscardOutputsFunction implements Function<DiscardOutputsRequest, OutputsDiscarded> {

    private final MinioClient s3;

    public DiscardOutputsFunction(MinioClient s3) {
        this.s3 = s3;
    }

    @Override
    public OutputsDiscarded apply(DiscardOutputsRequest request) {
        OutputLocation output = request.output();
        if (output == null || output.bucket() == null || output.prefix() == null || output.prefix().isBlank()) {
            throw new OperationFailedException("discarding needs an output bucket and a non-empty prefix", false);
        }
        Buckets.ensure(s3, output.bucket());
        DiscardedPrefixes.mark(s3, output.bucket(), output.prefix());
        String marker = DiscardedPrefixes.markerKey(output.prefix());
        return new OutputsDiscarded(Buckets.deletePrefix(s3, output.bucket(), output.prefix() + "/",
                key -> !key.equals(marker)));
    }
}
