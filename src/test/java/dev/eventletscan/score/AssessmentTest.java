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
    void greenServiceIsHardBecauseItPatchesGloballyAtStartUp() throws IOException {
        Assessment a = assess("green-service");
        DifficultyScore d = a.repository().difficulty();
        // size: 61 usage points (EVT100 2x20, EVT001 5x1, EVT910 3, EVT502 3, EVT200 4, EVT201 4, EVT203 2x1):
        //   0.40*100*61/181 = 13.5; 3 files: 0.15*100*3/18 = 2.5; 1 package: 0.10*100*1/5 = 2.0;
        //   reach: all 3 modules use eventlet, so 3/3: 0.20*100*1/1.25 = 16.0; depth 0 (nothing else imports them) -> 34.0
        assertThat(d.size().score()).isEqualTo(34.0);
        assertThat(d.size().why()).extracting(Contributor::points).containsExactly(13.5, 2.5, 2.0, 16.0, 0.0);
        // dependencies: oslo.messaging from the knowledge base, unverified 0.6: 100*0.6/3.6 = 16.7 (greenlet ignored)
        assertThat(d.dependencies().score()).isEqualTo(16.7);
        // patching: global 75 + package __init__ 15 + entry point 10 = 100
        assertThat(d.patching().score()).isEqualTo(100.0);
        // 0.45*34 + 0.20*16.7 + 0.35*100 = 53.64
        assertThat(d.score()).isEqualTo(53.6);
        assertThat(d.level()).isEqualTo("high");
        assertThat(d.why().getFirst().reason()).isEqualTo("global monkey_patch at green_service/__init__.py:4");
        // effort: 69.8 points (61 + dependencies 4x2 + docs 4x0.2) * 0.5 h * 1.5 (global) * 1.08 (1 dependency)
        //   * 1.5 (no test imports the 3 modules) / 6 h = 14.13 days; x0.7 = 9.9, x1.8 = 25.4 -> 25
        assertThat(a.repository().effort().usagePoints()).isEqualTo(69.8);
        assertThat(a.repository().effort().lowDays()).isEqualTo(9.9);
        assertThat(a.repository().effort().highDays()).isEqualTo(25.0);
    }

    @Test
    void switchablePatchingAndTestOnlyPatchingScoreLower() throws IOException {
        // dual-mode: global 75 + __init__ 15 + entry point 10 - switchable 25 = 75
        assertThat(assess("dual-mode-service").repository().difficulty().patching().score()).isEqualTo(75.0);
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
    void theRankingFollowsTheCriteria() throws IOException {
        double green = assess("green-service").repository().difficulty().score();
        double dual = assess("dual-mode-service").repository().difficulty().score();
        double library = assess("explicit-library").repository().difficulty().score();
        assertThat(green).isGreaterThan(dual);
        assertThat(dual).isGreaterThan(library);
    }

    @Test
    void thePlanPutsOptionsFirstPatchingLateAndTheDependencyLast() throws IOException {
        Assessment a = assess("green-service");
        assertThat(a.plan()).extracting(PlanPhase::title).containsExactly(
                "Deprecate eventlet-related options",
                "Replace explicit green threads, pools and primitives",
                "Remove monkey patching and implicit green I/O",
                "Drop the eventlet dependency");
        assertThat(a.plan().get(0).steps()).singleElement()
                .satisfies(s -> assertThat(s.files()).containsExactly("etc/green-service.conf"));
        assertThat(a.plan().get(1).rules()).containsExactly("EVT200", "EVT201", "EVT203", "EVT502");
        assertThat(a.plan().get(2).steps().getFirst().files())
                .containsExactly("green_service/__init__.py", "green_service/cmd.py");
        int planned = a.plan().stream().flatMap(p -> p.steps().stream()).mapToInt(s -> s.findings()).sum();
        assertThat(planned).as("every finding is planned exactly once").isEqualTo(a.repository().findings());
    }

    @Test
    void aScanOfInstalledDependenciesVerifiesTheKnowledgeBase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path site)
            throws IOException {
        // oslo.messaging installed with code that spawns green threads; greenlet installed without eventlet use
        var dist = java.nio.file.Files.createDirectories(site.resolve("oslo.messaging-14.0.0.dist-info"));
        java.nio.file.Files.writeString(dist.resolve("METADATA"), "Metadata-Version: 2.1\nName: oslo.messaging\nVersion: 14.0.0\n");
        java.nio.file.Files.writeString(dist.resolve("top_level.txt"), "oslo_messaging\n");
        var code = java.nio.file.Files.createDirectories(site.resolve("oslo_messaging"));
        java.nio.file.Files.writeString(code.resolve("__init__.py"), "");
        java.nio.file.Files.writeString(code.resolve("executor.py"), "import eventlet\n\ndef submit(f):\n    return eventlet.spawn(f)\n");
        var greenlet = java.nio.file.Files.createDirectories(site.resolve("greenlet-2.0.2.dist-info"));
        java.nio.file.Files.writeString(greenlet.resolve("METADATA"), "Metadata-Version: 2.1\nName: greenlet\nVersion: 2.0.2\n");
        java.nio.file.Files.writeString(greenlet.resolve("top_level.txt"), "greenlet\n");
        java.nio.file.Files.createDirectories(site.resolve("greenlet"));
        java.nio.file.Files.writeString(site.resolve("greenlet/__init__.py"), "def getcurrent():\n    pass\n");

        ScanRequest request = ScanRequest.of(TestSupport.sample("green-service")).withSitePackages(java.util.List.of(site));
        Assessment a = Scanner.forRequest(request).scan(request).assessment();
        assertThat(a.dependencies()).filteredOn(d -> d.usesEventlet())
                .extracting(d -> d.name() + " " + d.evidence()).containsExactly("oslo.messaging scanned");
        assertThat(a.dependencies()).filteredOn(d -> d.name().equals("greenlet")).singleElement()
                .satisfies(d -> assertThat(d.usesEventlet()).isFalse());
        // one verified dependency: 100*1/(1+3) = 25
        assertThat(a.repository().difficulty().dependencies().score()).isEqualTo(25.0);
        assertThat(a.assumptions()).noneMatch(s -> s.contains("unverified"));
    }

    @Test
    void webCodeIsSteeredToAsyncioAndTheModelIsValidated() throws IOException {
        assertThat(assess("wsgi-app").packages()).filteredOn(c -> c.name().equals("chatboard")).singleElement()
                .satisfies(c -> assertThat(c.recommendation().target()).isEqualTo("asyncio"));
        String broken = new String(ScoringModel.class.getResourceAsStream("/" + ScoringModel.FILE).readAllBytes())
                .replace("weights: {size: 0.45", "weights: {size: 0.55");
        assertThatThrownBy(() -> ScoringModel.parse(broken)).isInstanceOfSatisfying(RuleFileException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "rules/model/scoring.yaml: score.weights: weights must add up to 1, they add up to 1.1"));
        assertThatThrownBy(() -> ScoringModel.parse(broken.replace("hoursPerDay: 6", "hoursPerDay: six")))
                .isInstanceOfSatisfying(RuleFileException.class,
                        e -> assertThat(e.problems().getFirst()).startsWith("rules/model/scoring.yaml:").contains("effort.hoursPerDay"));
    }
}
