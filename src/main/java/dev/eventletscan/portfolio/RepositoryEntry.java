package dev.eventletscan.portfolio;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One repository of the portfolio, reduced to what the portfolio reports show: a few hundred bytes however large
 * the repository, so a portfolio of hundreds holds in memory.
 *
 * @param name the repository's name in the portfolio (its folder's name, or the report file's)
 * @param path where it was read from, as given
 * @param team the team the mapping file gives it, or {@link Teams#NONE}
 * @param source {@code scanned} (checked out and scanned here) or {@code report} (an earlier JSON report read back)
 * @param error why it could not be scanned or read; every figure is then zero and the status {@code failed}
 * @param status eventlet-free, switchable, in progress, not started, or failed
 * @param provides the Python distribution the repository builds (setup.cfg or pyproject.toml), lower case
 * @param dependencies its dependencies that use eventlet, as its own scan's assessment lists them
 * @param requires every distribution its top-level packaging files declare, normalised: the edges to the
 *     portfolio's own repositories are drawn from these once every repository is known
 * @param change what moved since the earlier portfolio report given with {@code --previous}
 * @param history usage findings at sampled commits over the last year, oldest first, when it has git history
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepositoryEntry(String name, String path, String team, String source, String error, String status,
        String commit, String provides, double score, String level, double sizeScore, double dependencyScore,
        double patchingScore, double effortLowDays, double effortHighDays, int findings, int usageFindings,
        int monkeyPatchCalls, String switchOff, String switchReason, List<Dependency> dependencies, List<String> requires,
        Change change,
        // null (no git history) stays null when read back, unlike an absent list
        @com.fasterxml.jackson.annotation.JsonSetter(nulls = com.fasterxml.jackson.annotation.Nulls.SET) List<HistoryPoint> history,
        List<String> notes) {
    public static final String FREE = "eventlet-free";
    public static final String SWITCHABLE = "switchable";
    public static final String IN_PROGRESS = "in progress";
    public static final String NOT_STARTED = "not started";
    public static final String FAILED = "failed";

    public RepositoryEntry {
        // an earlier report read back may lack lists a later version added
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        requires = requires == null ? List.of() : List.copyOf(requires);
        history = history == null ? null : List.copyOf(history);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean done() {
        return status.equals(FREE);
    }

    /**
     * @param name the distribution's name, normalised (lower case, runs of -_. as -)
     * @param direct declared by the repository itself rather than reached through another dependency
     * @param evidence where the repository's own scan learnt it uses eventlet: {@code scanned} (its installed
     *     code, through --site-packages), {@code knowledge base}, or {@code portfolio} when only the portfolio
     *     knows it as one of its own repositories
     * @param installedVersion the installed version read from its metadata, when site-packages were scanned
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dependency(String name, boolean direct, String evidence, String installedVersion, boolean usesEventlet,
            int findings) {}

    /** The later figure minus the earlier one, and the earlier status when it differs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(int usageFindings, double score, String previousStatus, boolean newInPortfolio) {}

    /** @param date the sampled moment, UTC (ISO-8601) */
    public record HistoryPoint(String date, String commit, int usageFindings) {}

    public RepositoryEntry withChange(Change c) {
        return new RepositoryEntry(name, path, team, source, error, status, commit, provides, score, level, sizeScore,
                dependencyScore, patchingScore, effortLowDays, effortHighDays, findings, usageFindings, monkeyPatchCalls,
                switchOff, switchReason, dependencies, requires, c, history, notes);
    }

    public RepositoryEntry withTeam(String t) {
        return new RepositoryEntry(name, path, t, source, error, status, commit, provides, score, level, sizeScore,
                dependencyScore, patchingScore, effortLowDays, effortHighDays, findings, usageFindings, monkeyPatchCalls,
                switchOff, switchReason, dependencies, requires, change, history, notes);
    }

    public RepositoryEntry withHistory(List<HistoryPoint> points, List<String> moreNotes) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(moreNotes);
        return new RepositoryEntry(name, path, team, source, error, status, commit, provides, score, level, sizeScore,
                dependencyScore, patchingScore, effortLowDays, effortHighDays, findings, usageFindings, monkeyPatchCalls,
                switchOff, switchReason, dependencies, requires, change, points, all);
    }

    /** A repository that could not be scanned or read: listed with its error, counted nowhere else. */
    public static RepositoryEntry failure(String name, String path, String team, String source, String error) {
        return new RepositoryEntry(name, path, team, source, error, FAILED, null, null, 0, "none", 0, 0, 0, 0, 0, 0, 0, 0,
                null, null, List.of(), List.of(), null, null, List.of());
    }
}
