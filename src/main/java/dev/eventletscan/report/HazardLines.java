package dev.eventletscan.report;

import dev.eventletscan.model.SwitchOffChecklist;
import java.util.List;

/** The sentences the text and Markdown reports say about threading hazards and tests tied to eventlet's scheduling. */
final class HazardLines {
    private HazardLines() {}

    /** One line for the whole scan: hazards in code, and test modules that depend on eventlet's scheduling. */
    static String summary(List<SwitchOffChecklist> checklists) {
        int hazards = checklists.stream().mapToInt(c -> c.hazards().size()).sum();
        long components = checklists.stream().filter(c -> !c.hazards().isEmpty()).count();
        int tests = checklists.stream().mapToInt(SwitchOffChecklist::testModulesOnScheduling).sum();
        return "threading hazards to settle before switching eventlet off: " + hazards + " in " + components
                + (components == 1 ? " component" : " components") + "; " + tests + (tests == 1 ? " test module depends" : " test modules depend")
                + " on eventlet scheduling";
    }

    /** The checklist item for a component's tests. */
    static String tests(SwitchOffChecklist c) {
        int n = c.testModulesOnScheduling();
        return n + (n == 1 ? " test module depends" : " test modules depend") + " on eventlet scheduling (mocks of eventlet names,"
                + " sleep(0) yields, monkey_patch in set-up, asserts right after a spawn): " + String.join(", ",
                        c.testModules().stream().limit(5).toList()) + (n > 5 ? ", ..." : "");
    }
}
