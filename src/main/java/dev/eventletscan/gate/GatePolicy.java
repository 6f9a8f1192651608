package dev.eventletscan.gate;

import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.GateResult;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The CI gates: which findings, score or categories fail a build.
 *
 * <p>Gates count findings of {@code minimumSeverity} or above (default low, so a new mention in the docs, which
 * is info, fails nothing), except a category gate, which counts every finding of the category it names. When the
 * result was compared with a baseline or a git base, {@code new} and category gates count new findings only: old
 * usage never blocks a change, which is what lets a team adopt the gate before the migration is done.
 *
 * @param failOn which findings fail the build
 * @param failOnScore fail when the repository's difficulty score is at or above this, or null
 * @param failOnCategories fail on any (new) finding of these categories
 */
public record GatePolicy(FailOn failOn, Double failOnScore, List<String> failOnCategories, Severity minimumSeverity) {
    public static final GatePolicy NONE = new GatePolicy(FailOn.NONE, null, List.of(), Severity.LOW);

    public GatePolicy {
        failOnCategories = List.copyOf(failOnCategories);
        if (failOnScore != null && (failOnScore < 0 || failOnScore > 100 || failOnScore.isNaN())) {
            throw new IllegalArgumentException("the score gate must be between 0 and 100, was " + failOnScore);
        }
    }

    /** Whether any gate is set; without one, a scan never fails. */
    public boolean active() {
        return failOn != FailOn.NONE || failOnScore != null || !failOnCategories.isEmpty();
    }

    public GateResult evaluate(ScanResult result) {
        List<String> gates = new ArrayList<>();
        List<GateResult.Failure> failures = new ArrayList<>();
        boolean compared = result.comparison() != null;
        String severities = minimumSeverity == Severity.INFO ? "" : " of severity " + minimumSeverity.id() + " or above";
        if (failOn != FailOn.NONE) {
            String gate = "--fail-on " + failOn.id();
            gates.add(gate);
            boolean onlyNew = failOn == FailOn.NEW && compared;
            List<Finding> hits = matching(result, f -> f.severity().compareTo(minimumSeverity) >= 0 && (!onlyNew || f.isNew()));
            if (!hits.isEmpty()) {
                String what = failOn == FailOn.ANY || compared ? "" : " (nothing to compare with, so every finding is new)";
                String kind = failOn == FailOn.NEW ? "new finding" : "finding";
                failures.add(failure(gate, count(hits.size(), kind) + severities
                        + (onlyNew ? " against " + result.comparison().against() : "") + what, hits));
            }
        }
        if (failOnScore != null) {
            String gate = "--fail-on-score " + number(failOnScore);
            gates.add(gate);
            double score = result.assessment() == null ? 0 : result.assessment().repository().difficulty().score();
            if (score >= failOnScore) {
                failures.add(new GateResult.Failure(gate, "difficulty " + number(score) + "/100 is at or above "
                        + number(failOnScore), List.of()));
            }
        }
        for (String category : failOnCategories) {
            String gate = "--fail-on-category " + category;
            gates.add(gate);
            List<Finding> hits = matching(result, f -> f.category().equalsIgnoreCase(category) && (!compared || f.isNew()));
            if (!hits.isEmpty()) {
                failures.add(failure(gate, count(hits.size(), (compared ? "new " : "") + category + " finding"), hits));
            }
        }
        return new GateResult(failures.isEmpty(), gates, failures);
    }

    private static List<Finding> matching(ScanResult result, Predicate<Finding> test) {
        return result.findings().stream().filter(test).toList();
    }

    private static GateResult.Failure failure(String gate, String reason, List<Finding> hits) {
        return new GateResult.Failure(gate, reason, hits.stream().map(GateResult.Cause::of).toList());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
