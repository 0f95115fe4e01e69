package dev.switchboard.app.connection;

/** How the connection to the current gateway is doing, as the status bar's dot shows it. */
public enum ConnectionStatus { STARTING, CONNECTED, RECONNECTING, DOWN, STOPPED }
