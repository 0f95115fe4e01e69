package dev.switchboard.gateway.prompts;

import dev.switchboard.gateway.GatewayException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt URL split into the prompt's name (which may contain {@code /} folders) and what is asked of it, e.g.
 * {@code support/reply/versions/3} → name {@code support/reply}, action {@code versions}, argument {@code 3}.
 * The shortest name wins, so a folder segment named like an action is read as that action.
 */
record PromptPath(String name, String action, String argument, String subAction) {
    private static final Pattern SHAPE = Pattern.compile(
            "^(?<name>.+?)(?:/(?<action>versions|labels|diff|export|variables|render|completions)"
                    + "(?:/(?<arg>[^/]+)(?:/(?<sub>undo))?)?)?/?$");

    static PromptPath parse(String pathAfterPrefix) {
        String decoded = URLDecoder.decode(pathAfterPrefix, StandardCharsets.UTF_8);
        Matcher m = SHAPE.matcher(decoded);
        if (!m.matches()) {
            throw GatewayException.notFound("No prompt route for '" + decoded + "'");
        }
        return new PromptPath(m.group("name"), m.group("action"), m.group("arg"), m.group("sub"));
    }

    boolean is(String wantedAction) {
        return wantedAction == null ? action == null : wantedAction.equals(action);
    }
}
