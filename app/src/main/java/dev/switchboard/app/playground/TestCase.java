package dev.switchboard.app.playground;

import java.util.List;
import java.util.Map;

/**
 * One row of a matrix: the variable values to render the source with, and the assertions its outputs must pass.
 * Assertions are kept as their readable specs ({@code contains: refund}), which is also how files store them.
 */
public record TestCase(String name, Map<String, String> variables, List<String> assertions) {
    public TestCase {
        name = name == null || name.isBlank() ? "case" : name.strip();
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        assertions = assertions == null ? List.of() : List.copyOf(assertions);
    }

    /** The parsed assertions; the specs were checked when the case was made, so this does not fail. */
    List<Assertion> parsedAssertions() {
        return assertions.stream().map(Assertion::parse).toList();
    }
}
