package dev.eventletscan.api;

import dev.eventletscan.indirect.IndirectUsage;
import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.IndirectCounts;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.RuleInfo;
import dev.eventletscan.model.ScanMetadata;
import dev.eventletscan.model.ScanSummary;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.walk.SourceFile;
import dev.eventletscan.walk.WalkNotice;
import dev.eventletscan.walk.WalkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Gathers the per-file outcomes into the report's sorted lists and counts, and describes the run. */
final class ResultAssembly {
    private ResultAssembly() {}

    /** The file outcomes put together, each list in report order. */
    record Merged(List<Finding> findings, List<Finding> suppressed, List<FileSummary> files, List<ProcessingIssue> problems,
            ScanSummary summary) {}

    static Merged merge(WalkResult walk, List<FileOutcome> outcomes, List<ProcessingIssue> earlierProblems) {
        return merge(walk, outcomes, earlierProblems, List.of());
    }

    /** @param indirect per file, the findings reached through the project's facades and wrappers */
    static Merged merge(WalkResult walk, List<FileOutcome> outcomes, List<ProcessingIssue> earlierProblems,
            List<IndirectUsage.FileResult> indirect) {
        return merge(walk, outcomes, earlierProblems, indirect, List.of());
    }

    /**
     * @param project findings of project-wide analyses (imports before monkey_patch), each on a line of a file that
     *     already has a finding there, so its excerpt stands
     */
    static Merged merge(WalkResult walk, List<FileOutcome> outcomes, List<ProcessingIssue> earlierProblems,
            List<IndirectUsage.FileResult> indirect, List<Finding> project) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        List<FileSummary> files = new ArrayList<>();
        List<ProcessingIssue> problems = new ArrayList<>(earlierProblems);
        for (WalkNotice notice : walk.notices()) {
            problems.add(ProcessingIssue.warning(notice.relativePath(), notice.message()));
        }
        for (FileOutcome o : outcomes) {
            findings.addAll(o.findings());
            suppressed.addAll(o.suppressed());
            problems.addAll(o.problems());
            if (o.summary() != null) {
                files.add(o.summary());
            }
        }
        int parsed = (int) files.stream().filter(f -> f.kind().equals("python")).count();
        if (!indirect.isEmpty()) {
            files = withIndirect(files, findings, indirect);
            indirect.forEach(r -> {
                findings.addAll(r.findings());
                suppressed.addAll(r.suppressed());
            });
        }
        if (!project.isEmpty()) {
            java.util.Map<String, Integer> added = new TreeMap<>();
            project.forEach(f -> added.merge(f.path(), 1, Integer::sum));
            files = files.stream().map(f -> added.containsKey(f.path()) ? new FileSummary(f.path(), f.kind(),
                    f.findings() + added.get(f.path()), f.suppressed(), f.syntaxErrors(), f.excerpts()) : f)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            findings.addAll(project);
        }
        findings.sort(Finding.ORDER);
        suppressed.sort(Finding.ORDER);
        problems.sort(ProcessingIssue.ORDER);
        return new Merged(findings, suppressed, files, problems, summary(walk, files, findings, suppressed, parsed));
    }

    /** The file list with each file's indirect findings counted in, and its excerpts cut around all its findings. */
    private static List<FileSummary> withIndirect(List<FileSummary> files, List<Finding> direct, List<IndirectUsage.FileResult> indirect) {
        Map<String, FileSummary> byPath = new TreeMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        for (IndirectUsage.FileResult r : indirect) {
            List<Finding> all = new ArrayList<>(direct.stream().filter(f -> f.path().equals(r.path())).toList());
            all.addAll(r.findings());
            all.sort(Finding.ORDER);
            FileSummary known = byPath.get(r.path());
            byPath.put(r.path(), known == null
                    ? new FileSummary(r.path(), "python", r.findings().size(), r.suppressed().size(), 0, Excerpts.around(r.source(), all))
                    : new FileSummary(r.path(), known.kind(), known.findings() + r.findings().size(),
                            known.suppressed() + r.suppressed().size(), known.syntaxErrors(), Excerpts.around(r.source(), all)));
        }
        return new ArrayList<>(byPath.values());
    }

    private static ScanSummary summary(WalkResult walk, List<FileSummary> files, List<Finding> findings, List<Finding> suppressed,
            int parsed) {
        SortedMap<String, Integer> byCategory = new TreeMap<>();
        SortedMap<String, Integer> byRule = new TreeMap<>();
        int patches = 0;
        for (Finding f : findings) {
            byCategory.merge(f.category(), 1, Integer::sum);
            byRule.merge(f.ruleId(), 1, Integer::sum);
            if (f.isMonkeyPatchCall()) {
                patches++;
            }
        }
        int withFindings = (int) files.stream().filter(f -> f.findings() > 0).count();
        int python = (int) walk.files().stream().filter(SourceFile::python).count();
        int withErrors = (int) files.stream().filter(f -> f.syntaxErrors() > 0).count();
        return new ScanSummary(python, walk.files().size() - python, parsed, withErrors, withFindings,
                findings.size(), suppressed.size(), patches,
                Collections.unmodifiableSortedMap(byCategory), Collections.unmodifiableSortedMap(byRule), indirectCounts(findings));
    }

    /** Direct and indirect apart, or null when nothing is indirect. */
    private static IndirectCounts indirectCounts(List<Finding> findings) {
        Set<String> direct = new TreeSet<>();
        Set<String> indirect = new TreeSet<>();
        int indirectFindings = 0;
        for (Finding f : findings) {
            (f.isIndirect() ? indirect : direct).add(f.path());
            indirectFindings += f.isIndirect() ? 1 : 0;
        }
        if (indirectFindings == 0) {
            return null;
        }
        Set<String> only = new TreeSet<>(indirect);
        only.removeAll(direct);
        return new IndirectCounts(findings.size() - indirectFindings, indirectFindings, direct.size(), indirect.size(), only.size());
    }

    /** @param head the commit checked out where the target is ({@link GitHead#of}) */
    static ScanMetadata metadata(ScanRequest request, GitHead head, ScanMetadata.Timing timing) {
        var options = new ScanMetadata.Options(request.includes(), request.excludes(), request.disabled(),
                request.extraRules().stream().map(ResultAssembly::slashed).toList(),
                request.sitePackages().stream().map(ResultAssembly::slashed).toList(), request.enabled(), request.severities());
        return new ScanMetadata(head.commit(), head.branch(), options, timing);
    }

    /** The rules behind what was found, so reports can show titles, hints and guide links. */
    static List<RuleInfo> rulesBehind(RuleSet rules, List<Finding> findings, List<Finding> suppressed) {
        Set<String> ids = new TreeSet<>();
        findings.forEach(f -> ids.add(f.ruleId()));
        suppressed.forEach(f -> ids.add(f.ruleId()));
        List<RuleInfo> out = new ArrayList<>();
        for (String id : ids) {
            rules.byId(id).ifPresent(r -> out.add(new RuleInfo(r.id(), r.title(), r.category(), r.severity(), r.weight(),
                    r.hints().threading(), r.hints().asyncio(), r.guide())));
        }
        return out;
    }

    /** The folder report paths are relative to, as the user named it: the target, or a file target's folder. */
    static String displayRoot(ScanRequest request) {
        Path root = request.target().normalize();
        if (!Files.isDirectory(root)) {
            root = root.getParent();
        }
        String text = root == null ? "" : slashed(root);
        return text.isEmpty() ? "." : text;
    }

    private static String slashed(Path p) {
        return p.toString().replace('\\', '/');
    }
}
