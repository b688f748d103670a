package io.opencloud.functions.terraform;

/**
 * One saved Terraform state of a provision: its number (1, 2, ... in the order saved), Terraform's own serial and
 * lineage, how many resource instances it holds, and where its bytes are in S3.
 */
public record StateVersion(int version, long serial, String lineage, int resources, String sha256, String objectKey) {
}
