package dev.switchboard.app.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts remote admin tokens at rest with AES-256-GCM under a per-user key kept in a file only its owner can read,
 * so a copied settings file alone reveals no token.
 */
public final class TokenCipher {
    public static final String KEY_FILE = "connections.key";
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private SecretKey key;

    /**
     * Made on first use, not with the cipher: the first SecureRandom costs ~30 ms, and the app makes the cipher on
     * the FX thread while its first window is being built.
     */
    private static final class SecureRandomHolder {
        static final SecureRandom SECURE = new SecureRandom();
    }

    public TokenCipher(Path configDir) {
        this.keyFile = configDir.resolve(KEY_FILE);
    }

    public String encrypt(String token) {
        try {
            byte[] iv = new byte[IV_BYTES];
            SecureRandomHolder.SECURE.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the token", e);
        }
    }

    /** @throws GatewayClientException when the text was not sealed with this user's key */
    public String decrypt(String sealedText) {
        if (sealedText == null || !sealedText.startsWith(PREFIX)) {
            throw new GatewayClientException("The saved token is unreadable; enter it again");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new GatewayClientException("The saved token cannot be decrypted with this user's key; enter it again",
                    e);
        }
    }

    private synchronized SecretKey key() throws GeneralSecurityException {
        if (key == null) {
            key = loadOrCreate();
        }
        return key;
    }

    private SecretKey loadOrCreate() throws GeneralSecurityException {
        try {
            if (!Files.exists(keyFile)) {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, SecureRandomHolder.SECURE);
                writeOwnerOnly(generator.generateKey().getEncoded());
            }
            return new SecretKeySpec(Base64.getDecoder().decode(Files.readString(keyFile).trim()), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + keyFile, e);
        }
    }

    private void writeOwnerOnly(byte[] secret) throws IOException {
        Files.createDirectories(keyFile.getParent());
        Path temp = keyFile.resolveSibling(KEY_FILE + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException windows) {
            // Files in the user's profile are private to the user on Windows.
            Files.createFile(temp);
        }
        Files.writeString(temp, Base64.getEncoder().encodeToString(secret), StandardCharsets.UTF_8);
        try {
            // No REPLACE_EXISTING: if another instance made a key first, keep theirs so its tokens stay readable.
            Files.move(temp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }

    /** POSIX permissions of the key file, for tests and diagnostics. */
    Set<java.nio.file.attribute.PosixFilePermission> keyFilePermissions() throws IOException {
        return Files.getPosixFilePermissions(keyFile);
    }
}
