package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How and on what the scan ran. Everything here but {@code timing} depends
 * only on the input, so reports stay byte-identical from run to run.
 *
 * @param gitCommit the commit checked out in the repository holding the target, when there is one
 * @param gitBranch its branch, when HEAD is on one
 * @param timing when the scan started and how long it took; only in reports that ask for it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanMetadata(String gitCommit, String gitBranch, Options options, Timing timing) {

    /**
     * The options that change what is found, as given (thread count left out: it changes nothing).
     *
     * @param enabledRules rules kept although their category is disabled (left out when none)
     * @param severityOverrides severities set by rule id or category (left out when none)
     */
    public record Options(List<String> includes, List<String> excludes, List<String> disabledRules,
            List<String> extraRuleFiles, List<String> sitePackages,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> enabledRules,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Severity> severityOverrides) {
        public Options {
            enabledRules = List.copyOf(enabledRules);
            severityOverrides = Collections.unmodifiableSortedMap(new TreeMap<>(severityOverrides));
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
            disabledRules = List.copyOf(disabledRules);
            extraRuleFiles = List.copyOf(extraRuleFiles);
            sitePackages = List.copyOf(sitePackages);
        }
    }

    /** @param startedAt ISO-8601 instant, UTC */
    public record Timing(String startedAt, long durationMillis) {}

    public ScanMetadata withoutTiming() {
        return new ScanMetadata(gitCommit, gitBranch, options, null);
    }
}
