package dev.eventletscan.score;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.Hop;
import dev.eventletscan.model.SwitchEvidence;
import dev.eventletscan.model.SwitchVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Can eventlet be switched off? The guide's "is eventlet disablable" question answered from the code: where
 * monkey_patch runs (at its call, or where a patching helper is called), under which conditions, whether the code
 * checks {@code is_monkey_patched} or picks an oslo.service backend, and whether explicit primitives run whatever
 * the switch says. Test code is left out: a test run is no process to switch.
 */
final class Switches {
    /** Categories of primitives that need eventlet to run, patched or not. */
    static final Set<String> RUNS_ON_EVENTLET = Set.of("green-thread", "pool", "timeout", "sync", "tpool", "network", "wsgi",
            "websocket", "green-module");
    private static final Set<String> RUNS = Set.of("call", "with", "decorator");
    private static final String DUAL_MODE_CHECK = "eventlet.patcher.is_monkey_patched";
    private static final Pattern ENVIRONMENT = Pattern.compile("\\benviron\\b|\\bgetenv\\b");
    private static final Pattern OPTION = Pattern.compile(
            "\\b(?:CONF|conf|cfg|args|options|opts|flags|FLAGS|settings|config|parsed_args|argv)\\s*[.\\[]|\\bget_backend\\b|BackendType");

    private Switches() {}

    /** What switches a patch call on or off, from the conditions it runs under: null when none is a switch. */
    static String switchKind(List<String> conditions) {
        for (String c : conditions) {
            if (c.contains("is_monkey_patched")) {
                return "dual-mode";
            }
            if (ENVIRONMENT.matcher(c).find()) {
                return "environment";
            }
            if (OPTION.matcher(c).find()) {
                return "option";
            }
            if (c.contains(ARGUMENT)) {
                return "argument";
            }
        }
        return null;
    }

    /** How {@link dev.eventletscan.detect.SwitchSources} marks a name that is a parameter of the patching helper. */
    private static final String ARGUMENT = ": an argument of ";

