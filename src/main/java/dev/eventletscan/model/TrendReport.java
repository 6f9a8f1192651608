package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.SortedMap;

/**
 * The migration over time: the figures of sampled commits of a branch's first-parent history, the biggest
 * changes with the commits behind them, and where the recent pace leads. Every trend format renders this, and
 * nothing in it depends on when or how fast the run went, so the same history and options give the same bytes.
 *
 * @param repository what was read: the folder as given, the branch and the commit at its tip
 * @param sampling how the points were chosen, dates in UTC
 * @param options the options that change what is found (as for a scan)
 * @param measure what drops, rises and the projection count
 * @param points oldest first, one per sampled date
 * @param drops the largest falls of the measure between two points, largest first
 * @param rises the largest climbs, largest first
 * @param notices what the run passed over or assumed, for the reader (points before the first commit, say)
 */
public record TrendReport(ToolInfo tool, Repository repository, Sampling sampling, ScanMetadata.Options options,
        String measure, List<Point> points, List<Change> drops, List<Change> rises, Projection projection,
        List<String> notices) {
    public TrendReport {
        points = List.copyOf(points);
        drops = List.copyOf(drops);
        rises = List.copyOf(rises);
        notices = List.copyOf(notices);
    }

    /**
     * @param root the scanned folder as given
     * @param folder the scanned folder inside the repository, "" for all of it
     * @param branch the current branch, null on a detached HEAD
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Repository(String root, String folder, String branch, String head, String headDate) {}

    /**
     * @param since the first point, UTC
     * @param until the last point, UTC (by default the date of the commit at the tip, so reruns agree)
     * @param every the spacing ({@code 1w}, {@code 1mo}...), or null when a number of points was asked for
     * @param points how many points were asked for with {@code --points}, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sampling(String since, String until, String every, Integer points) {}

    /**
     * The figures at one sampled date.
     *
     * @param date the sampled moment, UTC
     * @param commit the last commit of the first-parent history at or before {@code date}
     * @param commitDate its committer date, UTC
     * @param subject its message's first line
     * @param sameCommitAsPrevious no commit landed since the previous point: its figures are reused, not rescanned
     * @param commitsSincePrevious first-parent commits between the previous point's commit and this one (this one included)
     * @param usageFindings the findings outside documentation (category {@code docs}): what drops, rises and the projection count
     * @param filesWithFindings files of any kind with at least one finding
     * @param pythonFilesUsingEventlet Python files with at least one finding
     * @param pythonFiles Python files scanned
     * @param problems files that could not be read or parsed whole
     */
    public record Point(String date, String commit, String commitDate, String subject, boolean sameCommitAsPrevious,
            int commitsSincePrevious, int findings, int usageFindings, SortedMap<String, Integer> findingsByCategory,
            int filesWithFindings, int pythonFilesUsingEventlet, int pythonFiles, int monkeyPatchCalls, Difficulty difficulty,
            Effort effort, String target, int problems) {}

    /** The repository's difficulty score and the FAQ's three criteria, 0 to 100. */
    public record Difficulty(double score, String level, double size, double dependencies, double patching) {}

    /** The effort range in person-days, and the usage points it was computed from. */
    public record Effort(double lowDays, double highDays, double usagePoints) {}

    /**
     * What changed between two consecutive points with different commits: each field but the commits and
     * dates is the later figure minus the earlier.
     *
     * @param commits first-parent commits in between (the later point's included)
     * @param findingsByCategory categories whose count changed
     * @param commit the single commit within the interval whose own change in the measure is the largest in the
     *     same direction
     */
    public record Change(String from, String to, String fromCommit, String toCommit, int commits, int usageFindings,
            SortedMap<String, Integer> findingsByCategory, int pythonFilesUsingEventlet, int monkeyPatchCalls, double score,
            Culprit commit) {}

    /**
     * One commit and what it changed against its first parent.
     *
     * @param foundBy how it was picked out of its interval: {@code only commit}, {@code each commit scanned}, or
     *     {@code bisection} (the interval halved towards the larger change, so a large change, not always the largest)
     * @param files the files whose measure changed most, up to ten
     */
    public record Culprit(String id, String date, String subject, String foundBy, int usageFindings,
            SortedMap<String, Integer> findingsByCategory, List<FileChange> files) {
        public Culprit {
            files = List.copyOf(files);
        }
    }

    /** A file's findings outside documentation before and after a commit. */
    public record FileChange(String path, int before, int after) {}

    /**
     * Where the recent pace leads: a least-squares line through the measure over the window's points.
     *
     * @param status {@code projected} (falling: an end date), {@code no-end-in-sight} (flat or rising, or too slow
     *     to end within a century), {@code done} (nothing left at the last point) or {@code too-few-points}
     * @param statement the conclusion in one sentence
     * @param windowFrom the window's first point, UTC
     * @param slopePer30Days the fitted change of the measure per 30 days
     * @param slopeLowPer30Days the slope's 95% interval (Student's t with n - 2 degrees of freedom), low end
     * @param fittedAtEnd the line's value at the last point
     * @param endDate the day the line reaches zero
     * @param earliestEndDate the day the steepest slope within the interval reaches zero, pivoting on the window's mean point
     * @param latestEndDate the same for the shallowest slope; null when a flat or rising line is within the interval
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Projection(String status, String statement, int windowPoints, String windowFrom, String windowTo,
            Double slopePer30Days, Double slopeLowPer30Days, Double slopeHighPer30Days, Double fittedAtEnd, String endDate,
            String earliestEndDate, String latestEndDate) {}
}
