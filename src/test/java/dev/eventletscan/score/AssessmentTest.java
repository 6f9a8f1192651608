package dev.eventletscan.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Assessment;
import dev.eventletscan.model.Contributor;
import dev.eventletscan.model.DifficultyScore;
import dev.eventletscan.model.PlanPhase;
import dev.eventletscan.rules.RuleFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Scores, effort and plans of the samples against figures worked out by hand
 * from rules/model/scoring.yaml (the arithmetic is in each test's comment).
 */
class AssessmentTest {
    private static Assessment assess(String sample) throws IOException {
        ScanRequest request = ScanRequest.of(TestSupport.sample(sample));
        return Scanner.forRequest(request).scan(request).assessment();
    }

    @Test
    void greenServiceIsSmallButPatchesGloballyAtStartUp() throws IOException {
        Assessment a = assess("green-service");
        DifficultyScore d = a.repository().difficulty();
        // usage points, rule weight x change kind: EVT910 (3 capped at 1: a setting)x0.25 = 0.25; EVT001 5x1x0.25 =
        //   1.25; EVT100 2x(20 capped at 1)x0.25 = 0.5; EVT502 3x0.5 = 1.5; EVT200 4, EVT201 4, EVT203 2x1: 10x0.5 = 5;
        //   the indirect EVT502 of with self._lock (a lock the class keeps on self) 3x0.5x0.8 = 1.2; sum 9.7
        // size: usage points alone, 1.0*100*9.7/209.7 = 4.63 -> 4.6; files, packages, reach, depth and call levels
        //   are shown at weight 0 (3 files, all 3 modules reach eventlet, 1 level of callers)
        assertThat(d.size().score()).isEqualTo(4.6);
        assertThat(d.size().why()).extracting(Contributor::points).containsExactly(4.6, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(d.size().why().getLast().reason()).isEqualTo("1 level of callers above green calls (1 function)");
        // dependencies: oslo.messaging runs in eventlet mode (executor = eventlet in etc/green-service.conf), from
        //   the knowledge base, unverified 0.6: 100*0.6/2.6 = 23.1 (greenlet ignored)
        assertThat(d.dependencies().score()).isEqualTo(23.1);
        assertThat(d.dependencies().why().getFirst().reason()).contains("executor = eventlet at etc/green-service.conf:9");
        // patching: global 75 + package __init__ 15 + entry point 10 = 100
        assertThat(d.patching().score()).isEqualTo(100.0);
        // 4.6 * (0.83 + 0.15*100/100 + 0.02*23.1/100) = 4.6 * 0.98462 = 4.53
        assertThat(d.score()).isEqualTo(4.5);
        assertThat(d.level()).isEqualTo("low");
        // effort: 91 * 9.7^0.6 = 355.7 changed lines / 25 a day = 14.2 days; x0.3 = 4.3, x3.3 = 47.0 -> 47
        assertThat(a.repository().effort().usagePoints()).isEqualTo(9.7);
        assertThat(a.repository().effort().lowDays()).isEqualTo(4.3);
        assertThat(a.repository().effort().highDays()).isEqualTo(47.0);
        assertThat(a.model().linesPerDay()).isEqualTo(25.0);
        assertThat(a.model().fitError()).startsWith("leave-one-out over 7 finished migrations");
    }

    @Test
    void switchablePatchingAndTestOnlyPatchingScoreLower() throws IOException {
        // dual-mode: global 75 + __init__ 15 + entry point 10 - switchable 60 = 40
        assertThat(assess("dual-mode-service").repository().difficulty().patching().score()).isEqualTo(40.0);
        // mocked-tests: global 75 + __init__ 0 (test package) + 0 - tests only 40 = 35
        assertThat(assess("mocked-tests").repository().difficulty().patching().score()).isEqualTo(35.0);
        // explicit primitives only: no patching at all
        Assessment library = assess("explicit-library");
        assertThat(library.repository().difficulty().patching().score()).isZero();
        assertThat(library.repository().difficulty().level()).isEqualTo("low");
        assertThat(assess("no-eventlet").repository().difficulty().score()).isZero();
        assertThat(assess("no-eventlet").repository().recommendation().target()).isEqualTo("none");
    }

    @Test
    void theSameCodeScoresLowerWhenItsPatchingCanBeSwitchedOff(@org.junit.jupiter.api.io.TempDir Path fixed,
            @org.junit.jupiter.api.io.TempDir Path switched) throws IOException {
        // a pool, so the size is a few points: at a fraction of a point the score's rounding to 0.1 hides the difference
        String worker = "import eventlet\n\n\ndef start(f):\n    return eventlet.GreenPool(10).spawn(f)\n";
        Files.writeString(fixed.resolve("svc.py"), "import eventlet\neventlet.monkey_patch()\n" + worker);
        Files.writeString(switched.resolve("svc.py"),
                "import os\nimport eventlet\nif os.environ.get('SVC_GREEN'):\n    eventlet.monkey_patch()\n" + worker);
        DifficultyScore always = Scanner.forRequest(ScanRequest.of(fixed)).scan(ScanRequest.of(fixed)).assessment().repository().difficulty();
        DifficultyScore sometimes = Scanner.forRequest(ScanRequest.of(switched)).scan(ScanRequest.of(switched)).assessment()
                .repository().difficulty();
        assertThat(sometimes.size().score()).isEqualTo(always.size().score());
        assertThat(sometimes.patching().score()).isLessThan(always.patching().score());
        assertThat(sometimes.score()).isLessThan(always.score());
    }

    @Test
    void thePlanPutsOptionsFirstPatchingLateAndTheDependencyLast() throws IOException {
        Assessment a = assess("green-service");
        assertThat(a.plan()).extracting(PlanPhase::title).containsExactly(
                "Deprecate eventlet-related options",
                "Replace explicit green threads, pools and primitives",
                "Swap the implementation behind the project's facades and wrappers, and test their callers",
                "Remove monkey patching and implicit green I/O",
                "Drop the eventlet dependency");
        assertThat(a.plan().get(0).steps()).singleElement()
                .satisfies(s -> assertThat(s.files()).containsExactly("etc/green-service.conf"));
        assertThat(a.plan().get(1).rules()).containsExactly("EVT200", "EVT201", "EVT203", "EVT502");
        assertThat(a.plan().get(3).steps().getFirst().files())
                .containsExactly("green_service/__init__.py", "green_service/cmd.py");
        int planned = a.plan().stream().flatMap(p -> p.steps().stream()).mapToInt(s -> s.findings()).sum();
        assertThat(planned).as("every finding is planned exactly once").isEqualTo(a.repository().findings());
    }

    @Test
    void aScanOfInstalledDependenciesVerifiesTheKnowledgeBase(@org.junit.jupiter.api.io.TempDir Path site)
            throws IOException {
        // oslo.messaging installed with code that spawns green threads; greenlet installed without eventlet use
        var dist = Files.createDirectories(site.resolve("oslo.messaging-14.0.0.dist-info"));
        Files.writeString(dist.resolve("METADATA"), "Metadata-Version: 2.1\nName: oslo.messaging\nVersion: 14.0.0\n");
        Files.writeString(dist.resolve("top_level.txt"), "oslo_messaging\n");
        var code = Files.createDirectories(site.resolve("oslo_messaging"));
        Files.writeString(code.resolve("__init__.py"), "");
        Files.writeString(code.resolve("executor.py"), "import eventlet\n\ndef submit(f):\n    return eventlet.spawn(f)\n");
        var greenlet = Files.createDirectories(site.resolve("greenlet-2.0.2.dist-info"));
        Files.writeString(greenlet.resolve("METADATA"), "Metadata-Version: 2.1\nName: greenlet\nVersion: 2.0.2\n");
        Files.writeString(greenlet.resolve("top_level.txt"), "greenlet\n");
        Files.createDirectories(site.resolve("greenlet"));
        Files.writeString(site.resolve("greenlet/__init__.py"), "def getcurrent():\n    pass\n");

        ScanRequest request = ScanRequest.of(TestSupport.sample("green-service")).withSitePackages(List.of(site));
        Assessment a = Scanner.forRequest(request).scan(request).assessment();
        assertThat(a.dependencies()).filteredOn(d -> d.usesEventlet())
                .extracting(d -> d.name() + " " + d.evidence()).containsExactly("oslo.messaging scanned");
        assertThat(a.dependencies()).filteredOn(d -> d.name().equals("greenlet")).singleElement()
                .satisfies(d -> assertThat(d.usesEventlet()).isFalse());
        // one verified dependency in eventlet mode: 100*1/(1+2) = 33.3
        assertThat(a.repository().difficulty().dependencies().score()).isEqualTo(33.3);
        assertThat(a.assumptions()).noneMatch(s -> s.contains("unverified"));
    }

    @Test
    void webCodeIsSteeredToAsyncioAndTheModelIsValidated() throws IOException {
        assertThat(assess("wsgi-app").packages()).filteredOn(c -> c.name().equals("chatboard")).singleElement()
                .satisfies(c -> assertThat(c.recommendation().target()).isEqualTo("asyncio"));
        String broken = new String(ScoringModel.class.getResourceAsStream("/" + ScoringModel.FILE).readAllBytes())
                .replace("combine: {base: 0.83", "combine: {base: 0.88");
        assertThatThrownBy(() -> ScoringModel.parse(broken)).isInstanceOfSatisfying(RuleFileException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "rules/model/scoring.yaml: score.combine: weights must add up to 1, they add up to 1.05"));
        assertThatThrownBy(() -> ScoringModel.parse(broken.replace("linesPerDay: 25", "linesPerDay: many")))
                .isInstanceOfSatisfying(RuleFileException.class,
                        e -> assertThat(e.problems().getFirst()).startsWith("rules/model/scoring.yaml:").contains("effort.linesPerDay"));
    }

    @Test
    void entryPointsAreComponentsWithTheCodeTheyLoadAndPackagesCountOnlyTheDependenciesTheyImport(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Map<String, String> files = Map.of(
                "requirements.txt", "oslo.messaging>=14\n",
                "setup.cfg", "[entry_points]\nconsole_scripts =\n    svc-api = svc.api:main\n",
                "svc/__init__.py", "import eventlet\neventlet.monkey_patch()\n",
                "svc/api.py", "import oslo_messaging\nfrom lib import pool\n\ndef main():\n    pool.run()\n"
                        + "    return oslo_messaging.get_rpc_server(None, None, [], executor='eventlet')\n",
                "lib/__init__.py", "",
                "lib/pool.py", "import eventlet\n\ndef run():\n    eventlet.GreenPool().spawn(print)\n",
                "other/__init__.py", "",
                "other/tool.py", "import eventlet\n\ndef tick():\n    eventlet.sleep(1)\n");
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        ScanRequest request = ScanRequest.of(dir);
        Assessment a = Scanner.forRequest(request).scan(request).assessment();

        // the console script loads svc/api.py, the svc package's __init__ (it runs first) and lib/pool.py with its
        // package; not other/tool.py, which nothing it imports reaches
        assertThat(a.entryPoints()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("svc-api");
            assertThat(e.kind()).isEqualTo("entry-point");
            assertThat(e.path()).isEqualTo("svc.api:main");
            // svc: import, patch; lib/pool.py: import, GreenPool; api.py: pool.run(), which reaches GreenPool through
            // lib.pool.run, a one-statement wrapper (an indirect finding), and executor='eventlet'
            assertThat(e.findings()).isEqualTo(6);
            assertThat(e.indirectFindings()).isEqualTo(1);
            // api.py imports oslo_messaging and runs it in eventlet mode
            assertThat(e.difficulty().dependencies().score()).isPositive();
        });
        Map<String, Double> dependencyScore = new TreeMap<>();
        a.packages().forEach(p -> dependencyScore.put(p.name(), p.difficulty().dependencies().score()));
        // oslo.messaging with executor='eventlet', unverified (0.6): 100*0.6/2.6 = 23.1, for svc (its api.py imports
        // it) and the repository only
        assertThat(dependencyScore).containsEntry("svc", 23.1).containsEntry("lib", 0.0).containsEntry("other", 0.0);
        assertThat(a.repository().difficulty().dependencies().score()).isEqualTo(23.1);
        // lib.pool.run has a caller one level up (svc.api.main, which imports lib.pool)
        assertThat(a.packages().stream().filter(p -> p.name().equals("lib")).findFirst().orElseThrow()
                .difficulty().size().why().getLast().reason()).isEqualTo("1 level of callers above green calls (1 function)");
    }
}
