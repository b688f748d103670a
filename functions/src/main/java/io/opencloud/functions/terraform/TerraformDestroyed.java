package io.opencloud.functions.terraform;

/** Reply of {@code terraformDestroy}: how many resource instances the state held before. */
public record TerraformDestroyed(String provisionId, int destroyed, int stateVersion) {
}
