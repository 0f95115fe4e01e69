package dev.switchboard.app.playground;

import java.util.ArrayList;
import java.util.List;

/** A streamer the test drives by hand: every call waits until the test sends its tokens and its end. */
final class FakeStreamer implements ChatStreamer {
    final List<FakeCall> calls = new ArrayList<>();
    int maxOpen;

    @Override
    public synchronized Call stream(Request request, Listener listener) {
        FakeCall call = new FakeCall(request, listener);
        calls.add(call);
        maxOpen = Math.max(maxOpen, open().size());
        return call;
    }

    synchronized List<FakeCall> open() {
        return calls.stream().filter(c -> !c.ended && !c.cancelled).toList();
    }

    /** The open call of the target whose model is {@code model}. */
    FakeCall openFor(String model) {
        return open().stream().filter(c -> model.equals(c.request.target().model())).findFirst().orElseThrow();
    }

    /** Answers every open call with {@code text} (and usage), until none is left open. */
    void answerAll(String text) {
        while (!open().isEmpty()) {
            for (FakeCall call : new ArrayList<>(open())) {
                call.answer(text);
            }
        }
    }

    static final class FakeCall implements Call {
        final Request request;
        final Listener listener;
        boolean cancelled;
        boolean ended;

        FakeCall(Request request, Listener listener) {
            this.request = request;
            this.listener = listener;
        }

        void answer(String text) {
            listener.onDelta(text);
            listener.onUsage(10, 5);
            ended = true;
            listener.onComplete("trace-" + request.target().model());
        }

        void fail(String message) {
            ended = true;
            listener.onError(message, null);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
