package dev.switchboard.app.settings;

import dev.switchboard.app.common.UiTasks;
import dev.switchboard.app.common.UserMessages;
import dev.switchboard.app.connection.EmbeddedGatewayHost;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Edits the settings: the embedded gateway (data directory, host, port, body capture), retention, custom prices and
 * the theme. Text fields are validated before anything is applied; a bad value shows a message and changes nothing.
 */
public final class SettingsViewModel {
    private final AppSettings settings;
    private final EmbeddedGatewayHost host;
    private final Runnable restartEmbedded;
    private final UiTasks tasks;

    private final StringProperty dataDir = new SimpleStringProperty();
    private final StringProperty gatewayHost = new SimpleStringProperty();
    private final StringProperty gatewayPort = new SimpleStringProperty();
    private final BooleanProperty captureBodies = new SimpleBooleanProperty();
    private final StringProperty bodyMaxKb = new SimpleStringProperty();
    private final StringProperty retentionDays = new SimpleStringProperty();
    private final StringProperty retentionMaxGb = new SimpleStringProperty();
    private final StringProperty priceModel = new SimpleStringProperty("");
    private final StringProperty priceInput = new SimpleStringProperty("");
    private final StringProperty priceOutput = new SimpleStringProperty("");
    private final StringProperty priceCached = new SimpleStringProperty("");
    private final StringProperty gatewayMessage = new SimpleStringProperty();
    private final StringProperty retentionMessage = new SimpleStringProperty();
    private final StringProperty priceMessage = new SimpleStringProperty();

    /**
     * @param restartEmbedded restarts the embedded gateway with the saved settings (a no-op when it is not in use)
     */
    public SettingsViewModel(AppSettings settings, EmbeddedGatewayHost host, Runnable restartEmbedded,
                             UiTasks tasks) {
        this.settings = settings;
        this.host = host;
        this.restartEmbedded = restartEmbedded;
        this.tasks = tasks;
        revert();
    }

    /** Puts the saved values back into the form. */
    public void revert() {
        dataDir.set(settings.dataDir().get());
        gatewayHost.set(settings.gatewayHost().get());
        gatewayPort.set(Integer.toString(settings.gatewayPort().get()));
        captureBodies.set(settings.captureBodies().get());
        bodyMaxKb.set(Integer.toString(settings.bodyMaxKb().get()));
        retentionDays.set(settings.retentionDays().get() == 0 ? "" : Integer.toString(settings.retentionDays().get()));
        retentionMaxGb.set(settings.retentionMaxGb().get() == 0 ? "" : trim(settings.retentionMaxGb().get()));
    }

    /** Validates and saves the gateway settings, then restarts the embedded gateway with them. */
    public boolean applyGateway() {
        try {
            String dir = required(dataDir.get(), "Data directory");
            Path.of(dir);
            String hostName = required(gatewayHost.get(), "Host");
            int port = wholeNumber(gatewayPort.get(), "Port", 1, 65_535);
            int maxKb = wholeNumber(bodyMaxKb.get(), "Body size cap", 1, 100 * 1024);
            settings.dataDir().set(dir);
            settings.gatewayHost().set(hostName);
            settings.gatewayPort().set(port);
            settings.captureBodies().set(captureBodies.get());
            settings.bodyMaxKb().set(maxKb);
        } catch (IllegalArgumentException e) { // includes InvalidPathException from Path.of
            gatewayMessage.set(e.getMessage());
            return false;
        }
        gatewayMessage.set("Saved. The embedded gateway restarts with these settings.");
        restartEmbedded.run();
        return true;
    }

    public boolean applyRetention() {
        try {
            int days = retentionDays.get() == null || retentionDays.get().isBlank() ? 0
                    : wholeNumber(retentionDays.get(), "Days", 1, 36_500);
            double gb = retentionMaxGb.get() == null || retentionMaxGb.get().isBlank() ? 0
                    : positiveNumber(retentionMaxGb.get(), "Size limit").doubleValue();
            settings.retentionDays().set(days);
            settings.retentionMaxGb().set(gb);
        } catch (IllegalArgumentException e) {
            retentionMessage.set(e.getMessage());
            return false;
        }
        RetentionLimits limits = RetentionLimits.of(settings);
        tasks.run(() -> host.setRetention(limits.maxAge(), limits.maxBytes())).start();
        retentionMessage.set(limits.keepsAll() ? "Keeping all traces."
                : "Applied in the background; older traces are deleted within a minute.");
        return true;
    }

    /** Adds (or replaces) the price for the model in the form; applies to traces from now on. */
    public boolean addPrice() {
        CustomPrice price;
        try {
            String model = required(priceModel.get(), "Model");
            price = new CustomPrice(model, positiveNumber(priceInput.get(), "Input price"),
                    positiveNumber(priceOutput.get(), "Output price"),
                    priceCached.get() == null || priceCached.get().isBlank() ? null
                            : positiveNumber(priceCached.get(), "Cached input price"));
        } catch (IllegalArgumentException e) {
            priceMessage.set(e.getMessage());
            return false;
        }
        settings.customPrices().removeIf(p -> p.model().equals(price.model()));
        settings.customPrices().add(price);
        pushPrices();
        priceModel.set("");
        priceInput.set("");
        priceOutput.set("");
        priceCached.set("");
        priceMessage.set("Price for " + price.model() + " applies to new traces.");
        return true;
    }

    public void removePrice(CustomPrice price) {
        settings.customPrices().remove(price);
        pushPrices();
        priceMessage.set("Removed the price for " + price.model() + ".");
    }

    private void pushPrices() {
        var prices = settings.customPrices().stream().map(CustomPrice::toModelPrice).toList();
        tasks.run(() -> host.setCustomPrices(prices))
                .onError(e -> priceMessage.set(UserMessages.of(e))).start();
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.trim();
    }

    private static int wholeNumber(String value, String name, int min, int max) {
        try {
            int n = Integer.parseInt(required(value, name));
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
        }
    }

    private static BigDecimal positiveNumber(String value, String name) {
        try {
            BigDecimal n = new BigDecimal(required(value, name).replace("$", "").trim());
            if (n.signum() < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of 0 or more");
        }
    }

    private static String trim(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    public AppSettings settings() {
        return settings;
    }

    public StringProperty dataDir() {
        return dataDir;
    }

    public StringProperty gatewayHost() {
        return gatewayHost;
    }

    public StringProperty gatewayPort() {
        return gatewayPort;
    }

    public BooleanProperty captureBodies() {
        return captureBodies;
    }

    public StringProperty bodyMaxKb() {
        return bodyMaxKb;
    }

    public StringProperty retentionDays() {
        return retentionDays;
    }

    public StringProperty retentionMaxGb() {
        return retentionMaxGb;
    }

    public StringProperty priceModel() {
        return priceModel;
    }

    public StringProperty priceInput() {
        return priceInput;
    }

    public StringProperty priceOutput() {
        return priceOutput;
    }

    public StringProperty priceCached() {
        return priceCached;
    }

    public StringProperty gatewayMessage() {
        return gatewayMessage;
    }

    public StringProperty retentionMessage() {
        return retentionMessage;
    }

    public StringProperty priceMessage() {
        return priceMessage;
    }
}
