package dev.eventletscan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.RuleInfo;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, for code-scanning platforms: one run, the rules behind the
 * findings with their hints as help, each finding a result with a location
 * and a fingerprint that survives line moves, suppressed findings marked as
 * suppressed in source. Columns are our code-point columns, said so with
 * {@code columnKind} (SARIF's default counts UTF-16 units).
 */
public final class SarifRenderer implements Renderer {
    static final String SRCROOT = "%SRCROOT%";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        ObjectNode log = JSON.objectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", result.tool().name());
        driver.put("version", result.tool().version());
        Map<String, Integer> ruleIndex = new HashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (RuleInfo r : result.rules()) {
            ruleIndex.put(r.id(), ruleIndex.size());
            rules.add(rule(r));
        }
        run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
                .put("text", "The scanned folder, " + result.root());
        run.set("invocations", JSON.arrayNode().add(invocation(result)));
        ArrayNode results = run.putArray("results");
        List<String> fingerprints = SarifFingerprints.of(result.findings(), false);
        for (int i = 0; i < result.findings().size(); i++) {
            results.add(result(result.findings().get(i), ruleIndex, fingerprints.get(i)));
        }
        List<String> suppressedFingerprints = SarifFingerprints.of(result.suppressed(), true);
        for (int i = 0; i < result.suppressed().size(); i++) {
            ObjectNode r = result(result.suppressed().get(i), ruleIndex, suppressedFingerprints.get(i));
            r.putArray("suppressions").addObject().put("kind", "inSource").put("justification", "eventlet-scan: ignore comment");
            results.add(r);
        }
        run.put("columnKind", "unicodeCodePoints");
        ObjectNode properties = run.putObject("properties");
        properties.put("rulesVersion", result.tool().rulesVersion());
        if (result.metadata().gitCommit() != null) { // versionControlProvenance needs a repository URI we do not know
            properties.put("gitCommit", result.metadata().gitCommit());
            if (result.metadata().gitBranch() != null) {
                properties.put("gitBranch", result.metadata().gitBranch());
            }
        }
        if (result.assessment() != null) {
            var d = result.assessment().repository().difficulty();
            properties.put("difficulty", d.score()).put("difficultyLevel", d.level())
                    .put("recommendedTarget", result.assessment().repository().recommendation().target());
            var off = result.assessment().repository().switchOff();
            if (off != null) {
                properties.put("eventletSwitchable", off.answer());
            }
        }
        var split = result.summary().indirect();
        if (split != null) {
            properties.put("directFindings", split.directFindings()).put("indirectFindings", split.indirectFindings());
        }
        JsonRenderer.write(log, out);
    }

    private static ObjectNode rule(RuleInfo r) {
        ObjectNode rule = JSON.objectNode();
        rule.put("id", r.id());
        rule.putObject("shortDescription").put("text", r.title());
        rule.putObject("fullDescription").put("text", r.title() + " (" + r.category() + ")");
        ObjectNode help = rule.putObject("help");
        help.put("text", "To threads: " + r.threadingHint() + "\nTo asyncio: " + r.asyncioHint() + "\nGuide: " + r.guide());
        help.put("markdown", "**To threads:** " + r.threadingHint() + "\n\n**To asyncio:** " + r.asyncioHint()
                + "\n\n[Migration guide](" + r.guide() + ")");
        rule.put("helpUri", r.guide());
        rule.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = rule.putObject("properties");
        props.put("category", r.category()).put("weight", r.weight());
        props.putArray("tags").add("eventlet").add(r.category());
        return rule;
    }

    private static ObjectNode result(Finding f, Map<String, Integer> ruleIndex, String fingerprint) {
        ObjectNode r = JSON.objectNode();
        r.put("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            r.put("ruleIndex", index);
        }
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.message());
        ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
        physical.set("artifactLocation", artifact(f.path()));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", f.line()).put("startColumn", f.column());
        if (f.endLine() >= f.line()) {
            region.put("endLine", f.endLine()).put("endColumn", Math.max(1, f.endColumn()));
        }
        if (f.code() != null && !f.code().isEmpty()) {
            region.putObject("snippet").put("text", f.code());
        }
        r.putObject("partialFingerprints").put(SarifFingerprints.KEY, fingerprint);
        if (f.status() != null) {
            r.put("baselineState", f.isNew() ? "new" : "unchanged");
        }
        ObjectNode props = r.putObject("properties");
        props.put("category", f.category()).put("symbol", f.symbol()).put("usage", f.usage());
        if (f.scope() != null && !f.scope().isEmpty()) {
            props.put("scope", f.scope());
        }
        props.put("guarded", f.guarded());
        if (f.context() != null && f.context().test()) {
            props.put("test", true);
        }
        if (f.monkeyPatch() != null) {
            props.put("monkeyPatchMode", f.monkeyPatch().mode());
        }
        if (f.isIndirect()) {
            props.put("indirect", true);
            ArrayNode via = props.putArray("via");
            f.via().forEach(h -> via.add(h.name()));
        }
        return r;
    }

    private static ObjectNode invocation(ScanResult result) {
        ObjectNode inv = JSON.objectNode();
        inv.put("executionSuccessful", true);
        var timing = result.metadata().timing();
        if (timing != null) {
            Instant start = Instant.parse(timing.startedAt());
            inv.put("startTimeUtc", timing.startedAt());
            inv.put("endTimeUtc", start.plusMillis(timing.durationMillis()).toString());
        }
        List<ProcessingIssue> problems = result.problems();
        if (!problems.isEmpty()) {
            ArrayNode notes = inv.putArray("toolExecutionNotifications");
            for (ProcessingIssue p : problems) {
                ObjectNode n = notes.addObject();
                n.put("level", p.level().equals("error") ? "error" : "warning");
                n.putObject("message").put("text", p.message());
                n.putArray("locations").addObject().putObject("physicalLocation").set("artifactLocation", artifact(p.path()));
            }
        }
        return inv;
    }

    private static ObjectNode artifact(String path) {
        return JSON.objectNode().put("uri", SarifFingerprints.uri(path)).put("uriBaseId", SRCROOT);
    }

    /** Code-scanning platforms show error, warning and note; eventlet use is never fatal. */
    static String level(Severity s) {
        return switch (s) {
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
