package io.opencloud.functions.storage;

import static io.opencloud.functions.s3.ObjectStoreCalls.call;

import io.minio.BucketExistsArgs;
import io.minio.RemoveObjectArgs;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.ObjectStoreCalls;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Deletes pushed objects from a destination. The compensation of {@link PushToStorageFunction}.
 *
 * <p>Consumes {@code io.opencloud.storage.remove.requested.v1}; produces
 * {@code io.opencloud.storage.remove.completed.v1}, or {@code io.opencloud.storage.remove.failed.v1} when the
 * destination cannot be reached. Idempotent, and tolerant of a push that never happened: missing objects, a missing
 * bucket and a destination the push would have refused (unknown credentials) leave nothing to remove.
 */
@Component("removeFromStorage")
public class RemoveFromStorageFunction implements Function<RemoveFromStorageRequest, ObjectsRemoved> {

    private final DestinationClients destinations;

    public RemoveFromStorageFunction(DestinationClients destinations) {
        this.destinations = destinations;
    }

    @Override
    public ObjectsRemoved apply(RemoveFromStorageRequest request) {
        Destination destination = request.destination();
        if (destination == null || destination.bucket() == null || destination.credentials() == null) {
            throw new OperationFailedException("a removal needs destination.bucket and destination.credentials", false);
        }
        DestinationClients.Connection target;
        try {
            target = destinations.connect(destination);
        } catch (OperationFailedException unusable) {
            // The push refused the same destination before writing anything, so there is nothing to remove.
            return new ObjectsRemoved(0);
        }
        String bucket = destination.bucket();
        boolean exists = call("looking up bucket " + bucket + " at " + target.endpoint(),
                () -> target.client().bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
        if (!exists || request.names() == null) {
            return new ObjectsRemoved(0);
        }
        int deleted = 0;
        for (String name : request.names()) {
            String key = destination.keyOf(name);
            if (ObjectStoreCalls.exists(target.client(), bucket, key)) {
                call("deleting " + bucket + "/" + key + " at " + target.endpoint(), () -> {
                    target.client().removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
                    return null;
                });
                deleted++;
            }
        }
        return new ObjectsRemoved(deleted);
    }
}
