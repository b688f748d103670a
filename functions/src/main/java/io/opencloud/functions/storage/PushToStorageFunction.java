package io.opencloud.functions.storage;

import static io.opencloud.functions.s3.ObjectStoreCalls.call;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Sha256;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Copies objects of the control plane's object store into a destination bucket on any S3 endpoint, streaming them
 * (multipart above the configured part size, so nothing large is held in memory). Each copy is checked twice: the
 * bytes read from the source must have the expected SHA-256, and the object read back from the destination too.
 *
 * <p>Consumes {@code io.opencloud.storage.push.requested.v1}; produces {@code io.opencloud.storage.push.completed.v1},
 * or {@code io.opencloud.storage.push.failed.v1} for unknown credentials, a missing destination bucket, a source that
 * is not what was expected or a copy that does not verify. Idempotent: keys depend only on the request, so a repeated
 * push overwrites each object with the same bytes.
 */
@Component("pushToStorage")
public class PushToStorageFunction implements Function<PushToStorageRequest, ObjectsPushed> {

    private final MinioClient source;
    private final DestinationClients destinations;
    private final StorageProperties properties;

    public PushToStorageFunction(MinioClient source, DestinationClients destinations, StorageProperties properties) {
        this.source = source;
        this.destinations = destinations;
        this.properties = properties;
    }

    @Override
    public ObjectsPushed apply(PushToStorageRequest request) {
        if (request.objects() == null || request.objects().isEmpty()) {
            throw new OperationFailedException("there is no object to push", false);
        }
        Destination destination = request.destination();
        if (destination == null || destination.bucket() == null || destination.credentials() == null) {
            throw new OperationFailedException("a push needs destination.bucket and destination.credentials", false);
        }
        DestinationClients.Connection target = destinations.connect(destination);
        boolean exists = call("looking up bucket " + destination.bucket() + " at " + target.endpoint(),
                () -> target.client().bucketExists(BucketExistsArgs.builder().bucket(destination.bucket()).build()));
        if (!exists) {
            throw new OperationFailedException("destination bucket " + destination.bucket() + " does not exist at "
                    + target.endpoint(), false);
        }
        List<ObjectsPushed.Pushed> pushed = new ArrayList<>();
        for (PushToStorageRequest.SourceObject object : request.objects()) {
            pushed.add(push(object, destination, target));
        }
        return new ObjectsPushed(target.endpoint(), destination.bucket(), pushed);
    }

    private ObjectsPushed.Pushed push(PushToStorageRequest.SourceObject object, Destination destination,
                                      DestinationClients.Connection target) {
        String from = object.bucket() + "/" + object.key();
        String key = destination.keyOf(object.name());
        String to = destination.bucket() + "/" + key + " at " + target.endpoint();
        long size = call("reading " + from, () -> source.statObject(StatObjectArgs.builder().bucket(object.bucket())
                .object(object.key()).build()).size());
        long partSize = properties.partSize().toBytes();
        MessageDigest read = Sha256.digest();
        ObjectWriteResponse written = call("writing " + to, () -> {
            try (InputStream in = new DigestInputStream(source.getObject(GetObjectArgs.builder()
                    .bucket(object.bucket()).object(object.key()).build()), read)) {
                return target.client().putObject(PutObjectArgs.builder().bucket(destination.bucket()).object(key)
                        .stream(in, size, partSize)
                        .contentType(object.contentType() == null ? "application/octet-stream" : object.contentType())
                        .userMetadata(Map.of("sha256", object.sha256())).build());
            }
        });
        String readDigest = Sha256.hex(read);
        if (!readDigest.equals(object.sha256())) {
            remove(target.client(), destination.bucket(), key, to);
            throw new OperationFailedException(from + " has SHA-256 " + readDigest + ", not the expected "
                    + object.sha256() + "; it changed since it was produced, so it was not pushed", false);
        }
        String stored = call("verifying " + to, () -> {
            try (InputStream in = target.client().getObject(GetObjectArgs.builder().bucket(destination.bucket())
                    .object(key).build())) {
                return Sha256.of(in);
            }
        });
        if (!stored.equals(object.sha256())) {
            remove(target.client(), destination.bucket(), key, to);
            throw new OperationFailedException(to + " reads back with SHA-256 " + stored + ", not " + object.sha256()
                    + "; the copy was deleted", true);
        }
        return new ObjectsPushed.Pushed(key, size, stored, size > partSize, written.etag());
    }

    private static void remove(MinioClient client, String bucket, String key, String shown) {
        call("deleting " + shown, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }
}
