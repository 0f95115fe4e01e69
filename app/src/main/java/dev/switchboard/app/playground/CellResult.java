package dev.switchboard.app.playground;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one call produced, as shown in its cell and saved in the experiment. Metrics are null until known (and
 * stay null when the provider reports no usage, or the model has no price: never a guess).
 *
 * @param error    the provider's or gateway's message when the call failed
 * @param traceId  the gateway's trace of this call, to find it in Traces
 * @param verdicts one per assertion of the row, once the call has finished
 */
public record CellResult(CellStatus status, String output, Long ttftMs, Long latencyMs, Integer inputTokens,
                         Integer outputTokens, BigDecimal costUsd, String error, String traceId,
                         List<Verdict> verdicts) {

    public static final CellResult QUEUED = new CellResult(CellStatus.QUEUED, "", null, null, null, null, null, null,
            null, List.of());

    public CellResult {
        output = output == null ? "" : output;
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    /** True when every assertion passed, false when one failed, null when there are none or the call is running. */
    public Boolean passed() {
        if (!status.finished() || verdicts.isEmpty()) {
            return null;
        }
        return verdicts.stream().allMatch(Verdict::passed);
    }
}
