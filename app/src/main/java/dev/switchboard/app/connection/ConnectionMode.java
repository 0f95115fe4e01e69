package dev.switchboard.app.connection;

/** Which gateway the app is looking at. */
public enum ConnectionMode { EMBEDDED, REMOTE, DEMO }
