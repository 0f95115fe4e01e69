package dev.switchboard.gateway.trace;

import java.util.List;

/** One page of traces, newest first; {@code nextCursor} is null on the last page. */
public record TracePage(List<Trace> items, String nextCursor) {
}
