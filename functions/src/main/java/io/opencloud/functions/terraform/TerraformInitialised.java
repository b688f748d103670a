package io.opencloud.functions.terraform;

/** Reply of {@code terraformInit}. */
public record TerraformInitialised(String provisionId, String terraformVersion, int stateVersion) {
}
