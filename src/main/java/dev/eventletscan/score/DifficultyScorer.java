package dev.eventletscan.score;

import static dev.eventletscan.score.ScoringModel.saturate;

import dev.eventletscan.model.Contributor;
import dev.eventletscan.model.DifficultyScore;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.model.SubScore;
import dev.eventletscan.model.SwitchVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The FAQ's three criteria as sub-scores with the reasons for each, combined as size x (base + patching share +
 * dependency share): the amount of eventlet code sets the scale, the other two make the same code harder. A
 * project with no eventlet code of its own scores 0.
 */
final class DifficultyScorer {
    private final ScoringModel model;

    DifficultyScorer(ScoringModel model) {
        this.model = model;
    }

    DifficultyScore score(UsageFacts facts) {
        if (!facts.ownCode()) {
            Contributor none = new Contributor(NO_OWN_CODE, 0);
            SubScore zero = new SubScore(0, List.of(none));
            return new DifficultyScore(0, model.levelOf(0), zero, zero, zero, List.of(none));
        }
        SubScore size = size(facts);
        SubScore deps = dependencies(facts);
        SubScore patching = patching(facts);
        var c = model.score().combine();
        double multiplier = c.base() + c.patching() * patching.score() / 100 + c.dependencies() * deps.score() / 100;
        double total = round(size.score() * multiplier);
        List<Contributor> why = new ArrayList<>();
        weighted(why, size, c.base());
        weighted(why, deps, c.dependencies() * size.score() / 100);
        weighted(why, patching, c.patching() * size.score() / 100);
        why.sort(Comparator.comparingDouble((Contributor x) -> -Math.abs(x.points())).thenComparing(Contributor::reason));
        return new DifficultyScore(total, model.levelOf(total), size, deps, patching, why.stream().limit(5).toList());
    }

    static final String NO_OWN_CODE = "no eventlet code of the project's own: nothing to migrate";

    private SubScore size(UsageFacts f) {
        var parts = model.score().size().parts();
        List<Contributor> why = new ArrayList<>();
        add(why, parts.get("usagePoints"), saturate(f.usagePoints(), parts.get("usagePoints").half()),
                fmt(f.usagePoints()) + " usage points in " + plural(f.codeFindings().size(), "finding", "findings")
                        + (f.indirectFindings() == 0 ? "" : " (" + f.indirectFindings() + " indirect, through the project's "
                        + "facades and wrappers, at " + Math.round(100 * model.score().size().indirectWeight()) + "%)"));
        add(why, parts.get("filesTouched"), saturate(f.files().size(), parts.get("filesTouched").half()),
                plural(f.files().size(), "file", "files") + " touched" + (f.indirectOnlyFiles().isEmpty() ? ""
                        : " (" + f.indirectOnlyFiles().size() + " only through the project's facades and wrappers)"));
        add(why, parts.get("packagesTouched"), saturate(f.packages().size(), parts.get("packagesTouched").half()),
                plural(f.packages().size(), "package", "packages") + " touched");
        add(why, parts.get("reach"), saturate(f.reachShare(), parts.get("reach").half()),
                Math.round(100 * f.reachShare()) + "% of modules reach eventlet through imports");
        add(why, parts.get("depth"), saturate(f.depth(), parts.get("depth").half()),
                plural(f.depth(), "level", "levels") + " of internal imports above eventlet code");
        add(why, parts.get("callLevels"), saturate(f.calls().depth(), parts.get("callLevels").half()),
                plural(f.calls().depth(), "level", "levels") + " of callers above green calls ("
                        + plural(f.calls().callers(), "function", "functions") + ")");
        return sub(why);
    }

    private SubScore dependencies(UsageFacts f) {
        var model = this.model.score().dependencies();
        double count = 0;
        List<String> names = new ArrayList<>();
        for (UsageFacts.DependencyFact d : f.dependencies()) {
            count += d.verified() ? 1 : model.unverified();
            names.add(d.name() + (d.verified() ? "" : " (unverified)"));
        }
        if (count == 0) {
            return new SubScore(0, List.of(new Contributor("no dependency the project runs in eventlet mode", 0)));
        }
        double points = round(saturate(count, model.half()));
        List<String> evidence = f.dependencies().stream().map(UsageFacts.DependencyFact::evidence).distinct().toList();
        return new SubScore(points, List.of(new Contributor(
                plural(names.size(), "dependency", "dependencies") + " run in eventlet mode: " + String.join(", ", names)
                        + " (" + String.join("; ", evidence) + ")", points)));
    }

    private SubScore patching(UsageFacts f) {
        var p = model.score().patching();
        List<Finding> calls = f.findings().stream().filter(x -> x.monkeyPatch() != null).toList();
        if (calls.isEmpty()) {
            return new SubScore(0, List.of(new Contributor("no monkey_patch call: specific features only", 0)));
        }
        Finding worst = calls.stream().max(Comparator.comparingDouble((Finding x) -> p.mode().get(x.monkeyPatch().mode()))
                .thenComparing(Finding::path, Comparator.reverseOrder())).orElseThrow();
        MonkeyPatchDetails d = worst.monkeyPatch();
        List<Contributor> why = new ArrayList<>();
        why.add(new Contributor(d.mode() + " monkey_patch at " + worst.path() + ":" + worst.line(), p.mode().get(d.mode())));
        if (calls.stream().anyMatch(x -> x.context().packageInit() && !x.context().test())) {
            why.add(new Contributor("patching in a package __init__.py", p.modifiers().get("packageInit")));
        }
        if (calls.stream().anyMatch(x -> !x.context().entryPoints().isEmpty() || x.context().mainBlock())) {
            why.add(new Contributor("patching on an entry point's start-up path", p.modifiers().get("entryPoint")));
        }
        SwitchVerdict off = f.switchOff();
        if (off != null && off.answer().equals(SwitchVerdict.YES)) {
            why.add(new Contributor("eventlet can be switched off: " + off.reason(), p.modifiers().get("switchable")));
        } else if (off != null && off.answer().equals(SwitchVerdict.MAYBE)) {
            why.add(new Contributor("eventlet can maybe be switched off: " + off.reason(), p.modifiers().get("switchableMaybe")));
        }
        if (calls.stream().allMatch(x -> x.context().test())) {
            why.add(new Contributor("only test code patches", p.modifiers().get("testsOnly")));
        }
        double total = why.stream().mapToDouble(Contributor::points).sum();
        return new SubScore(round(Math.max(0, Math.min(100, total))), why);
    }

    private static void add(List<Contributor> why, ScoringModel.Part part, double points, String reason) {
        why.add(new Contributor(reason, round(part.weight() * points)));
    }

    private static SubScore sub(List<Contributor> why) {
        return new SubScore(round(why.stream().mapToDouble(Contributor::points).sum()), why);
    }

    private static void weighted(List<Contributor> out, SubScore sub, double weight) {
        for (Contributor c : sub.why()) {
            if (c.points() != 0) {
                out.add(new Contributor(c.reason(), round(weight * c.points())));
            }
        }
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(round(x));
    }
}
