package io.opencloud.functions.terraform;

/** The command of every Terraform function: the provision, and for a destroy why it is destroyed. */
public record TerraformRequest(String provisionId, String reason) {
}
