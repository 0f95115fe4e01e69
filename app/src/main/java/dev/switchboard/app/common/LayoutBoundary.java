package dev.switchboard.app.common;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds one fast-changing node whose layout must not spread: the node is unmanaged, so when its content changes,
 * only the node itself is laid out again, not every ancestor up to the window (an unmanaged node is its own layout
 * root). The boundary gives the node all its room; its own size never depends on the node's content.
 */
public final class LayoutBoundary extends Region {
    private final Node content;

    /** @param minHeight the least height the boundary asks of its parent */
    public LayoutBoundary(Node content, double minHeight) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        setMinHeight(minHeight);
        setPrefHeight(minHeight);
        setMinWidth(0);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
