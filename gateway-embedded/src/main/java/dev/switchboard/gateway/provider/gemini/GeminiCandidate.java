package dev.switchboard.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The parts of one Gemini candidate that an OpenAI choice carries: its visible text, its function calls, and
 * its raw {@code finishReason} (null while a stream is still going).
 */
record GeminiCandidate(int index, String text, List<FunctionCall> functionCalls, String finishReason) {

    /** A function call as Gemini sent it, signature included when Gemini gave one. */
    record FunctionCall(String name, JsonNode args, String thoughtSignature) {

        /** A fresh OpenAI tool-call id for this call: Gemini gives none. */
        String newId(Supplier<String> ids) {
            return GeminiToolCallIds.create(ids.get(), thoughtSignature);
        }

        String arguments() {
            return args.isObject() ? Json.write(args) : "{}";
        }
    }

    /** {@code position} is the candidate's place in the array, used when Gemini leaves out its index. */
    static GeminiCandidate read(JsonNode candidate, int position) {
        StringBuilder text = new StringBuilder();
        List<FunctionCall> calls = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                JsonNode call = part.get("functionCall");
                calls.add(new FunctionCall(call.path("name").asText(), call.path("args"),
                        part.path("thoughtSignature").textValue()));
            } else if (part.has("text") && !part.path("thought").asBoolean()) {
                // Thought summaries are reasoning, not the answer.
                text.append(part.get("text").asText());
            }
        }
        return new GeminiCandidate(candidate.path("index").asInt(position), text.toString(), List.copyOf(calls),
                candidate.path("finishReason").textValue());
    }

    /** Candidates of a response; a prompt Gemini blocked has none. */
    static List<GeminiCandidate> readAll(JsonNode response) {
        List<GeminiCandidate> candidates = new ArrayList<>();
        JsonNode array = response.path("candidates");
        for (int i = 0; i < array.size(); i++) {
            candidates.add(read(array.get(i), i));
        }
        return candidates;
    }

    static boolean promptBlocked(JsonNode response) {
        return response.path("promptFeedback").hasNonNull("blockReason");
    }
}
