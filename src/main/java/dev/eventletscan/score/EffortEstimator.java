package dev.eventletscan.score;

import dev.eventletscan.model.Contributor;
import dev.eventletscan.model.EffortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Person-days from usage points (effort per occurrence, as rule weights say),
 * multiplied by factors for global patching, import depth, dependencies that
 * must move first, and code no test exercises.
 */
final class EffortEstimator {
    private final ScoringModel.Effort model;
    private final ScoringModel scoring;

    EffortEstimator(ScoringModel model) {
        this.model = model.effort();
        this.scoring = model;
    }

    EffortRange estimate(UsageFacts facts) {
        double points = facts.findings().stream().mapToDouble(f -> UsageFacts.weight(f, scoring)).sum();
        Map<String, Double> f = model.factors();
        List<Contributor> factors = new ArrayList<>();
        double factor = 1;
        if (facts.findings().stream().anyMatch(x -> x.monkeyPatch() != null && !x.monkeyPatch().mode().equals("partial")
                && !x.context().test())) {
            factor *= f.get("globalPatching");
            factors.add(new Contributor("global monkey patching", f.get("globalPatching")));
        }
        if (facts.depth() > 0) {
            double d = 1 + f.get("depthPerLevel") * facts.depth();
            factor *= d;
            factors.add(new Contributor(facts.depth() + " import levels above eventlet code", DifficultyScorer.round(d * 100) / 100));
        }
        long deps = facts.dependencies().size();
        if (deps > 0) {
            double d = 1 + f.get("perDependency") * deps;
            factor *= d;
            factors.add(new Contributor(DifficultyScorer.plural((int) deps, "dependency that uses", "dependencies that use") + " eventlet",
                    Math.round(d * 100) / 100.0));
        }
        if (facts.untestedShare() > 0) {
            double u = 1 + f.get("untested") * facts.untestedShare();
            factor *= u;
            factors.add(new Contributor(Math.round(100 * facts.untestedShare()) + "% of touched files untested",
                    Math.round(u * 100) / 100.0));
        }
        double days = points * model.hoursPerPoint() * factor / model.hoursPerDay();
        return new EffortRange(round(days * model.range().low()), round(days * model.range().high()),
                DifficultyScorer.round(points), factors);
    }

    private static double round(double days) {
        return days < 10 ? Math.round(days * 10) / 10.0 : Math.round(days);
    }
}
