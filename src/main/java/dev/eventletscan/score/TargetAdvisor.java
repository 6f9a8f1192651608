package dev.eventletscan.score;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.Recommendation;
import dev.eventletscan.rules.DottedPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The guide's decision tree: asyncio when the code is small or shallow, or
 * mostly network I/O; threads when many sub-modules are involved and the
 * green calls are deeply rooted; asyncio made incremental with awaitlet when
 * deep code is mostly network I/O.
 */
final class TargetAdvisor {
    private final ScoringModel.Advice model;
    private final List<DottedPattern> networkSymbols;

    TargetAdvisor(ScoringModel model) {
        this.model = model.recommendation();
        this.networkSymbols = this.model.networkSymbols().stream().map(DottedPattern::of).toList();
    }

    Recommendation recommend(UsageFacts facts) {
        double network = networkShare(facts.codeFindings(), facts.usagePoints());
        boolean small = facts.usagePoints() <= model.smallUsagePoints() || facts.files().size() <= model.fewFiles();
        boolean shallow = facts.depth() <= model.shallowDepth();
        boolean networky = network >= model.networkShare();
        List<String> signals = new ArrayList<>();
        signals.add((small ? "small: " : "large: ") + DifficultyScorer.fmt(facts.usagePoints()) + " usage points in "
                + facts.files().size() + " files");
        signals.add((shallow ? "shallow: " : "deep: ") + DifficultyScorer.plural(facts.depth(), "import level", "import levels")
                + " above eventlet code");
        signals.add(Math.round(100 * network) + "% of usage is network I/O (sockets, HTTP, WSGI, websockets)");
        String target;
        if (facts.files().isEmpty()) {
            target = "none";
            signals.add("no eventlet usage in code");
        } else if ((small && shallow) || (networky && shallow)) {
            target = "asyncio";
        } else if (networky) {
            target = "asyncio+awaitlet";
            signals.add("deep but network-bound: move to asyncio at a boundary, awaitlet keeps synchronous callers");
        } else {
            target = "threading";
            signals.add("many modules and background work: native threads keep the refactoring small");
        }
        return new Recommendation(target, signals);
    }

    double networkShare(List<Finding> code, double points) {
        if (points <= 0) {
            return 0;
        }
        Set<String> categories = Set.copyOf(model.networkCategories());
        double network = 0;
        for (Finding f : code) {
            if (categories.contains(f.category()) || networkSymbols.stream().anyMatch(p -> p.matches(f.symbol()))) {
                network += f.weight();
            }
        }
        return network / points;
    }
}
