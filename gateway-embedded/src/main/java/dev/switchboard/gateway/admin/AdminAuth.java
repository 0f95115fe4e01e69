package dev.switchboard.gateway.admin;

import dev.switchboard.gateway.GatewayException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <admin token>} on admin calls, in constant time. */
public final class AdminAuth {
    private final byte[] token;

    public AdminAuth(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        String header = ctx.header("authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new GatewayException(401, "authentication_error", "invalid_admin_token", null,
                    "The admin API needs Authorization: Bearer <admin token>");
        }
    }
}
