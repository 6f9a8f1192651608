package dev.eventletscan.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.SwitchOffChecklist;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Threading hazards reach the plan as switch-off checklists, and leave the score alone (issue 24). */
class HazardChecklistTest {
    private static ScanResult scan(List<String> disabled) throws IOException {
        var request = new ScanRequest(TestSupport.sample("thread-hazards"), List.of(), List.of(), 1, List.of(), disabled, List.of());
        return Scanner.forRequest(request).scan(request);
    }

    @Test
    void componentChecklistListsHazardsAndSchedulingTestsBeforeTheSwitch() throws IOException {
        List<SwitchOffChecklist> lists = scan(List.of()).assessment().checklists();
        assertThat(lists).extracting(SwitchOffChecklist::path).containsExactly("hazard_service");
        SwitchOffChecklist c = lists.getFirst();
        assertThat(c.hazards()).anyMatch(h -> h.startsWith("EVH300 hazard_service/entry.py:6 threading ")
                && h.contains("hazard_service.entry -> hazard_service.a -> hazard_service.b -> threading"));
        assertThat(c.hazards()).anyMatch(h -> h.startsWith("EVH109 hazard_service/workers.py:14 "));
        assertThat(c.hazards()).noneMatch(h -> h.contains("/tests/")); // test hazards count as test coupling instead
        assertThat(c.testModulesOnScheduling()).isEqualTo(1);
        assertThat(c.testModules()).containsExactly("hazard_service/tests/test_workers.py");
        assertThat(c.switchOff()).contains("monkey_patch at hazard_service/entry.py:6");
    }

    @Test
    void hazardsDoNotMoveTheScoreOrTheEffort() throws IOException {
        ScanResult with = scan(List.of());
        ScanResult without = scan(List.of("threading-hazard"));
        assertThat(with.findings()).anyMatch(f -> f.category().equals("threading-hazard"));
        assertThat(without.findings()).noneMatch(f -> f.category().equals("threading-hazard"));
        assertThat(with.assessment().repository().difficulty()).isEqualTo(without.assessment().repository().difficulty());
        assertThat(with.assessment().repository().effort()).isEqualTo(without.assessment().repository().effort());
        assertThat(with.assessment().plan()).isEqualTo(without.assessment().plan());
        assertThat(without.assessment().checklists()).allMatch(c -> c.hazards().isEmpty());
    }

    @Test
    void patchOrderFindingNamesTheChainAtThePatchCall() throws IOException {
        List<Finding> order = scan(List.of()).findings().stream().filter(f -> f.ruleId().equals("EVH300")).toList();
        assertThat(order).extracting(Finding::symbol).containsExactly("hazard_service.b", "threading");
        assertThat(order).allMatch(f -> f.path().equals("hazard_service/entry.py") && f.line() == 6);
        assertThat(order.getLast().message()).contains("(hazard_service.entry -> hazard_service.a -> hazard_service.b -> threading,"
                + " before monkey_patch at hazard_service/entry.py:6)");
    }
}
