package dev.eventletscan.indirect;

import static dev.eventletscan.modules.PythonModules.parent;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.Suppressions;
import dev.eventletscan.detect.SwitchSources;
import dev.eventletscan.detect.python.PythonDetector;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import dev.eventletscan.model.Hop;
import dev.eventletscan.model.Interfaces;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the sites the rounds found into findings: the direct symbol's rule, category and weight, the chain of
 * interfaces in {@code via}, the context, suppression comments; and lists the facades and wrappers with how many
 * findings go through each.
 */
final class IndirectFindings {
    private final IndirectUsage.Input in;
    private final InterfaceTable table;
    private final FileTexts texts;

    private IndirectFindings(IndirectUsage.Input in, InterfaceTable table, FileTexts texts) {
        this.in = in;
        this.table = table;
        this.texts = texts;
    }

    static IndirectUsage.Result of(IndirectUsage.Input in, InterfaceTable table, FileTexts texts,
            Map<String, ReferenceScanner.Result> scanned) {
        return new IndirectFindings(in, table, texts).results(scanned);
    }

    private IndirectUsage.Result results(Map<String, ReferenceScanner.Result> scanned) {
        List<IndirectUsage.FileResult> files = new ArrayList<>();
        Set<String> calledHelpers = new TreeSet<>();
        for (var e : scanned.entrySet()) {
            String path = e.getKey();
            SourceText source = texts.source(path);
            FileFacts facts = in.project().factsFor(path);
            boolean test = facts.testPath() || e.getValue().importsTestFramework();
            List<Finding> findings = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ReferenceScanner.Site site : e.getValue().sites()) {
                Finding f = finding(path, source, facts, test, site);
                if (f != null && seen.add(f.line() + ":" + f.column())) {
                    findings.add(f);
                    Hop helper = site.target().innermostWrapper();
                    if (site.patch() != null && helper != null) {
                        calledHelpers.add(helper.path() + "#" + helper.name().substring(helper.name().lastIndexOf('.') + 1));
                    }
                }
            }
            if (findings.isEmpty()) {
                continue;
            }
            findings.sort(Finding.ORDER);
            Suppressions.Split split = Suppressions.apply(source, findings);
            files.add(new IndirectUsage.FileResult(path, split.kept(), split.suppressed(), source));
        }
        List<Finding> everything = files.stream().flatMap(f -> f.findings().stream()).toList();
        return new IndirectUsage.Result(files, interfaces(everything), calledHelpers, BackendChoices.find(in.imports(), texts));
    }

    private Finding finding(String path, SourceText source, FileFacts facts, boolean test, ReferenceScanner.Site site) {
        Target t = site.target();
        String symbol = site.symbol();
        Usage.Kind kind = Usage.Kind.valueOf(site.usage().toUpperCase(Locale.ROOT).replace('-', '_'));
        Optional<Rule> rule = in.rules().ruleFor(new Usage(kind, symbol, 0));
        if (rule.isEmpty()) {
            return null;
        }
        Rule r = rule.get();
        int line = site.start().line();
        MonkeyPatchDetails patch = site.patch();
        if (patch != null) {
            // the site's own conditions come first; each is explained by where its names come from (a switch's evidence)
            List<String> own = site.conditions();
            List<String> conditions = new ArrayList<>(SwitchSources.explain(source, line, own));
            conditions.addAll(patch.conditions().subList(own.size(), patch.conditions().size()));
            patch = patch.withConditions(List.copyOf(conditions));
        }
        Hop first = t.first();
        String message = PythonDetector.message(r, symbol, patch) + " (through " + first.name() + ", a project " + first.kind() + ")";
        return new Finding(r.id(), r.category(), r.severity(), r.weight(), path, line, site.start().column(),
                site.end().endLine(), site.end().endColumn(), symbol, kind.id(), message, source.line(line).strip(), site.scope(),
                site.guarded(), context(facts, test, site), patch, null, t.via());
    }

    private static FindingContext context(FileFacts facts, boolean test, ReferenceScanner.Site site) {
        TreeSet<String> entryPoints = new TreeSet<>();
        for (EntryPoint ep : facts.entryPoints()) {
            String function = ep.function();
            if (site.moduleLevel() || function.isEmpty() || site.scope().equals(function) || site.scope().startsWith(function + ".")) {
                entryPoints.add(ep.name());
            }
        }
        return new FindingContext(test, facts.isPackageInit() && site.moduleLevel(), List.copyOf(entryPoints), site.mainBlock());
    }

    /** The facades used through and the wrappers found, with how many findings go through each. */
    private Interfaces interfaces(List<Finding> findings) {
        Map<String, Integer> count = new HashMap<>();
        Map<String, Set<String>> files = new HashMap<>();
        for (Finding f : findings) {
            Set<String> owners = new LinkedHashSet<>();
            for (Hop h : f.via()) {
                owners.add(h.kind().equals(Hop.FACADE) ? "F" + parent(h.name()) : "W" + h.name());
            }
            for (String o : owners) {
                count.merge(o, 1, Integer::sum);
                files.computeIfAbsent(o, k -> new TreeSet<>()).add(f.path());
            }
        }
        List<Interfaces.Facade> facades = new ArrayList<>();
        List<Interfaces.Wrapper> wrappers = new ArrayList<>();
        for (var e : table.byModule().entrySet()) {
            String module = e.getKey();
            List<Interfaces.Export> names = new ArrayList<>();
            List<String> declared = Optional.ofNullable(table.declared(module)).orElse(List.of());
            String path = null;
            for (var t : e.getValue().entrySet()) {
                Target target = t.getValue();
                Hop first = target.first();
                if (!first.kind().equals(Hop.FACADE)) {
                    String key = "W" + first.name();
                    String wraps = target.via().size() > 1 ? target.via().get(1).name() : target.symbol();
                    wrappers.add(new Interfaces.Wrapper(first.name(), first.path(), first.line(), wraps, target.symbol(), target.how(),
                            target.wrapperDepth(), count.getOrDefault(key, 0), files.getOrDefault(key, Set.of()).size()));
                    continue;
                }
                boolean isDeclared = declared.contains(t.getKey());
                if (isDeclared || usedThrough(findings, first.name())) {
                    String next = target.via().size() > 1 ? target.via().get(1).name() : target.symbol();
                    names.add(new Interfaces.Export(t.getKey(), next, first.line(), isDeclared));
                    path = first.path();
                }
            }
            String key = "F" + module;
            if (!names.isEmpty()) {
                facades.add(new Interfaces.Facade(module, path, names, count.getOrDefault(key, 0),
                        files.getOrDefault(key, Set.of()).size()));
            }
        }
        wrappers.sort(Comparator.comparing(Interfaces.Wrapper::name));
        return new Interfaces(facades, wrappers, in.wrapperDepth());
    }

    private static boolean usedThrough(List<Finding> findings, String name) {
        return findings.stream().anyMatch(f -> f.via().stream().anyMatch(h -> h.name().equals(name)));
    }
}
