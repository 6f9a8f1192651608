package dev.eventletscan.score;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.SwitchEvidence;
import dev.eventletscan.model.SwitchVerdict;
import java.util.ArrayList;
import java.util.List;
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
        }
        return null;
    }

    /**
     * @param findings the component's findings (those of the code an entry point loads, or all of them)
     * @param switching the patching helpers something calls, and the backend options chosen in code
     * @param files the component's files, for the backend options; null for every file
     */
    static SwitchVerdict verdict(List<Finding> findings, Assessor.Switching switching, Set<String> files) {
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
                String kind = switchKind(f.monkeyPatch().conditions());
                String where = f.monkeyPatch().conditions().isEmpty() ? "runs unconditionally"
                        : "runs if " + String.join(" and ", f.monkeyPatch().conditions());
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
        return !f.isIndirect() || f.via().stream().noneMatch(h -> h.kind().equals(dev.eventletscan.model.Hop.WRAPPER));
    }

    private static String describe(String switchKind) {
        return switch (switchKind) {
            case "environment" -> "an environment variable";
            case "option" -> "an option";
            default -> "a check of how the process was patched";
        };
    }
}
