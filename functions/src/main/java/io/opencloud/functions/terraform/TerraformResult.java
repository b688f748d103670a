package io.opencloud.functions.terraform;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How a Terraform command ended: its exit code, the error diagnostics it reported, its last change summary (absent
 * when it printed none) and the tail of what it printed outside its JSON stream.
 */
public record TerraformResult(int exitCode, List<String> errors, JsonNode changes, List<String> otherOutput) {

    private static final int REASON_LIMIT = 2000;

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Why the command failed, in Terraform's words. */
    public String failure(String command) {
        List<String> words = errors.isEmpty() ? otherOutput : errors;
        String reason = command + " exited with " + exitCode + (words.isEmpty() ? "" : ": " + String.join("; ", words));
        return reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) + "…" : reason;
    }
}
