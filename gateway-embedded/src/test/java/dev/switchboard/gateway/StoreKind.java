package dev.switchboard.gateway;

/** The databases the gateway runs on; store tests run once for each. */
public enum StoreKind {
    H2,
    POSTGRES
}
