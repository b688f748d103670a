package io.opencloud.functions.terraform;

/** One Terraform command a function runs for a saga: which one, on which provision, for which saga and command. */
public record TerraformCommand(String name, String provisionId, String sagaId, String commandId) {
}
