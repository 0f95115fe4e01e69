package dev.switchboard.app.common;

import java.util.List;
import javafx.scene.Node;

/** Style-class names used by the app stylesheet ({@code app.css}), as constants so a typo cannot compile. */
public final class Styles {
    public static final String APP_STYLESHEET = "/dev/switchboard/app/app.css";

    public static final String NAV = "sb-nav";
    public static final String NAV_BUTTON = "sb-nav-button";
    public static final String STATUS_BAR = "sb-status-bar";
    public static final String STATUS_DOT = "sb-status-dot";
    public static final String DOT_OK = "sb-dot-ok";
    public static final String DOT_WARN = "sb-dot-warn";
    public static final String DOT_DOWN = "sb-dot-down";
    public static final String BANNER = "sb-banner";
    public static final String BANNER_DEMO = "sb-banner-demo";
    public static final String TOOLBAR = "sb-toolbar";
    public static final String PAGE = "sb-page";
    public static final String PAGE_TITLE = "sb-page-title";
    public static final String MUTED = "sb-muted";
    public static final String ERROR_TEXT = "sb-error-text";
    public static final String STATUS_OK = "sb-status-ok";
    public static final String STATUS_ERROR = "sb-status-error";
    /** Status cells; {@code :failed} marks a failed call. */
    public static final String STATUS_CELL = "sb-status-cell";
    public static final String MONO = "sb-mono";
    public static final String CARD = "sb-card";
    public static final String CARD_VALUE = "sb-card-value";
    public static final String CARD_LABEL = "sb-card-label";
    public static final String EMPTY_STATE = "sb-empty-state";
    public static final String CODE_BLOCK = "sb-code-block";
    public static final String BUBBLE = "sb-bubble";
    public static final String BUBBLE_ROLE = "sb-bubble-role";
    public static final String SECTION_TITLE = "sb-section-title";
    public static final String SPAN_BAR = "sb-span-bar";
    public static final String SPAN_BAR_FAILED = "sb-span-bar-failed";
    public static final String JSON_KEY = "json-key";
    public static final String JSON_STRING = "json-string";
    public static final String JSON_NUMBER = "json-number";
    public static final String JSON_LITERAL = "json-literal";
    /** In a template editor: {@code {{variable}}}, and {@code {{#section}}} / {@code {{> partial}}} tags. */
    public static final String TEMPLATE_VARIABLE = "template-variable";
    public static final String TEMPLATE_TAG = "template-tag";
    /** Side-by-side diff cells: a line only in the new version, only in the old one, or in neither. */
    public static final String DIFF_INSERT = "sb-diff-insert";
    public static final String DIFF_DELETE = "sb-diff-delete";
    public static final String DIFF_EQUAL = "sb-diff-equal";
    public static final String DIFF_NONE = "sb-diff-none";
    /** A small rounded badge, e.g. a prompt label; {@code sb-chip-production} stands out. */
    public static final String CHIP = "sb-chip";
    public static final String CHIP_PRODUCTION = "sb-chip-production";
    /** A bordered box around one editable chat message. */
    public static final String MESSAGE_CARD = "sb-message-card";

    /** One style class per chat role: {@code sb-bubble-user}, {@code sb-bubble-assistant}, ... */
    public static String bubble(String role) {
        return BUBBLE + "-" + role;
    }

    /**
     * Gives a node one class out of a set (or none, when {@code chosen} is null), changing its classes only when
     * the choice changes: every change restyles the node, and cells and live views set theirs on every update.
     */
    public static void choose(Node node, String chosen, String... choices) {
        List<String> classes = node.getStyleClass();
        for (String choice : choices) {
            if (!choice.equals(chosen)) {
                classes.remove(choice);
            }
        }
        if (chosen != null && !classes.contains(chosen)) {
            classes.add(chosen);
        }
    }

    private Styles() {
    }
}
