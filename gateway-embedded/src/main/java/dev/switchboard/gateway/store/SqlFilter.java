package dev.switchboard.gateway.store;

import java.util.List;

/** A WHERE clause with its positional arguments. */
record SqlFilter(String sql, List<Object> args) {
}
