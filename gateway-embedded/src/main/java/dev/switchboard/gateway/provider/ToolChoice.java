package dev.switchboard.gateway.provider;

/** OpenAI's {@code tool_choice}: let the model decide, forbid tools, require some tool, or require one function. */
public sealed interface ToolChoice {

    /** The model decides whether to call a tool. */
    record Auto() implements ToolChoice {
    }

    /** The model must answer without calling tools. */
    record None() implements ToolChoice {
    }

    /** The model must call at least one tool, of its choosing. */
    record Required() implements ToolChoice {
    }

    /** The model must call the named function. */
    record Function(String name) implements ToolChoice {
    }
}
