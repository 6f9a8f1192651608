package dev.eventletscan.model;

import java.util.List;

/**
 * The CI gates asked for and how they ended.
 *
 * @param gates each gate as the option that set it ({@code --fail-on new}, {@code --fail-on-score 60})
 * @param failures the gates that failed, each with its reason and the findings that caused it
 */
public record GateResult(boolean passed, List<String> gates, List<Failure> failures) {
    public GateResult {
        gates = List.copyOf(gates);
        failures = List.copyOf(failures);
    }

    /**
     * @param reason one line, e.g. "2 new findings of severity low or above"
     * @param causes the findings behind it, in report order (none for a score gate)
     */
    public record Failure(String gate, String reason, List<Cause> causes) {
        public Failure {
            causes = List.copyOf(causes);
        }
    }

    /** Where a finding that failed a gate is. */
    public record Cause(String path, int line, int column, String ruleId, String message) {
        public static Cause of(Finding f) {
            return new Cause(f.path(), f.line(), f.column(), f.ruleId(), f.message());
        }
    }
}
