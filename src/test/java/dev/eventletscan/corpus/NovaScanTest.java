package dev.eventletscan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.walk.WalkOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Debian's python3-nova, real eventlet-heavy code nobody on this team wrote. */
@Tag("slow")
class NovaScanTest {
    @Test
    void findsNovasMonkeyPatchingAndTheImportsOfUtils() throws IOException {
        DebianCorpus.Result nova = DebianCorpus.fetch("python3-nova");
        assumeThat(nova.path()).as("python3-nova unavailable, test skipped: " + nova.whyNot()).isPresent();
        Path root = nova.path().get().resolve("nova");

        long start = System.nanoTime();
        // target/corpus lies in this project's ignored target/: scanned as git sees it, nothing would be left
        ScanRequest request = ScanRequest.of(root).withWalk(new WalkOptions(false, false));
        ScanResult result = Scanner.forRequest(request).scan(request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("nova: %d files walked, %d parsed, %d findings, %d problems, %d ms%n",
                result.summary().filesWalked(), result.summary().filesParsed(), result.summary().findings(),
                result.problems().size(), millis);

        assertThat(result.problems()).filteredOn(p -> p.level().equals("error")).isEmpty();
        assertThat(result.summary().filesWalked()).isGreaterThan(1000);

        List<Finding> patches = result.findings().stream().filter(f -> f.ruleId().equals("EVT100") && !f.isIndirect()).toList();
        assertThat(patches).extracting(Finding::path, Finding::line)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("monkey_patch.py", 46),
                        org.assertj.core.groups.Tuple.tuple("monkey_patch.py", 50),
                        org.assertj.core.groups.Tuple.tuple("monkey_patch.py", 52));
        assertThat(patches).filteredOn(f -> f.path().equals("monkey_patch.py"))
                .allSatisfy(f -> assertThat(f.scope()).isEqualTo("_monkey_patch"))
                .extracting(f -> f.monkeyPatch().mode()).containsOnly("global");
        // where they run: the module-level call of the helper, under OS_NOVA_DISABLE_EVENTLET_PATCHING
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("EVT100") && f.isIndirect()).singleElement()
                .satisfies(f -> {
                    assertThat(f.path() + ":" + f.line()).isEqualTo("monkey_patch.py:89");
                    assertThat(f.via().getFirst().name()).isEqualTo("nova.monkey_patch._monkey_patch");
                    assertThat(f.monkeyPatch().conditions()).singleElement().asString()
                            .contains("OS_NOVA_DISABLE_EVENTLET_PATCHING");
                });

        assertThat(result.findings()).filteredOn(f -> f.path().equals("utils.py") && f.usage().equals("import"))
                .extracting(Finding::symbol).contains("eventlet", "eventlet.tpool");
    }
}
