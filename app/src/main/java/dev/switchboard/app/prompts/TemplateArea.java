package dev.switchboard.app.prompts;

import dev.switchboard.app.common.Styles;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A template editor: Mustache tags highlighted as the user types, variables ({@code {{name}}}) in one colour and
 * sections and partials ({@code {{#items}}}, {@code {{> snippets/tone@production}}}) in another. Grows with its
 * text up to a limit, then scrolls.
 */
final class TemplateArea extends StackPane {
    private static final Pattern TAGS = Pattern.compile("\\{\\{\\s*(?<kind>[#^/>!&]?)[^}]*}}}?");
    private static final double MIN_HEIGHT = 64;
    private static final double MAX_HEIGHT = 360;

    private final CodeArea area = new CodeArea();

    TemplateArea(String id, StringProperty text) {
        area.setId(id);
        area.setWrapText(true);
        area.getStyleClass().add(Styles.MONO);
        area.replaceText(text.get() == null ? "" : text.get());
        highlight();
        area.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(text.get())) {
                text.set(now);
            }
            highlight();
        });
        text.addListener((obs, old, now) -> {
            if (now != null && !now.equals(area.getText())) {
                area.replaceText(now);
            }
        });
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            Double estimate = area.getTotalHeightEstimate();
            return estimate == null ? MIN_HEIGHT : Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, estimate + 20));
        }, area.totalHeightEstimateProperty()));
        scroll.setMinHeight(MIN_HEIGHT);
        getChildren().add(scroll);
    }

    private void highlight() {
        String text = area.getText();
        if (!text.isEmpty()) {
            area.setStyleSpans(0, spans(text));
        }
    }

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher matcher = TAGS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (matcher.find()) {
            String style = matcher.group("kind").isEmpty() || matcher.group("kind").equals("&")
                    ? Styles.TEMPLATE_VARIABLE : Styles.TEMPLATE_TAG;
            spans.add(Collections.emptyList(), matcher.start() - last);
            spans.add(List.of(style), matcher.end() - matcher.start());
            last = matcher.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
