package dev.switchboard.gateway.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM. The master key lives in a file readable only by its owner (created on
 * first use); gateways sharing a database must share that file. Ciphertexts are {@code v1:<base64(iv|data|tag)>}.
 */
public final class SecretBox {
    public static final String FILE_NAME = "master.key";
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key stored in {@code file}, created (owner-only) when missing. */
    public static SecretBox loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException windows) {
                    // user profile folders are private on Windows
                }
                Files.writeString(temp, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
            if (key.length != 32) {
                throw new IllegalStateException("The master key in " + file + " is not a 256-bit key");
            }
            return new SecretBox(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalStateException when the text was not sealed with this key (or was tampered with) */
    public String decrypt(String sealed) {
        if (!isSealed(sealed)) {
            throw new IllegalStateException("Not an encrypted secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted with this gateway's master key; "
                    + "gateways sharing a database must share " + FILE_NAME, e);
        }
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** What may be shown of a secret: its last four characters. */
    public static String hint(String secret) {
        return secret.length() <= 8 ? "…" : "…" + secret.substring(secret.length() - 4);
    }
}
