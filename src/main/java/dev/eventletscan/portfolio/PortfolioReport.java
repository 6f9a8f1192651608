package dev.eventletscan.portfolio;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventletscan.model.ToolInfo;
import java.util.List;
import java.util.SortedMap;

/**
 * The portfolio: every format renders this, and nothing in it depends on when, where or in how many shards it was
 * computed, so the same repositories give the same bytes.
 *
 * @param shard the share this report covers, or null for the whole portfolio (a single run, or merged shards)
 * @param options what each repository's scan was asked, as given
 * @param teams the team mapping, as read
 * @param repositories every repository, sorted by name, failed ones included with their error
 * @param totals per team (teams sorted, {@link Teams#NONE} last) and overall
 * @param readiness every library the portfolio's repositories wait on or use in eventlet mode, by name
 * @param blockers the edges of the blockers graph: a repository and the library it needs, blocking or not
 * @param order the order of work over repositories not yet eventlet-free
 * @param nudge blocking libraries, most waiting repositories first
 * @param burndown the portfolio's usage findings by month, from the repositories' histories
 * @param removedSincePrevious repositories of the earlier report no longer in this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortfolioReport(ToolInfo tool, Shard shard, Options options, SortedMap<String, List<String>> teams,
        List<RepositoryEntry> repositories, Totals totals, List<LibraryReadiness> readiness, List<Edge> blockers,
        List<Step> order, List<Nudge> nudge, List<MonthPoint> burndown, List<String> removedSincePrevious) {

    /** @param previous whether an earlier portfolio report was given for the change column */
    public record Options(List<String> sitePackages, List<String> extraRuleFiles, List<String> disabledRules,
            int historyPoints, boolean previous) {}

    public record Totals(List<Total> teams, Total overall) {}

    /**
     * @param byStatus repositories per status, every status listed
     * @param scoreLow the lowest score among the scanned repositories
     * @param effortLowDays the sum of the repositories' low estimates; {@code effortHighDays} of the high ones
     */
    public record Total(String team, int repositories, SortedMap<String, Integer> byStatus, int findings, int usageFindings,
            double scoreLow, double scoreHigh, double scoreMedian, double effortLowDays, double effortHighDays) {}

    /**
     * @param source where the state comes from: {@code portfolio} (one of the portfolio's repositories, scanned),
     *     {@code portfolio + knowledge base} (scanned, and the knowledge base names the non-eventlet path a scan
     *     cannot see), {@code installed} (scanned through --site-packages), {@code knowledge base}
     * @param repository the portfolio's repository that builds it, when it is one
     * @param usedBy repositories that declare it
     * @param waiting those of them, not yet eventlet-free, that it blocks (empty unless its state is eventlet only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LibraryReadiness(String name, String source, String repository, String installedVersion, String state,
            String since, String switchName, String evidence, List<String> usedBy, List<String> waiting) {}

    /** @param blocking the library is eventlet only and the repository is not eventlet-free */
    public record Edge(String repository, String library, boolean blocking) {}

    /**
     * @param level 0 when none of its portfolio dependencies is still to migrate; else one more than theirs
     * @param waitsOn the libraries it waits for: portfolio repositories still to migrate, then blocking libraries
     * @param unblocks how many repositories wait on it
     */
    public record Step(int rank, String repository, String team, String status, int level, double score,
            List<String> waitsOn, int unblocks) {}

    public record Nudge(String library, String source, String repository, String team, int waiting, List<String> repositories) {}

    /** @param month YYYY-MM; each repository counts with its last sampled point at or before the month's end */
    public record MonthPoint(String month, int usageFindings, int repositories) {}
}
