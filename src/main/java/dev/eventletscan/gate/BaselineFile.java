package dev.eventletscan.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventletscan.fileio.AtomicFile;
import dev.eventletscan.fileio.BoundedFile;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.fileio.StableJson;
import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingIdentity;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.rules.LocatedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baseline file: the findings a project accepts for now, as JSON meant to be committed. Entries are sorted
 * and carry no line numbers, so the file changes only where findings come or go and its diffs stay small.
 */
public final class BaselineFile {
    /** The format this version writes and reads; a reader refuses any other. */
    public static final int FORMAT = 1;
    public static final String DEFAULT_NAME = ".eventlet-scan-baseline.json";
    private static final String FORMAT_KEY = "eventletScanBaseline";
    private static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::path)
            .thenComparing(BaselineEntry::ruleId).thenComparing(BaselineEntry::symbol).thenComparing(BaselineEntry::scope)
            .thenComparing(BaselineEntry::code).thenComparing(BaselineEntry::fingerprint);

    private BaselineFile() {}

    /** The entries for findings, sorted as the file keeps them. */
    public static List<BaselineEntry> entries(List<Finding> findings) {
        List<String> fingerprints = FindingIdentity.fingerprints(findings, "");
        List<BaselineEntry> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.add(new BaselineEntry(f.path(), f.ruleId(), FindingIdentity.symbolOf(f), nonNull(f.scope()), nonNull(f.code()),
                    fingerprints.get(i)));
        }
        out.sort(ORDER);
        return out;
    }

    /** Writes through a temporary sibling and a move, so an interrupted run leaves the old baseline whole. */
    public static void write(Path file, List<BaselineEntry> entries) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put(FORMAT_KEY, FORMAT);
        ArrayNode list = root.putArray("findings");
        for (BaselineEntry e : entries) {
            list.addObject().put("path", e.path()).put("ruleId", e.ruleId()).put("symbol", e.symbol()).put("scope", e.scope())
                    .put("code", e.code()).put("fingerprint", e.fingerprint());
        }
        AtomicFile.replace(file, tmp -> {
            try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                StableJson.write(root, out);
            }
        });
    }

    /**
     * @throws InvalidInputException naming the file, line and field of every problem, or that it is missing
     */
    public static List<BaselineEntry> read(Path file) {
        String text;
        try {
            text = BoundedFile.readString(file, BoundedFile.BASELINE_BYTES);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": baseline not found (write one with: eventlet-scan baseline PATH -o " + file + ")");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read baseline: " + FileErrors.reason(e));
        }
        LocatedYaml doc;
        try {
            doc = LocatedYaml.parseJson(text);
        } catch (IOException e) {
            throw new InvalidInputException(file + FileErrors.syntax("JSON", e));
        }
        List<String> problems = new ArrayList<>();
        JsonNode root = doc.root;
        if (!root.isObject() || !root.path(FORMAT_KEY).isIntegralNumber() || root.path(FORMAT_KEY).intValue() != FORMAT) {
            problems.add(file + ":" + doc.line(FORMAT_KEY) + ": " + FORMAT_KEY + ": must be " + FORMAT
                    + " (an eventlet-scan baseline of the format this version reads)");
            throw new InvalidInputException(problems);
        }
        JsonNode findings = root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new InvalidInputException(file + ":" + doc.line("findings") + ": findings: must be a list");
        }
        List<BaselineEntry> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            String at = "findings[" + i + "]";
            JsonNode e = findings.get(i);
            if (!e.isObject()) {
                problems.add(file + ":" + doc.line(at) + ": " + at + ": must be an object");
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String key : List.of("path", "ruleId", "code")) {
                if (!e.path(key).isTextual() || e.path(key).asText().isEmpty()) {
                    missing.add(key);
                }
            }
            for (String key : List.of("symbol", "scope", "fingerprint")) {
                if (e.has(key) && !e.get(key).isTextual()) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(file + ":" + doc.line(at) + ": " + at + "." + missing.getFirst() + ": must be "
                        + (List.of("path", "ruleId", "code").contains(missing.getFirst()) ? "a non-empty string" : "a string"));
                continue;
            }
            out.add(new BaselineEntry(e.get("path").asText(), e.get("ruleId").asText(), e.path("symbol").asText(""),
                    e.path("scope").asText(""), e.get("code").asText(), e.path("fingerprint").asText("")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
