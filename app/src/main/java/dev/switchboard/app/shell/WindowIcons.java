package dev.switchboard.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The window's icon, from the same PNGs the installers use (copied into the app's resources by the build, so there
 * is one source). Reads and decodes files: call it off the FX thread.
 */
public final class WindowIcons {
    static final List<String> SIZES = List.of("256", "512");

    private WindowIcons() {
    }

    public static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (String size : SIZES) {
            String name = "/dev/switchboard/app/icons/switchboard-" + size + ".png";
            try (InputStream png = WindowIcons.class.getResourceAsStream(name)) {
                if (png == null) {
                    throw new IllegalStateException("The build left out " + name);
                }
                icons.add(new Image(png));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return icons;
    }
}
