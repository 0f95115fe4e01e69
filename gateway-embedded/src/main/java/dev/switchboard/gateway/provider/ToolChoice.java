package dev.switchboard.gateway.provider;

/** OpenAI's {@code tool_choice}: let the model decide, forbid tools, require some tool, or require one function. */
public sealed interface ToolChoice {

    record Auto() implements ToolChoice {
    }

    record None() implements ToolChoice {
    }

    record Required() implements ToolChoice {
    }

    record Function(String name) implements ToolChoice {
    }
}
