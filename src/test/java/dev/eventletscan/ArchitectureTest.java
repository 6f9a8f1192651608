package dev.eventletscan;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.eventletscan.model.ArchitectureProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The package layers, bottom to top, written down as a test so that the build fails on the day an import runs
 * against them (issue 21). A package may use its own layer and the layers below it, never one above; and no two
 * packages may depend on each other, even within a layer.
 *
 * <ol>
 *   <li>foundation: {@code model} (the result records and the exceptions and enums several layers share),
 *       {@code fileio} (bounded reads, atomic writes, globs, stable JSON), {@code modules} (Python module names)
 *       and {@code cache} (the content-addressed result store). None of them knows how a scan works.</li>
 *   <li>{@code walk}: which files a scan reads, from a folder or a git tree.</li>
 *   <li>{@code parse}: tree-sitter and the native libraries behind it.</li>
 *   <li>{@code rules}: the rule files, loaded and validated.</li>
 *   <li>{@code detect}: findings in one file.</li>
 *   <li>whole-project analyses: {@code graph}, {@code calls}, {@code indirect}, and {@code deps} (installed
 *       dependencies, given a scan function rather than the engine).</li>
 *   <li>{@code score}: difficulty, effort and the plan.</li>
 *   <li>{@code report}: renderers, each a function of the result.</li>
 *   <li>{@code api}: the scan engine, the library's front door for one scan.</li>
 *   <li>applications over the engine: {@code config}, {@code gate} (baselines, diff bases, gates), {@code trend}.</li>
 *   <li>{@code analysis}: one whole analysis from a request record (configuration, scan, comparison, gates), the
 *       library's entry point that the CLI and the golden tests call.</li>
 *   <li>{@code cli}: flags in, text out.</li>
 * </ol>
 */
class ArchitectureTest {
    private static final String ROOT = "dev.eventletscan";

    /** Bottom to top. */
    private static final Map<String, List<String>> LAYERS = layers();

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> l = new LinkedHashMap<>();
        l.put("foundation", List.of("model", "fileio", "modules", "cache"));
        l.put("walk", List.of("walk"));
        l.put("parse", List.of("parse"));
        l.put("rules", List.of("rules"));
        l.put("detect", List.of("detect"));
        l.put("project analyses", List.of("graph", "calls", "indirect", "deps"));
        l.put("score", List.of("score"));
        l.put("report", List.of("report"));
        l.put("api", List.of("api"));
        l.put("applications", List.of("config", "gate", "trend"));
        l.put("analysis", List.of("analysis"));
        l.put("cli", List.of("cli"));
        return l;
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static ArchRule layerRule() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
        List<String> names = new ArrayList<>(LAYERS.keySet());
        for (String name : names) {
            arch = arch.layer(name).definedBy(LAYERS.get(name).stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new));
        }
        for (int i = 0; i < names.size() - 1; i++) {
            arch = arch.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(names.subList(i + 1, names.size()).toArray(String[]::new));
        }
        return arch.whereLayer(names.getLast()).mayNotBeAccessedByAnyLayer()
                .because("a package uses only its own layer and those below it (see ArchitectureTest)");
    }

    static ArchRule cycleRule() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void packagesKeepToTheirLayers() {
        layerRule().check(MAIN);
    }

    @Test
    void noPackageCycles() {
        cycleRule().check(MAIN);
    }

    @Test
    void everyPackageHasALayer() {
        var placed = LAYERS.values().stream().flatMap(List::stream).toList();
        var packages = new TreeSet<String>();
        for (JavaClass c : MAIN) {
            String rest = c.getPackageName().substring(Math.min(c.getPackageName().length(), ROOT.length() + 1));
            if (!rest.isEmpty()) {
                packages.add(rest.split("\\.")[0]);
            }
        }
        assertThat(packages).as("packages read (the importer found the classes)").contains("model", "api", "cli");
        assertThat(placed).as("every package must be given a layer here").containsAll(packages);
    }

    /**
     * The rules can fail: {@link ArchitectureProbe}, a class in {@code model} (the bottom layer) that only this test
     * tree holds, uses the scan engine. Added to the production classes, it breaks the layers, and the report
     * names it.
     */
    @Test
    void anUpwardImportBreaksTheLayers() {
        JavaClasses withProbe = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/")
                        || location.contains(ArchitectureProbe.class.getSimpleName()))
                .importPackages(ROOT);
        assertThat(withProbe.contain(ArchitectureProbe.class)).isTrue();
        EvaluationResult result = layerRule().evaluate(withProbe);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(ArchitectureProbe.class.getName())
                && d.contains("dev.eventletscan.api.Scanner"));
        assertThat(layerRule().evaluate(MAIN).hasViolation()).as("the same rule passes without the probe").isFalse();
    }
}
