package dev.eventletscan.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.eventletscan.api.InstalledDependencies;
import dev.eventletscan.corpus.DebianCorpus;
import dev.eventletscan.rules.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Debian's packages of libraries that the knowledge base says use eventlet,
 * unpacked side by side as one dist-packages tree (see shared/corpora.md):
 * which of them really do, measured on their real code.
 */
@Tag("slow")
class DependencyCorpusTest {
    private static final List<String> PACKAGES = List.of("python3-oslo.service", "python3-oslo.messaging",
            "python3-oslo.utils", "python3-futurist", "python3-gunicorn", "python3-celery", "python3-eventlet",
            "python3-greenlet");

    @Test
    void measuresWhichLibrariesReallyUseEventlet() {
        List<Path> dirs = new ArrayList<>();
        for (String pkg : PACKAGES) {
            DebianCorpus.Result r = DebianCorpus.fetch(pkg);
            assumeThat(r.path()).as(pkg + " unavailable, test skipped: " + r.whyNot()).isPresent();
            dirs.add(r.path().get());
        }

        long start = System.nanoTime();
        SitePackages.Listing listing = SitePackages.readAll(dirs);
        long read = System.nanoTime();
        // a project that needs the oslo libraries, gunicorn, celery with its eventlet pool, and nameko (not installed)
        DependencyClosure closure = DependencyClosure.compute(List.of("oslo.service>=3", "oslo.messaging",
                "oslo.utils", "futurist", "gunicorn", "celery[eventlet]", "greenlet", "nameko"), listing.distributions());
        DependencyUsageScanner scanner = InstalledDependencies.usageScanner(RuleLoader.load(List.of()), 0);
        DependencyReport report = scanner.scan(closure);
        long cold = System.nanoTime();
        DependencyReport again = scanner.scan(closure);
        long warm = System.nanoTime();

        System.out.printf("read %d distributions in %d ms; scanned in %d ms cold, %d ms warm%n",
                listing.distributions().size(), (read - start) / 1_000_000, (cold - read) / 1_000_000,
                (warm - cold) / 1_000_000);
        System.out.println(table(report));
        listing.problems().forEach(p -> System.out.println("metadata: " + p));

        assertThat(again).isEqualTo(report);
        assertThat(listing.distributions()).extracting(InstalledDistribution::normalisedName).containsExactly(
                "celery", "eventlet", "futurist", "greenlet", "gunicorn", "oslo-messaging", "oslo-service", "oslo-utils");
        assertThat(listing.distributions()).allSatisfy(d -> assertThat(d.codeRoots()).isNotEmpty());
        assertThat(report.problems()).filteredOn(p -> p.problem().startsWith("error")).isEmpty();

        // celery[eventlet] asks for eventlet through the [eventlet:python_version < "3.10"] section of requires.txt
        assertThat(closure.find("eventlet")).get().satisfies(e -> {
            assertThat(e.direct()).isFalse();
            assertThat(e.via()).containsExactly("celery", "eventlet");
            assertThat(e.marker()).isEqualTo("python_version < \"3.10\"");
        });

        // futurist: its green executor's primitives live in _green.py; _futures.py reaches them through it
        DependencyUsage futurist = report.find("futurist").orElseThrow();
        assertThat(futurist.verified()).isTrue();
        assertThat(futurist.evidenceFiles().getFirst().path()).isEqualTo("futurist/_green.py");
        assertThat(futurist.monkeyPatchCalls().total()).isZero();
        assertThat(futurist.summary()).contains("checks whether eventlet patched the process (dual mode)");
        assertThat(futurist.testFindings()).isPositive();

        // oslo.service: the eventlet service backend; its one global patch is in eventlet_backdoor's _main,
        // run only as a script (if __name__ == '__main__')
        DependencyUsage service = report.find("oslo.service").orElseThrow();
        assertThat(service.verified()).isTrue();
        assertThat(service.evidenceFiles()).extracting(EvidenceFile::path)
                .contains("oslo_service/service.py", "oslo_service/wsgi.py", "oslo_service/threadgroup.py");
        assertThat(service.monkeyPatchCalls()).isEqualTo(new MonkeyPatchCounts(1, 0, 0));
        assertThat(service.summary()).startsWith("global monkey patching in oslo_service/eventlet_backdoor.py:")
                .contains(" in _main;");

        // oslo.utils: eventletutils.py alone does eventlet work (the others only probe for it)
        DependencyUsage utils = report.find("oslo.utils").orElseThrow();
        assertThat(utils.verified()).isTrue();
        assertThat(utils.evidenceFiles()).extracting(EvidenceFile::path).containsExactly("oslo_utils/eventletutils.py");

        // oslo.messaging: little of its own; tpool in the kafka driver and patcher.original, under a patched
        // process; the monkey_patch() in rpc/server.py sits in a docstring and is rightly not counted
        DependencyUsage messaging = report.find("oslo.messaging").orElseThrow();
        assertThat(messaging.verified()).isTrue();
        assertThat(messaging.monkeyPatchCalls().total()).isZero();
        assertThat(messaging.evidenceFiles()).extracting(EvidenceFile::path).contains("oslo_messaging/_drivers/impl_kafka.py");
        assertThat(messaging.findingsByCategory()).containsKey("tpool").doesNotContainKey("monkey-patch");

        // gunicorn: the eventlet worker class, which patches globally when selected
        DependencyUsage gunicorn = report.find("gunicorn").orElseThrow();
        assertThat(gunicorn.verified()).isTrue();
        assertThat(gunicorn.evidenceFiles()).extracting(EvidenceFile::path).containsExactly("gunicorn/workers/geventlet.py");
        assertThat(gunicorn.summary()).startsWith("global monkey patching in gunicorn/workers/geventlet.py:")
                .contains(" in EventletWorker.patch;");

        // celery: the eventlet pool, the eventlet result drainer, and _patch_eventlet for -P eventlet
        DependencyUsage celery = report.find("celery").orElseThrow();
        assertThat(celery.verified()).isTrue();
        assertThat(celery.evidenceFiles().getFirst().path()).isEqualTo("celery/concurrency/eventlet.py");
        assertThat(celery.evidenceFiles()).extracting(EvidenceFile::path).contains("celery/backends/asynchronous.py");
        assertThat(celery.summary()).contains("celery/__init__.py:").contains(" in _patch_eventlet");

        // greenlet is what eventlet is built on, but does not use eventlet; its tests use greenlet a lot
        DependencyUsage greenlet = report.find("greenlet").orElseThrow();
        assertThat(greenlet.usesEventlet()).isFalse();
        assertThat(greenlet.evidence()).isEqualTo(DependencyUsage.SCANNED);
        assertThat(greenlet.testFindings()).isPositive();

        DependencyUsage nameko = report.find("nameko").orElseThrow();
        assertThat(nameko.installed()).isFalse();
        assertThat(nameko.usesEventlet()).isTrue();
        assertThat(nameko.evidence()).isEqualTo(DependencyUsage.KNOWLEDGE_BASE);
    }

