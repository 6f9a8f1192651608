package dev.eventletscan.score;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.model.ConfigSnippet;
import dev.eventletscan.rules.RuleFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scoring, effort and recommendation model, read from
 * {@code rules/model/scoring.yaml}: every weight and threshold the assessment
 * uses. Unknown or missing fields stop the run, like a broken rule file.
 */
public record ScoringModel(int format, Score score, Effort effort, Advice recommendation,
        List<ConfigSnippet> banEventlet) {
    static final String FILE = "rules/model/scoring.yaml";

    /**
     * @param combine how size, patching and dependencies make the overall score
     * @param notOwnCode categories whose findings are no eventlet code of the project's own
     */
    public record Score(Combine combine, LinkedHashMap<String, Double> levels, List<String> notOwnCode, Size size,
            Dependencies dependencies, Patching patching) {}

    /**
     * Overall = size x (base + patching x patching score / 100 + dependencies x dependencies score / 100): how much
     * code there is sets the scale, patching and dependencies make the same code harder. The three add up to 1.
     */
    public record Combine(double base, double patching, double dependencies) {}

    /**
     * @param callLevelLimit how many levels of callers to climb above the green calls
     * @param indirectWeight the share of its rule's weight an indirect finding counts for
     */
    /**
     * @param weightCaps the most a finding of a category counts for, whatever its rule's weight
     * @param changeKinds factors of a rule's weight by the kind of change a category needs
     * @param testWeight the share a finding in test code counts for
     */
    public record Size(List<String> excludeCategories, Map<String, Part> parts, int callLevelLimit, double indirectWeight,
            Map<String, Double> weightCaps, Map<String, ChangeKind> changeKinds, double testWeight) {
        /** The factor of a category's change kind; 1 for a category no kind lists. */
        public double changeFactor(String category) {
            for (ChangeKind k : changeKinds.values()) {
                if (k.categories().contains(category)) {
                    return k.factor();
                }
            }
            return 1;
        }
    }

    public record ChangeKind(double factor, List<String> categories) {}

    /** @param half the count (or share) that earns 50 points */
    public record Part(double weight, double half) {}

    /**
     * @param eventletMode per distribution, what shows the project runs it in eventlet mode: a setting naming
     *     eventlet (a regular expression over the config finding's symbol and line), or an import of its module
     *     with no backend chosen in code
     */
    public record Dependencies(List<String> ignore, double half, double unverified, Map<String, EventletMode> eventletMode) {}

    /** @param kind {@code setting}: match is a regular expression; {@code imports}: match is a module name */
    public record EventletMode(String kind, String match) {}

    public record Patching(Map<String, Double> mode, Map<String, Double> modifiers) {}

    /**
     * Person-days = predicted changed lines / linesPerDay; predicted lines = linesPerPoint x usage points ^ exponent
     * x factors.
     *
     * @param linesPerDay the productivity figure: changed Python lines (added plus removed) per person-day
     * @param fit how well the effort fits the calibration set, leave-one-out, as the report states it
     */
    public record Effort(double linesPerDay, double linesPerPoint, double exponent, Range range, Map<String, Double> factors,
            Fit fit) {}

    /**
     * @param migrations finished migrations the fit was checked on
     * @param bracketed how many of them the range brackets, leave-one-out
     * @param medianError median factor between estimate and measured work, leave-one-out
     * @param worstError the largest such factor
     */
    public record Fit(int migrations, int bracketed, double medianError, double worstError, String calibrationSet) {}

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
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
                    .collect(Collectors.joining(".")).replace(".[", "[");
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
        if (format != 2) {
            out.add("format: must be 2");
        }
        Map<String, Double> combine = new LinkedHashMap<>();
        combine.put("base", score.combine().base());
        combine.put("patching", score.combine().patching());
        combine.put("dependencies", score.combine().dependencies());
        sumsToOne(out, "score.combine", combine);
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
        if (effort.linesPerDay() <= 0 || effort.linesPerPoint() <= 0 || effort.exponent() <= 0) {
            out.add("effort: linesPerDay, linesPerPoint and exponent must be positive");
        }
        score.dependencies().eventletMode().forEach((name, mode) -> {
            if (!mode.kind().equals("setting") && !mode.kind().equals("imports")) {
                out.add("score.dependencies.eventletMode." + name + ".kind: must be setting or imports");
            }
        });
        return out;
    }

    private static void sumsToOne(List<String> out, String path, Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > 1e-6) {
            out.add(path + ": weights must add up to 1, they add up to " + sum);
        }
    }
}
