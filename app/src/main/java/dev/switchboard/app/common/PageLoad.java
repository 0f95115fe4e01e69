package dev.switchboard.app.common;

import javafx.beans.value.ObservableValue;

/**
 * When a gateway management page reads its data: not before it is first shown (so an unvisited page costs nothing),
 * then on each refresh; switching gateways clears it at once (nothing of the old gateway may linger) and, once
 * shown, reads the new one.
 */
public final class PageLoad {
    private final ObservableValue<?> client;
    private final Runnable read;
    private boolean shown;

    /**
     * @param client the page's client, null while there is no gateway to read
     * @param clear  empties the page
     * @param read   reads everything the page shows, through the current client
     */
    public PageLoad(ObservableValue<?> client, Runnable clear, Runnable read) {
        this.client = client;
        this.read = read;
        client.addListener((obs, old, now) -> {
            clear.run();
            if (shown && now != null) {
                read.run();
            }
        });
    }

    /** The page became visible: read, so what it shows is current. */
    public void shown() {
        shown = true;
        refresh();
    }

    public void refresh() {
        if (client.getValue() != null) {
            read.run();
        }
    }
}