    /**
     * The machine's own Debian dist-packages (pip, setuptools, cryptography...: about 25
     * distributions, none of them green): the no-eventlet path, for speed and false positives.
     */
    @Test
    void scansTheSystemDistPackagesInSeconds() throws IOException {
        List<Path> found = SitePackages.inVenv(Path.of("/"));
        assumeThat(found).as("no /usr/lib/python3/dist-packages here, test skipped").isNotEmpty();
        SitePackages.Listing listing = SitePackages.readAll(found);
        assumeThat(listing.distributions()).as("too few distributions installed, test skipped").hasSizeGreaterThan(10);

        long start = System.nanoTime();
        DependencyReport report = InstalledDependencies.usageScanner(RuleLoader.load(List.of()), 0).scan(listing.distributions());
        long millis = (System.nanoTime() - start) / 1_000_000;
        int files = report.dependencies().stream().mapToInt(DependencyUsage::pythonFiles).sum();
        System.out.printf("%s: %d distributions, %d Python files scanned in %d ms; using eventlet: %s%n", found,
                listing.distributions().size(), files, millis,
                report.usingEventlet().stream().map(DependencyUsage::name).toList());

        assertThat(millis).isLessThan(60_000);
        // whatever is claimed to use eventlet must at least name it somewhere in its code
        for (DependencyUsage u : report.usingEventlet()) {
            if (u.evidence().equals(DependencyUsage.SCANNED)) {
                InstalledDistribution d = listing.distributions().stream()
                        .filter(x -> x.normalisedName().equals(u.normalisedName())).findFirst().orElseThrow();
                assertThat(mentions(d.codeRoots())).as(u.name()).isTrue();
            }
        }
    }

    private static boolean mentions(List<Path> roots) throws IOException {
        for (Path root : roots) {
            try (var files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    if (text.contains("eventlet") || text.contains("greenlet")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String table(DependencyReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-15s %-8s %-7s %-6s %8s %5s  %-58s %-12s %s%n", "name", "version", "direct",
                "uses", "findings", "tests", "categories", "monkeypatch", "top evidence files"));
        for (DependencyUsage u : report.dependencies()) {
            String categories = u.findingsByCategory().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
            String files = u.evidenceFiles().stream().map(EvidenceFile::toString).collect(Collectors.joining(" "));
            out.append(String.format("%-15s %-8s %-7s %-6s %8d %5d  %-58s %-12s %s%n", u.name(), u.version(),
                    u.direct() ? "direct" : String.join(">", u.via()), u.usesEventlet() ? "yes" : "no", u.findings(),
                    u.testFindings(), categories, u.monkeyPatchCalls(), files));
            out.append("    ").append(u.evidence()).append(": ").append(u.summary()).append('\n');
        }
        return out.toString();
    }
}
