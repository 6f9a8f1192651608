package dev.eventletscan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingIdentity;
import dev.eventletscan.model.Hop;
import dev.eventletscan.model.Severity;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which findings a baseline holds: identity without line numbers, relaxed step by step, counted one to one. */
class BaselineMatcherTest {
    static Finding finding(String path, String rule, String symbol, String scope, String code, int line) {
        return new Finding(rule, "green-thread", Severity.MEDIUM, 1, path, line, 5, line, 20, symbol, "call", "m", code, scope,
                false, null, null, null);
    }

    static List<BaselineEntry> baseline(Finding... findings) {
        return BaselineFile.entries(List.of(findings));
    }

    static List<Integer> known(List<Finding> now, List<BaselineEntry> then) {
        var pairing = BaselineMatcher.pair(now, then);
        return IntStream.range(0, now.size()).filter(pairing.known()::get).boxed().toList();
    }

    final Finding spawn = finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(fn)", 5);

    @Test
    void lineNumbersDoNotMatterButTheCodeAndTheRuleDo() {
        var then = baseline(spawn);
        assertThat(known(List.of(finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(fn)", 90)), then))
                .containsExactly(0);
        assertThat(known(List.of(finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(other)", 5)), then))
                .isEmpty();
        assertThat(known(List.of(finding("svc/a.py", "EVT201", "eventlet.greenthread.spawn_n", "start", "eventlet.spawn(fn)", 5)), then))
                .isEmpty();
    }

    @Test
    void whiteSpaceAndTrailingCommentsAreReformattingNotChange() {
        var then = baseline(spawn);
        var now = finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn( fn )   # why", 7);
        assertThat(known(List.of(now), then)).containsExactly(0);
        assertThat(FindingIdentity.normalise("x = '# not a comment'  # comment")).isEqualTo("x='#notacomment'");
        assertThat(FindingIdentity.normalise("# eventlet heading")).isEqualTo("#eventletheading");
    }

    @Test
    void aFunctionRenamedOrMovedIntoAClassKeepsItsFinding() {
        var now = finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "Runner.launch", "eventlet.spawn(fn)", 40);
        assertThat(known(List.of(now), baseline(spawn))).containsExactly(0);
    }

    @Test
    void aFileMovedToAnotherFolderOrRenamedInItsFolderKeepsItsFindings() {
        var moved = finding("svc/green/a.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(fn)", 5);
        var renamed = finding("svc/b.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(fn)", 5);
        assertThat(known(List.of(moved), baseline(spawn))).containsExactly(0);
        assertThat(known(List.of(renamed), baseline(spawn))).containsExactly(0);
    }

    @Test
    void theSameCodeInAnUnrelatedFileIsNewThereAndFixedHere() {
        var elsewhere = finding("other/c.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(fn)", 5);
        var pairing = BaselineMatcher.pair(List.of(elsewhere), baseline(spawn));
        assertThat(pairing.known().isEmpty()).isTrue();
        assertThat(pairing.fixed()).extracting(BaselineEntry::path).containsExactly("svc/a.py");
    }

    @Test
    void identicalFindingsAreCountedOneToOne() {
        var then = baseline(spawn, spawn.withStatus(null));
        var three = List.of(spawn, spawn, spawn);
        assertThat(known(three, then)).hasSize(2);
        var one = BaselineMatcher.pair(List.of(spawn), then);
        assertThat(one.fixed()).hasSize(1);
    }

    @Test
    void exactMatchesPairBeforeRelaxedOnes() {
        // The baseline holds the call in stop(); today the same call is also in a new function, listed first.
        // Relaxed pairing first would give the baseline entry to the new function and call stop()'s call new.
        var stop = finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "stop", "eventlet.spawn(fn)", 9);
        var added = finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "begin", "eventlet.spawn(fn)", 5);
        assertThat(known(List.of(added, stop), baseline(stop))).containsExactly(1);
    }

    @Test
    void fingerprintsIgnoreLinesAndCountOccurrences() {
        var moved = finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(fn)", 50);
        assertThat(FindingIdentity.fingerprints(List.of(spawn), "")).isEqualTo(FindingIdentity.fingerprints(List.of(moved), ""));
        List<String> twice = FindingIdentity.fingerprints(List.of(spawn, spawn), "");
        assertThat(twice.get(0)).isNotEqualTo(twice.get(1));
        assertThat(FindingIdentity.fingerprints(List.of(spawn), "suppressed")).isNotEqualTo(FindingIdentity.fingerprints(List.of(spawn), ""));
    }

    @Test
    void directFindingsKeepTheFingerprintsTheyHadBeforeIndirectUsageExisted() {
        // sha256 of "svc/a.py\0EVT200\0eventlet.greenthread.spawn\0start\0eventlet.spawn(fn)\0\0" + "1", as baselines hold it
        assertThat(FindingIdentity.fingerprints(List.of(spawn), ""))
                .containsExactly("fccd206cff452c2efc3c915420eb6f27b5711e2ff6882693fca6c021fbf44332");
        assertThat(BaselineFile.entries(List.of(spawn))).extracting(BaselineEntry::symbol).containsExactly("eventlet.greenthread.spawn");
    }

    @Test
    void anIndirectFindingIsNotTheDirectOneOnTheSameLine() {
        Finding through = new Finding("EVT200", "green-thread", Severity.MEDIUM, 1, "svc/a.py", 5, 5, 5, 20,
                "eventlet.greenthread.spawn", "call", "m", "eventlet.spawn(fn)", "start", false, null, null, null,
                List.of(new Hop("svc.util.start", "wrapper", "svc/util.py", 3)));
        assertThat(BaselineFile.entries(List.of(through))).extracting(BaselineEntry::symbol)
                .containsExactly("eventlet.greenthread.spawn via svc.util.start");
        assertThat(known(List.of(through), baseline(spawn))).isEmpty();
        assertThat(known(List.of(through), baseline(through))).containsExactly(0);
    }
}
