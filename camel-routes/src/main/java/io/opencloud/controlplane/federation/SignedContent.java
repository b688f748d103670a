package io.opencloud.controlplane.federation;

import io.cloudevents.CloudEvent;
import io.opencloud.events.FederationType;
import io.opencloud.functions.s3.Sha256;
import java.time.Instant;

/**
 * The part of a peer event its signature covers, as bytes both ends compute the same way. It names the recipient, so
 * that an event cannot be passed on to another peer than the one it was meant for. Each field is written with
 * its length first, so no two different events share a form. The time counts in milliseconds, because the CloudEvents
 * SDK reads {@code ce-time} into a date that may print differently from the text sent; the data counts by its SHA-256,
 * taken over the bytes exactly as sent (the events travel in binary mode, whose body is the data itself).
 */
public record SignedContent(String id, String source, String type, String subject, Instant time, String signer,
                            String recipient, byte[] data) {

    /** What an event as received claims to have been signed. */
    public static SignedContent of(CloudEvent event) {
        Object signer = event.getExtension(FederationType.SIGNER);
        Object recipient = event.getExtension(FederationType.RECIPIENT);
        return new SignedContent(event.getId(), event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(), signer == null ? null : signer.toString(),
                recipient == null ? null : recipient.toString(),
                event.getData() == null ? new byte[0] : event.getData().toBytes());
    }

    public byte[] bytes() {
        return LengthPrefixed.of("opencloud-peer-event-v1", id, source, type, subject == null ? "" : subject,
                time == null ? "" : Long.toString(time.toEpochMilli()), signer == null ? "" : signer,
                recipient == null ? "" : recipient, Sha256.of(data));
    }
}
