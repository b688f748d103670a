package io.opencloud.functions.demo;

/** The data of {@code io.opencloud.demo.undo.requested.v1}. */
public record UndoDemoStepRequest(String step, int failTimes) {
}
