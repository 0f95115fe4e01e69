package dev.switchboard.app.connection;

/**
 * A saved remote gateway. The admin token is kept only in its encrypted form ({@link TokenCipher}); the app never
 * shows it again after entry.
 */
public record ConnectionProfile(String id, String name, String url, String sealedToken) {
    @Override
    public String toString() {
        return name + " (" + url + ")";
    }
}
