package io.opencloud.functions.demo;

/** The data of {@code io.opencloud.demo.undo.completed.v1}; {@code undone} is false when the step never happened. */
public record DemoStepUndone(String step, boolean undone) {
}
