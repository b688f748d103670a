package io.opencloud.controlplane.provision;

import io.opencloud.controlplane.access.Caller;
import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.opencloud.functions.terraform.TerraformProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds orphans: resources left in a Terraform state that no live provision stands for. Those are the provisions in
 * ERROR or DONE whose latest saved state still holds resources (a clean-up that failed), with no saga working on
 * them, and the states in the state bucket of provisions the database does not know (a database restored from an
 * older backup). Each sweep reports them in the log; with {@code opencloud.provision.orphans.remove=true} it also
 * starts deleting the provisions it knows.
 */
@Component
public class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
    private static final String STATES = "provisions/";

    private final ProvisionStore store;
    private final Provisions provisions;
    private final MinioClient s3;
    private final String bucket;
    private final boolean remove;

    public OrphanSweep(ProvisionStore store, Provisions provisions, MinioClient s3, TerraformProperties terraform,
                       @Value("${opencloud.provision.orphans.remove:false}") boolean remove) {
        this.store = store;
        this.provisions = provisions;
        this.s3 = s3;
        this.bucket = terraform.stateBucket();
        this.remove = remove;
    }

    /** An orphan: the provision (null name and state when the database does not know it) and what is left. */
    public record Found(UUID provisionId, String name, String state, String error, Integer resources,
                        String stateLocation) {
    }

    public List<Found> find() {
        List<Found> found = new ArrayList<>();
        for (ProvisionStore.Orphan orphan : store.orphans()) {
            found.add(new Found(orphan.provisionId(), orphan.name(), orphan.state(), orphan.error(),
                    orphan.resources(), "version " + orphan.stateVersion()));
        }
        Set<UUID> known = new HashSet<>(store.ids());
        for (UUID stored : storedStates()) {
            if (!known.contains(stored)) {
                found.add(new Found(stored, null, null, "the database knows no such provision", null,
                        bucket + "/" + STATES + stored + "/"));
            }
        }
        return found;
    }

    /** Reports every orphan, and starts deleting the known ones when removal is on. */
    public List<Found> sweep() {
        List<Found> found = find();
        for (Found orphan : found) {
            log.warn("Orphaned Terraform resources: provision {} ({}, {}): {} resources in state {}; {}",
                    orphan.provisionId(), orphan.name(), orphan.state(), orphan.resources(), orphan.stateLocation(),
                    orphan.error());
            if (remove && orphan.name() != null) {
                try {
                    provisions.delete(orphan.provisionId(), "orphan sweep: its state still held " + orphan.resources()
                            + " resources", Caller.CONTROL_PLANE);
                } catch (RuntimeException e) {
                    log.warn("The orphan sweep could not start deleting provision {}: {}", orphan.provisionId(),
                            e.toString());
                }
            }
        }
        return found;
    }

    private List<UUID> storedStates() {
        List<UUID> ids = new ArrayList<>();
        try {
            if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return ids;
            }
            for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(STATES)
                    .delimiter("/").build())) {
                String name = item.get().objectName();
                String id = name.substring(STATES.length()).replace("/", "");
                try {
                    ids.add(UUID.fromString(id));
                } catch (IllegalArgumentException notOurs) {
                    log.debug("{} in {} is not a provision's state folder", name, bucket);
                }
            }
        } catch (Exception e) {
            log.warn("The state bucket {} could not be listed for orphans: {}", bucket, e.toString());
        }
        return ids;
    }
}
