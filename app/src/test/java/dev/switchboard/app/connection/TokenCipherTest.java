package dev.switchboard.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {
    @TempDir
    Path dir;
    @TempDir
    Path otherUser;

    @Test
    void sealsTokensSoOnlyThisUsersKeyOpensThem() throws Exception {
        TokenCipher cipher = new TokenCipher(dir);

        String sealed = cipher.encrypt("sb-admin-secret");

        assertThat(sealed).startsWith("v1:").doesNotContain("secret");
        assertThat(cipher.encrypt("sb-admin-secret")).as("a fresh IV every time").isNotEqualTo(sealed);
        assertThat(new TokenCipher(dir).decrypt(sealed)).isEqualTo("sb-admin-secret");
        assertThat(PosixFilePermissions.toString(cipher.keyFilePermissions())).isEqualTo("rw-------");
        assertThatThrownBy(() -> new TokenCipher(otherUser).decrypt(sealed))
                .isInstanceOf(GatewayClientException.class).hasMessageContaining("enter it again");
    }
}
