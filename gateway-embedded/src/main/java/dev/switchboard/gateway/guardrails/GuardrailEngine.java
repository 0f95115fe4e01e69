package dev.switchboard.gateway.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one phase's guardrails against a chat request (input) or chat completion (output). Guardrails and their checks
 * run in config order, all of them even after a failure, so {@code hook_results} is complete. A redaction applies to
 * the working copy at once, so later checks see the redacted text. A check that throws counts as failed (fail closed)
 * with the reason in its {@code error}. Never mutates the body it is given.
 */
public final class GuardrailEngine {
    private static final Logger LOG = LoggerFactory.getLogger(GuardrailEngine.class);

    private final LongSupplier nanoTime;

    public GuardrailEngine() {
        this(System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds, replaceable in tests */
    public GuardrailEngine(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * @param body     the OpenAI chat request (input) or chat completion (output); not modified
     * @param metadata the caller's metadata ({@code x-portkey-metadata}); may be null
     * @param model    the request's model; may be null
     */
    public HookOutcome run(List<Guardrail> guardrails, Phase phase, ObjectNode body, Map<String, String> metadata,
            String model) {
        if (guardrails.isEmpty()) {
            return HookOutcome.none(body);
        }
        Map<String, String> safeMetadata = metadata == null ? Map.of() : metadata;
        ObjectNode working = body.deepCopy();
        List<HookResult> results = new ArrayList<>();
        boolean denied = false;
        boolean failed = false;
        for (Guardrail guardrail : guardrails) {
            // An async guardrail only observes (as in Portkey): its redactions land on a throwaway copy.
            ObjectNode target = guardrail.async() ? working.deepCopy() : working;
            long started = nanoTime.getAsLong();
            List<CheckResult> checks = new ArrayList<>();
            for (GuardrailCheck check : guardrail.checks()) {
                checks.add(evaluate(check, phase, target, safeMetadata, model));
            }
            boolean verdict = checks.stream().allMatch(CheckResult::verdict);
            results.add(new HookResult(guardrail.id(), verdict, guardrail.deny(), guardrail.async(), checks,
                    millisSince(started)));
            if (!verdict && !guardrail.async()) {
                failed = true;
                denied |= guardrail.deny();
            }
        }
        return new HookOutcome(results, denied, failed, working);
    }

    private CheckResult evaluate(GuardrailCheck configured, Phase phase, ObjectNode target, Map<String, String> metadata,
            String model) {
        long started = nanoTime.getAsLong();
        List<TextSlot> slots = ChatText.slots(phase, target, configured.check().scope());
        try {
            CheckOutcome outcome = configured.check().evaluate(
                    new CheckContext(phase, ChatText.join(slots), model, metadata));
            if (outcome.rewrite() != null) {
                for (TextSlot slot : slots) {
                    String original = slot.get();
                    String rewritten = outcome.rewrite().apply(original);
                    if (!rewritten.equals(original)) {
                        slot.set(rewritten);
                    }
                }
            }
            boolean verdict = outcome.verdict() != configured.not();
            if (configured.not()) {
                outcome.data().put("not", true);
            }
            return new CheckResult(configured.id(), verdict, outcome.data(), null, millisSince(started));
        } catch (RuntimeException e) {
            LOG.warn("Guardrail check {} could not run: {}", configured.id(), e.getMessage());
            return new CheckResult(configured.id(), false, null, configured.id() + " could not run: " + e.getMessage(),
                    millisSince(started));
        }
    }

    private long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - startedNanos);
    }
}
