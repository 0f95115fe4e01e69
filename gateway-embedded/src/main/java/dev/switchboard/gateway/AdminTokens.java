package dev.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The admin token kept in the data directory, readable only by its owner, made on first start. */
public final class AdminTokens {
    public static final String FILE_NAME = "admin-token";

    private AdminTokens() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The stored token, or a new random one written there first. */
    public static String loadOrCreate(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!token.isEmpty()) {
                    return token;
                }
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = "sb-admin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            ownerOnly(temp);
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin token in " + dataDir, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException windows) {
            // Windows keeps files in the user's profile private by default.
        }
    }
}
