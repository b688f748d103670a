package io.opencloud.functions.s3;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.outbound.DestinationRefusedException;

/**
 * Runs a call of the MinIO SDK, turning what it throws into an {@link OperationFailedException}: a refusal the server
 * states (no such bucket, access denied) is not retryable, anything else (the network, a busy server) is.
 */
public final class ObjectStoreCalls {

    /** A call of the MinIO SDK, which declares every checked exception it may meet. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    private ObjectStoreCalls() {
    }

    /** Whether the object exists; any other refusal than "no such key" is thrown as by {@link #call}. */
    public static boolean exists(MinioClient s3, String bucket, String key) {
        return call("looking up " + bucket + "/" + key, () -> {
            try {
                s3.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                return true;
            } catch (ErrorResponseException absent) {
                if (absent.errorResponse().code().equals("NoSuchKey")) {
                    return false;
                }
                throw absent;
            }
        });
    }

    public static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (ErrorResponseException refused) {
            String code = refused.errorResponse().code();
            boolean retryable = !(code.equals("NoSuchBucket") || code.equals("AccessDenied")
                    || code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch"));
            // The S3 error code only: the message is the remote server's text.
            throw new OperationFailedException(what + " was refused: " + code, retryable, refused);
        } catch (OperationFailedException failed) {
            throw failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException(what + " was interrupted", true, e);
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DestinationRefusedException refused) {
                    throw refused;
                }
            }
            // Nothing of the cause: whether a port refused or timed out is not for whoever asked to know.
            throw new OperationFailedException(what + " failed: the endpoint could not be reached or did not answer"
                    + " as S3", true, e);
        }
    }
}
