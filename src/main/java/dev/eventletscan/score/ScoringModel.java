package dev.eventletscan.score;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.rules.RuleFileException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring, effort and recommendation model, read from
 * {@code rules/model/scoring.yaml}: every weight and threshold the assessment
 * uses. Unknown or missing fields stop the run, like a broken rule file.
 */
public record ScoringModel(int format, Score score, Effort effort, Advice recommendation) {
    static final String FILE = "rules/model/scoring.yaml";

    public record Score(Map<String, Double> weights, LinkedHashMap<String, Double> levels, Size size,
            Dependencies dependencies, Patching patching) {}

    /**
     * @param callLevelLimit how many levels of callers to climb above the green calls
     * @param indirectWeight the share of its rule's weight an indirect finding counts for
     */
    public record Size(List<String> excludeCategories, Map<String, Part> parts, int callLevelLimit, double indirectWeight) {}

    /** @param half the count (or share) that earns 50 points */
    public record Part(double weight, double half) {}

    public record Dependencies(List<String> ignore, double half, double unverified) {}

    public record Patching(Map<String, Double> mode, Map<String, Double> modifiers) {}

    public record Effort(double hoursPerPoint, Range range, double hoursPerDay, Map<String, Double> factors) {}

    public record Range(double low, double high) {}

    public record Advice(double smallUsagePoints, int fewFiles, int shallowDepth, double networkShare,
            List<String> networkCategories, List<String> networkSymbols) {}

    /** {@code 100 * x / (x + half)}: half the points at {@code half}, approaching 100 slowly. */
    public static double saturate(double x, double half) {
        return x <= 0 ? 0 : 100 * x / (x + half);
    }

    public String levelOf(double score) {
        for (var e : score().levels().entrySet()) {
            if (score >= e.getValue()) {
                return e.getKey();
            }
        }
        return "low";
    }

    public static ScoringModel shipped() {
        try (InputStream in = ScoringModel.class.getResourceAsStream("/" + FILE)) {
            if (in == null) {
                throw new RuleFileException(List.of(FILE + ": missing from the class path"));
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleFileException(List.of(FILE + ": cannot read: " + e.getMessage()));
        }
    }

    static ScoringModel parse(String yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ScoringModel model;
        try {
            model = mapper.readValue(yaml, ScoringModel.class);
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
            throw new RuleFileException(List.of(FILE + ":" + line + ": " + path + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").replaceAll(" \\(index \\d+\\).*", "")));
        } catch (IOException e) {
            throw new RuleFileException(List.of(FILE + FileErrors.syntax("YAML", e)));
        }
        List<String> problems = model.problems();
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems.stream().map(p -> FILE + ": " + p).toList());
        }
        return model;
    }

    /** What the types cannot say: weights that add up, known names, sane ranges. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (format != 1) {
            out.add("format: must be 1");
        }
        sumsToOne(out, "score.weights", score.weights());
        if (!score.weights().keySet().equals(java.util.Set.of("size", "dependencies", "patching"))) {
            out.add("score.weights: needs exactly size, dependencies and patching");
        }
        Map<String, Double> partWeights = new LinkedHashMap<>();
        score.size().parts().forEach((k, v) -> partWeights.put(k, v.weight()));
        sumsToOne(out, "score.size.parts", partWeights);
        for (String part : List.of("usagePoints", "filesTouched", "packagesTouched", "reach", "depth", "callLevels")) {
            Part p = score.size().parts().get(part);
            if (p == null) {
                out.add("score.size.parts." + part + ": missing");
            } else if (p.half() <= 0) {
                out.add("score.size.parts." + part + ".half: must be positive");
            }
        }
        if (score.size().callLevelLimit() < 2) {
            out.add("score.size.callLevelLimit: must be 2 or more (the callers, and their callers)");
        }
        for (String mode : List.of("none", "partial", "dynamic", "global")) {
            if (!score.patching().mode().containsKey(mode)) {
                out.add("score.patching.mode." + mode + ": missing");
            }
        }
        if (!(score.size().indirectWeight() >= 0 && score.size().indirectWeight() <= 1)) {
            out.add("score.size.indirectWeight: must be between 0 and 1");
        }
        for (String m : List.of("packageInit", "entryPoint", "switchable", "switchableMaybe", "testsOnly")) {
            if (!score.patching().modifiers().containsKey(m)) {
                out.add("score.patching.modifiers." + m + ": missing");
            }
        }
        if (effort.range().low() <= 0 || effort.range().high() < effort.range().low()) {
            out.add("effort.range: needs 0 < low <= high");
        }
        for (String f : List.of("globalPatching", "depthPerLevel", "perDependency", "untested")) {
            if (!effort.factors().containsKey(f)) {
                out.add("effort.factors." + f + ": missing");
            }
        }
        return out;
    }

    private static void sumsToOne(List<String> out, String path, Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > 1e-6) {
            out.add(path + ": weights must add up to 1, they add up to " + sum);
        }
    }
}
