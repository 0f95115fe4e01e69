package dev.switchboard.app.common;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Read-only, syntax-highlighted JSON with virtualised scrolling, so a 256 KB body scrolls smoothly. */
public final class JsonArea extends StackPane {
    /** Above this size highlighting is skipped: regex over megabytes would stall the FX thread. */
    static final int MAX_HIGHLIGHT_CHARS = 300_000;
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)|(?<LITERAL>\\b(?:true|false|null)\\b)");

    private final CodeArea area = new CodeArea();

    public JsonArea(String id) {
        setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add(Styles.MONO);
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public void setText(String text) {
        String value = text == null ? "" : text;
        area.replaceText(value);
        if (!value.isEmpty() && value.length() <= MAX_HIGHLIGHT_CHARS) {
            area.setStyleSpans(0, highlight(value));
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    public String getText() {
        return area.getText();
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher matcher = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (matcher.find()) {
            String style = matcher.group("KEY") != null ? Styles.JSON_KEY
                    : matcher.group("STRING") != null ? Styles.JSON_STRING
                    : matcher.group("NUMBER") != null ? Styles.JSON_NUMBER : Styles.JSON_LITERAL;
            spans.add(Collections.emptyList(), matcher.start() - last);
            spans.add(List.of(style), matcher.end() - matcher.start());
            last = matcher.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
