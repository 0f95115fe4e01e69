package dev.switchboard.app.playground;

import java.time.Instant;
import java.util.List;

/**
 * One saved run: what was sent (source, targets, test cases) and what came back (one result per case and
 * target), so it can be reopened and compared with another.
 *
 * @param gateway which gateway ran it, e.g. {@code Demo gateway on http://127.0.0.1:40125 (mock provider)}
 * @param results {@code results.get(case).get(target)}
 */
public record Experiment(String id, String name, Instant createdAt, String gateway, Source source,
                         List<Target> targets, List<TestCase> cases, List<List<CellResult>> results) {

    public Experiment {
        targets = List.copyOf(targets);
        cases = List.copyOf(cases);
        results = results.stream().map(List::copyOf).toList();
    }

    /**
     * What a run renders: the messages (with {@code {{variables}}}) and where they came from.
     *
     * @param promptName    the saved prompt the messages are a version of, rendered by the gateway; null for ad-hoc
     * @param promptVersion that version's number; null for ad-hoc
     */
    public record Source(String origin, List<Message> messages, String promptName, Integer promptVersion) {
        public Source {
            messages = List.copyOf(messages);
        }

        /** Ad-hoc messages, rendered here. */
        public Source(String origin, List<Message> messages) {
            this(origin, messages, null, null);
        }
    }

    /** The experiment list's line: newest first, with size and pass rate. */
    public record Summary(String id, String name, Instant createdAt, int targets, int cases) {
        @Override
        public String toString() {
            return name;
        }
    }

    Summary summary() {
        return new Summary(id, name, createdAt, targets.size(), cases.size());
    }
}
