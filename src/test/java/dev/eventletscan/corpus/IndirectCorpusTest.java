package dev.eventletscan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.IndirectCounts;
import dev.eventletscan.model.Interfaces;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.SwitchVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Indirect usage in Debian's python3-nova and python3-neutron, each scanned as its dist-packages folder (so the
 * egg-info's console scripts are entry points): the call sites of their own spawn/spawn_n wrappers, and whether
 * eventlet can be switched off.
 */
@Tag("slow")
class IndirectCorpusTest {
    private static ScanResult scan(String pkg) throws IOException {
        DebianCorpus.Result fetched = DebianCorpus.fetch(pkg);
        assumeThat(fetched.path()).as(pkg + " unavailable, test skipped: " + fetched.whyNot()).isPresent();
        ScanRequest request = ScanRequest.of(fetched.path().get());
        ScanResult result = Scanner.forRequest(request).scan(request);
        IndirectCounts c = result.summary().indirect();
        System.out.printf("%s: %d direct findings in %d files, %d indirect findings in %d files (%d files only indirect)%n", pkg,
                c.directFindings(), c.filesWithDirectFindings(), c.indirectFindings(), c.filesWithIndirectFindings(),
                c.filesWithOnlyIndirectFindings());
        return result;
    }

    private static List<Finding> through(ScanResult result, Set<String> wrappers) {
        return result.findings().stream().filter(f -> f.isIndirect() && wrappers.contains(f.via().getFirst().name())).toList();
    }

    @Test
    void novasSpawnAndSpawnNWrappersAreFollowedToEveryCallSite() throws IOException {
        ScanResult nova = scan("python3-nova");
        assertThat(nova.interfaces().wrappers()).filteredOn(w -> w.name().startsWith("nova.utils.spawn"))
                .extracting(Interfaces.Wrapper::name, Interfaces.Wrapper::symbol, Interfaces.Wrapper::how)
                .containsExactly(
                        tuple("nova.utils.spawn", "eventlet.greenthread.spawn", "returns"),
                        tuple("nova.utils.spawn_n", "eventlet.greenthread.spawn_n", "forwards"));
        List<Finding> sites = through(nova, Set.of("nova.utils.spawn", "nova.utils.spawn_n"));
        // every call outside the tests, as grep -rnE '\butils\.spawn(_n)?\(' finds them by hand
        assertThat(sites).filteredOn(f -> f.usage().equals("call") && !f.context().test())
                .extracting(Finding::path, Finding::line, Finding::ruleId)
                .containsExactly(
                        tuple("nova/compute/manager.py", 2270, "EVT201"),
                        tuple("nova/context.py", 434, "EVT200"),
                        tuple("nova/network/model.py", 593, "EVT200"),
                        tuple("nova/quota.py", 1222, "EVT200"),
                        tuple("nova/scheduler/host_manager.py", 457, "EVT201"),
                        tuple("nova/virt/hyperv/eventhandler.py", 56, "EVT201"),
                        tuple("nova/virt/hyperv/eventhandler.py", 70, "EVT201"),
                        tuple("nova/virt/hyperv/eventhandler.py", 72, "EVT201"),
                        tuple("nova/virt/libvirt/driver.py", 10561, "EVT200"),
                        tuple("nova/virt/libvirt/host.py", 497, "EVT200"),
                        tuple("nova/virt/libvirt/host.py", 619, "EVT200"),
                        tuple("nova/wsgi.py", 186, "EVT200"));
        assertThat(sites).filteredOn(f -> f.path().equals("nova/compute/manager.py")).singleElement()
                .satisfies(f -> assertThat(f.scope()).isEqualTo("ComputeManager.build_and_run_instance"));
        // the tests: 7 calls (two through local aliases, orig_spawn = utils.spawn) and 5 references
        assertThat(sites).filteredOn(f -> f.context().test()).hasSize(12);
        assertThat(sites).hasSize(24);

        IndirectCounts counts = nova.summary().indirect();
        assertThat(counts.directFindings() + counts.indirectFindings()).isEqualTo(nova.summary().findings());
        assertThat(counts.filesWithOnlyIndirectFindings()).isPositive();

        // _monkey_patch() patches on every platform, and runs only when OS_NOVA_DISABLE_EVENTLET_PATCHING is unset;
        // the explicit primitives (utils.spawn's own eventlet.spawn among them) run whatever it says
        SwitchVerdict off = nova.assessment().repository().switchOff();
        assertThat(off.answer()).isEqualTo(SwitchVerdict.MAYBE);
        assertThat(off.evidence()).filteredOn(e -> e.kind().equals("switched-patch")).singleElement().satisfies(e -> {
            assertThat(e.path() + ":" + e.line()).isEqualTo("nova/monkey_patch.py:89");
            assertThat(e.switchKind()).isEqualTo("environment");
            assertThat(e.detail()).contains("OS_NOVA_DISABLE_EVENTLET_PATCHING");
        });
        assertThat(nova.assessment().entryPoints()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.switchOff().answer()).isEqualTo(SwitchVerdict.MAYBE));
    }

    @Test
    void neutronPatchesInEveryCommandThroughItsHelper() throws IOException {
        ScanResult neutron = scan("python3-neutron");
        assertThat(through(neutron, Set.of("neutron.common.utils.spawn", "neutron.common.utils.spawn_n")))
                .extracting(Finding::path, Finding::line, Finding::usage)
                .contains(tuple("neutron/notifiers/batch_notifier.py", 63, "call"));
        // eventlet_utils.monkey_patch() patches on Windows and elsewhere alike: the os.name branch is no switch,
        // and neutron/cmd/eventlet/__init__.py calls it unconditionally, for every command
        SwitchVerdict off = neutron.assessment().repository().switchOff();
        assertThat(off.answer()).isEqualTo(SwitchVerdict.NO);
        assertThat(off.reason()).isEqualTo("monkey_patch at neutron/cmd/eventlet/__init__.py:15 runs unconditionally");
        assertThat(neutron.findings()).filteredOn(f -> f.path().equals("neutron/cmd/eventlet/__init__.py") && f.isIndirect())
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("EVT100");
                    assertThat(f.via().getFirst().name()).isEqualTo("neutron.common.eventlet_utils.monkey_patch");
                    assertThat(f.context().packageInit()).isTrue();
                });
    }
}
