package dev.eventletscan.portfolio;

import dev.eventletscan.api.ScanRequest;
import java.nio.file.Path;

/**
 * How to build a portfolio, made by the CLI (or any caller) and never changed after.
 *
 * @param template what each repository's scan is asked, but its target (site-packages, rules, cache...)
 * @param jobs repositories scanned at once; with the template's threads, what bounds CPU and memory
 * @param historyPoints sampled commits of the last year per repository with git history (0: no history)
 * @param shard the share of the repositories to scan, or null for all of them
 */
public record PortfolioRequest(ScanRequest template, int jobs, Teams teams, int historyPoints, Shard shard) {
    public PortfolioRequest {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be 1 or more, was " + jobs);
        }
        if (historyPoints != 0 && (historyPoints < 2 || historyPoints > 53)) {
            throw new IllegalArgumentException("--history-points must be 0 (no history) or 2 to 53, was " + historyPoints);
        }
    }

    /** The template's scan, of one repository. */
    public ScanRequest scan(Path target) {
        ScanRequest t = template;
        return new ScanRequest(target, t.includes(), t.excludes(), t.threads(), t.extraRules(), t.disabled(), t.sitePackages(),
                t.enabled(), t.severities(), t.parseTimeout(), t.walk(), t.cache(), t.wrapperDepth());
    }
}
