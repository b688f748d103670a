package io.opencloud.functions.terraform;

/** Reply of {@code terraformPlan}: what an apply would add, change and destroy. */
public record TerraformPlanned(String provisionId, int add, int change, int destroy, int stateVersion) {
}
