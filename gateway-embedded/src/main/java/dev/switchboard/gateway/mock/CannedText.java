package dev.switchboard.gateway.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Deterministic, readable reply text: a ring of sentences entered at a point chosen by a seed (the hash of the last
 * message). A full reply is whole sentences, as close to the wanted length as sentence ends allow; a reply cut by
 * the caller's max_tokens stops mid-sentence, as a real one does. Every reply is built once and then reused, so
 * the benchmark's hot path only picks one.
 */
final class CannedText {
    private static final List<List<String>> SENTENCES = Stream.of(
            "Sure, here is a short overview of the main points to consider.",
            "The quickest way to start is to try a small example first and build from there.",
            "In most cases the default settings work well, so change them only when you need to.",
            "Keep requests small and specific; it makes the answers easier to check.",
            "A good next step is to compare two options side by side and measure the difference.",
            "This reply comes from the Switchboard mock provider, so no real tokens were billed.",
            "Traces, token counts and costs for this request show up in the gateway as usual.",
            "If you need more detail, ask a follow-up question and I will expand on any part.",
            "Caching repeated prompts can cut both latency and cost noticeably.",
            "Streaming lets the first words arrive sooner, which makes a reply feel faster.",
            "Retries with backoff help when a provider is briefly rate limited.",
            "Routing between providers keeps an app working when one of them is down.")
            .map(sentence -> List.of(sentence.split(" ")))
            .toList();

    private final Reply.Text[] fullReplies;
    /**
     * Cut replies by entry and length, built on first use (building all up front would be costly for a long
     * --tokens); bounded, as cuts are only asked for below the full reply's length.
     */
    private final Map<Long, Reply.Text> cutReplies = new ConcurrentHashMap<>();

    CannedText(int tokens) {
        this.fullReplies = new Reply.Text[SENTENCES.size()];
        for (int entry = 0; entry < SENTENCES.size(); entry++) {
            fullReplies[entry] = text(words(entry, wholeSentenceLength(entry, tokens)));
        }
    }

    /** The full-length reply for a seed. */
    Reply.Text full(int seed) {
        return fullReplies[Math.floorMod(seed, SENTENCES.size())];
    }

    /** A reply cut off after {@code tokens} tokens, as when the caller's max_tokens is reached. */
    Reply.Text truncated(int seed, int tokens) {
        int entry = Math.floorMod(seed, SENTENCES.size());
        return cutReplies.computeIfAbsent((long) entry << 32 | tokens, key -> text(words(entry, tokens)));
    }

    /**
     * The length of the run of whole sentences from {@code entry} closest to {@code tokens}; exactly {@code tokens}
     * when even the first sentence is over twice that, so tiny replies stay tiny.
     */
    private static int wholeSentenceLength(int entry, int tokens) {
        int before = 0;
        for (int sentence = entry; ; sentence = (sentence + 1) % SENTENCES.size()) {
            int after = before + SENTENCES.get(sentence).size();
            if (after >= tokens) {
                if (before == 0) {
                    return after > 2 * tokens ? tokens : after;
                }
                return tokens - before <= after - tokens ? before : after;
            }
            before = after;
        }
    }

    /** The first {@code count} words from {@code entry} on, with the leading spaces a tokenizer keeps. */
    private static List<String> words(int entry, int count) {
        List<String> pieces = new ArrayList<>(count);
        for (int sentence = entry; pieces.size() < count; sentence = (sentence + 1) % SENTENCES.size()) {
            for (String word : SENTENCES.get(sentence)) {
                if (pieces.size() == count) {
                    break;
                }
                pieces.add(pieces.isEmpty() ? word : " " + word);
            }
        }
        return pieces;
    }

    private static Reply.Text text(List<String> pieces) {
        return new Reply.Text(String.join("", pieces), List.copyOf(pieces));
    }
}
