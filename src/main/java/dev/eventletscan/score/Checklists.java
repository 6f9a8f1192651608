package dev.eventletscan.score;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.SwitchOffChecklist;
import dev.eventletscan.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The switch-off checklist of each component: its threading hazards and the test modules tied to eventlet's
 * scheduling come before the step that switches eventlet off. Hazards do not move the score: they are listed, not
 * weighed, so the calibrated model stays what it was fitted on.
 */
final class Checklists {
    /** Folders that hold tests of the code beside them: left out when a test module is matched to its component. */
    private static final Set<String> TEST_FOLDERS = Set.of("tests", "test", "unit", "functional", "unittests");
    /** A test module depends on eventlet's scheduling when it has one of these (mocks of eventlet names included). */
    private static final Set<String> SCHEDULING = Set.of(RuleSet.HAZARD_CATEGORY, "test-mock");

    private Checklists() {}

    /** Whether a finding is a threading hazard: it goes to the checklist, not to the score. */
    static boolean isHazard(Finding f) {
        return f.category().equals(RuleSet.HAZARD_CATEGORY);
    }

    /**
     * @param hazards the threading-hazard findings
     * @param all every finding (for the mocks of eventlet names in tests and the monkey_patch calls)
     */
    static List<SwitchOffChecklist> of(List<Finding> hazards, List<Finding> all, Components components) {
        Map<String, List<String>> byComponent = new TreeMap<>();
        for (Finding f : hazards) {
            if (!f.context().test()) {
                byComponent.computeIfAbsent(components.componentOf(f.path()), k -> new ArrayList<>())
                        .add(f.ruleId() + " " + f.path() + ":" + f.line() + " " + f.message());
            }
        }
        Map<String, Set<String>> tests = new TreeMap<>();
        Map<String, Set<String>> patches = new TreeMap<>();
        for (Finding f : all) {
            if (f.context().test() && SCHEDULING.contains(f.category()) && Components.isPython(f.path())) {
                tests.computeIfAbsent(testedComponent(f.path(), components), k -> new TreeSet<>()).add(f.path());
            }
            if (f.isMonkeyPatchCall() && !f.context().test()) {
                patches.computeIfAbsent(components.componentOf(f.path()), k -> new TreeSet<>()).add(f.path() + ":" + f.line());
            }
        }
        Set<String> keys = new TreeSet<>(byComponent.keySet());
        keys.addAll(tests.keySet());
        List<SwitchOffChecklist> out = new ArrayList<>();
        for (String path : keys) {
            List<String> own = byComponent.getOrDefault(path, List.of());
            List<String> testModules = List.copyOf(tests.getOrDefault(path, Set.of()));
            Set<String> patched = patches.getOrDefault(path, Set.of());
            String step = patched.isEmpty()
                    ? "then switch eventlet off: replace its eventlet calls with their threading or asyncio equivalents"
                    : "then switch eventlet off: remove or guard the monkey_patch at " + String.join(", ", patched);
            out.add(new SwitchOffChecklist(Components.displayName(path), path, own, testModules.size(), testModules, step));
        }
        return out;
    }

    /** The component a test module tests: its folder without test folders, when that is a component; else its own. */
    static String testedComponent(String path, Components components) {
        List<String> kept = new ArrayList<>();
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!TEST_FOLDERS.contains(parts[i])) {
                kept.add(parts[i]);
            }
        }
        String dir = String.join("/", kept);
        if (!dir.isEmpty() && kept.size() < parts.length - 1 && components.isComponentFolder(dir)) {
            return dir;
        }
        return components.componentOf(path);
    }
}
