package dev.eventletscan.score;

import dev.eventletscan.model.Contributor;
import dev.eventletscan.model.EffortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Person-days as the changed lines a migration of this much eventlet code took in the calibration set, divided
 * by one productivity figure: lines = linesPerPoint x usage points ^ exponent x factors, days = lines /
 * linesPerDay. No eventlet code of the project's own, no effort.
 */
final class EffortEstimator {
    private final ScoringModel.Effort model;

    EffortEstimator(ScoringModel model) {
        this.model = model.effort();
    }

    EffortRange estimate(UsageFacts facts) {
        double points = facts.usagePoints();
        if (!facts.ownCode() || points <= 0) {
            return new EffortRange(0, 0, 0, List.of());
        }
        Map<String, Double> f = model.factors();
        List<Contributor> factors = new ArrayList<>();
        double factor = 1;
        Double global = f.get("globalPatching");
        if (global != null && facts.findings().stream().anyMatch(x -> x.monkeyPatch() != null
                && !x.monkeyPatch().mode().equals("partial") && !x.context().test())) {
            factor *= global;
            factors.add(new Contributor("global monkey patching", global));
        }
        double lines = model.linesPerPoint() * Math.pow(points, model.exponent()) * factor;
        double days = lines / model.linesPerDay();
        return new EffortRange(round(days * model.range().low()), round(days * model.range().high()),
                DifficultyScorer.round(points), factors);
    }

    private static double round(double days) {
        return days < 10 ? Math.round(days * 10) / 10.0 : Math.round(days);
    }
}
