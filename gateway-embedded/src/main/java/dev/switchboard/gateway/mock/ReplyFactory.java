package dev.switchboard.gateway.mock;

/** Decides what the mock answers: a call to the offered tool when the user just spoke, otherwise canned text. */
final class ReplyFactory {
    /** Tokens a model spends around a tool call's arguments (name, ids, markup). */
    private static final int TOOL_CALL_OVERHEAD_TOKENS = 8;

    private final CannedText text;

    ReplyFactory(int replyTokens) {
        this.text = new CannedText(replyTokens);
    }

    Reply reply(MockCall call) {
        if (call.tool() != null) {
            Reply.ToolCall toolCall = new Reply.ToolCall(call.tool().name(),
                    ToolArguments.plausible(call.tool().parameters()));
            int tokens = toolCall.argumentFragments().size() + TOOL_CALL_OVERHEAD_TOKENS;
            return new Reply(toolCall, call.promptTokens(), tokens, Reply.Finish.TOOL_CALL);
        }
        int seed = call.lastText().hashCode();
        Reply.Text full = text.full(seed);
        Integer limit = call.maxTokens();
        if (limit != null && limit < full.pieces().size()) {
            Reply.Text cut = text.truncated(seed, Math.max(1, limit));
            return new Reply(cut, call.promptTokens(), cut.pieces().size(), Reply.Finish.LENGTH);
        }
        return new Reply(full, call.promptTokens(), full.pieces().size(), Reply.Finish.STOP);
    }
}
