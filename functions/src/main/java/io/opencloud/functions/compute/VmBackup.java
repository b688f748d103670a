package io.opencloud.functions.compute;

import java.time.Instant;

/**
 * A VM's backup attributes: BACKUP_FREQUENCY_SECONDS, BACKUP_MARKETPLACE_ID, BACKUP_LAST_COPY_TIME and
 * BACKUP_MARKETPLACE_APP_ID, then the backup under way ({@code saga}) and how the last one ended.
 */
public record VmBackup(Long frequencySeconds, String marketplaceId, Instant lastCopyTime, String appId, String saga,
                       String result, String error) {
}