    /**
     * A patch call's conditions, and for one reached through the project's helpers, the conditions each helper's own
     * patching call runs under inside it: {@code patch()} runs nothing when its own {@code if should_patch:} says so.
     */
    static List<String> conditions(Finding f, Map<String, List<Finding>> patchesByFunction) {
        List<String> out = new ArrayList<>(f.monkeyPatch().conditions());
        Finding at = f;
        for (int depth = 0; depth < 4 && at.isIndirect() && !at.via().isEmpty(); depth++) {
            var hop = at.via().getFirst();
            String function = hop.name().substring(hop.name().lastIndexOf('.') + 1);
            List<Finding> inside = patchesByFunction.getOrDefault(hop.path() + "#" + function, List.of());
            if (inside.isEmpty()) {
                break;
            }
            // a helper that patches in every branch (if/else by platform) patches whatever the branch: only the
            // conditions all its patch calls share are the helper's
            List<String> shared = inside.getFirst().monkeyPatch().conditions();
            for (Finding other : inside) {
                List<String> theirs = other.monkeyPatch().conditions();
                int n = 0;
                while (n < shared.size() && n < theirs.size() && shared.get(n).equals(theirs.get(n))) {
                    n++;
                }
                shared = shared.subList(0, n);
            }
            at = inside.getFirst();
            for (String c : shared) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    static Map<String, List<Finding>> patchesByFunction(List<Finding> findings) {
        Map<String, List<Finding>> out = new HashMap<>();
        for (Finding f : findings) {
            if (f.monkeyPatch() != null && f.scope() != null && !f.scope().isEmpty()) {
                String function = f.scope().substring(f.scope().lastIndexOf('.') + 1);
                out.computeIfAbsent(f.path() + "#" + function, k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    /**
     * @param findings the component's findings (those of the code an entry point loads, or all of them)
     * @param switching the patching helpers something calls, and the backend options chosen in code
     * @param files the component's files, for the backend options; null for every file
     */
    static SwitchVerdict verdict(List<Finding> findings, Assessor.Switching switching, Set<String> files) {
        return verdict(findings, switching, files, patchesByFunction(findings));
    }

    /** @param patchesByFunction every patch call by {@code path#function}, to follow a helper chain into its helpers */
    static SwitchVerdict verdict(List<Finding> findings, Assessor.Switching switching, Set<String> files,
            Map<String, List<Finding>> patchesByFunction) {
        List<SwitchEvidence> switched = new ArrayList<>();
        List<SwitchEvidence> unswitched = new ArrayList<>();
        List<SwitchEvidence> dualMode = new ArrayList<>();
        List<Finding> primitives = new ArrayList<>();
        for (Finding f : findings) {
            if (f.context().test()) {
                continue;
            }
            // a helper's own call runs where the helper is called: those calls are the evidence
            if (f.monkeyPatch() != null && !(f.isMonkeyPatchCall() && switching.calledPatchHelpers().contains(f.path() + "#" + f.scope()))) {
                List<String> conditions = conditions(f, patchesByFunction);
                String kind = switchKind(conditions);
                String where = conditions.isEmpty() ? "runs unconditionally" : "runs if " + String.join(" and ", conditions);
                (kind != null ? switched : unswitched).add(new SwitchEvidence(kind != null ? "switched-patch" : "unswitched-patch",
                        kind, f.path(), f.line(), f.code() + " " + where));
            } else if (f.symbol().equals(DUAL_MODE_CHECK) && !f.isIndirect()) {
                dualMode.add(new SwitchEvidence("dual-mode-check", "dual-mode", f.path(), f.line(), f.code()));
            } else if (facadeOnly(f) && RUNS_ON_EVENTLET.contains(f.category()) && RUNS.contains(f.usage()) && !f.guarded()) {
                primitives.add(f);
            }
        }
        for (SwitchEvidence b : switching.backendOptions()) {
            if (files == null || files.contains(b.path())) {
                dualMode.add(b);
            }
        }
        List<SwitchEvidence> evidence = new ArrayList<>();
        evidence.addAll(unswitched);
        evidence.addAll(switched);
        evidence.addAll(dualMode.stream().limit(5).toList());
        if (!primitives.isEmpty()) {
            Finding first = primitives.getFirst();
            evidence.add(new SwitchEvidence("green-primitives", null, first.path(), first.line(),
                    DifficultyScorer.plural(primitives.size(), "explicit eventlet primitive runs", "explicit eventlet primitives run")
                            + " whatever a switch says, the first " + first.symbol()));
        }
        String primitivesRun = DifficultyScorer.plural(primitives.size(), "explicit eventlet primitive runs", "explicit eventlet primitives run");
        if (!unswitched.isEmpty()) {
            SwitchEvidence u = unswitched.getFirst();
            return new SwitchVerdict(SwitchVerdict.NO, "monkey_patch at " + u.path() + ":" + u.line() + " "
                    + (u.detail().endsWith("runs unconditionally") ? "runs unconditionally" : "runs under a condition that is no switch"),
                    evidence);
        }
        if (!switched.isEmpty()) {
            SwitchEvidence s = switched.getFirst();
            String by = "every monkey_patch runs only when " + describe(s.switchKind()) + " says so (" + s.path() + ":" + s.line() + ")";
            return primitives.isEmpty()
                    ? new SwitchVerdict(SwitchVerdict.YES, by, evidence)
                    : new SwitchVerdict(SwitchVerdict.MAYBE, by + ", but " + primitivesRun + " on eventlet whatever it says", evidence);
        }
        if (primitives.isEmpty()) {
            return new SwitchVerdict(SwitchVerdict.YES, dualMode.isEmpty() ? "nothing patches and no explicit eventlet primitive runs"
                    : "nothing patches, and the code checks which mode it runs in", evidence);
        }
        return dualMode.isEmpty()
                ? new SwitchVerdict(SwitchVerdict.NO, primitivesRun + " on eventlet and nothing switches "
                        + (primitives.size() == 1 ? "it" : "them"), evidence)
                : new SwitchVerdict(SwitchVerdict.MAYBE, "the code checks which mode it runs in, but " + primitivesRun
                        + " on eventlet whatever the mode", evidence);
    }

    /**
     * Direct, or through facades only: a facade name is eventlet's own object, so its calls run on eventlet whatever
     * a switch says; a wrapper may choose (and is counted at its own primitive calls).
     */
    private static boolean facadeOnly(Finding f) {
        return !f.isIndirect() || f.via().stream().noneMatch(h -> h.kind().equals(Hop.WRAPPER));
    }

    private static String describe(String switchKind) {
        return switch (switchKind) {
            case "environment" -> "an environment variable";
            case "option" -> "an option";
            case "argument" -> "the argument its caller passes";
            default -> "a check of how the process was patched";
        };
    }
}
