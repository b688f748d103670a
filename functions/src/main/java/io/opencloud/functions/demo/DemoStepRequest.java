package io.opencloud.functions.demo;

/** The data of {@code io.opencloud.demo.step.requested.v1}. */
public record DemoStepRequest(String step, int failTimes, boolean hang) {
}
