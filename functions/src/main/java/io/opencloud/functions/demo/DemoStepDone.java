package io.opencloud.functions.demo;

/** The data of {@code io.opencloud.demo.step.completed.v1}. */
public record DemoStepDone(String step, int attempt) {
}
