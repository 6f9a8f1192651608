package dev.eventletscan.trend;

import dev.eventletscan.api.ScanListener;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.api.Version;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.model.ScanMetadata;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.ToolInfo;
import dev.eventletscan.model.TrendReport;
import dev.eventletscan.walk.GitTreeWalker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The migration over time: scans sampled commits of the current branch's first-parent history, reading their
 * files from git objects (the working tree is never touched), with the same engine as a scan. Per-file results
 * go through the cache, keyed by content, so a file unchanged between two points is parsed once.
 */
public final class HistoryTrend {
    /** The trend JSON's schema version; bump the major part on any incompatible change. */
    public static final String SCHEMA_VERSION = "1.0";
    /** What drops, rises and the projection count. */
    public static final String MEASURE = "usage findings: every finding but documentation mentions (category docs)";
    static final String MEASURE_NAME = "usage findings";
    static final String DOCS = "docs";
    /** Drops and rises listed, each. */
    static final int CHANGES_SHOWN = 5;
    /** An interval of up to this many commits has each scanned to find the one behind its change; longer ones are bisected. */
    static final int SCAN_EACH_UP_TO = 16;
    static final int FILES_SHOWN = 10;

    private final Scanner scanner;

    public HistoryTrend(Scanner scanner) {
        this.scanner = scanner;
    }

    /**
     * @param cache per-file results, shared by every point (an in-memory one at least, or nothing is reused)
     * @throws InvalidInputException when the folder is not in a git repository, the dates are wrong, no commit is in
     *     range, or a shallow clone lacks the history asked for
     */
    public TrendReport run(TrendRequest request, ResultCache cache, TrendListener listener) throws IOException {
        try (GitHistory history = GitHistory.open(request.scan().target())) {
            return new Run(request, history, cache, listener).report();
        }
    }

    /** What one commit's scan gives the series. */
    /** Unscanned files named per point; the JSON point's {@code problems} counts them all. */
    private static final int UNSCANNED_NAMED = 5;

    private record Figures(int findings, int usage, SortedMap<String, Integer> byCategory, int filesWithFindings,
            int pythonUsing, int pythonFiles, int monkeyPatchCalls, TrendReport.Difficulty difficulty,
            TrendReport.Effort effort, String target, int problems, Map<String, Integer> usageByFile, List<String> unscanned) {

        static Figures of(ScanResult r) {
            SortedMap<String, Integer> byCategory = r.summary().findingsByCategory();
            Map<String, Integer> byFile = new HashMap<>();
            for (Finding f : r.findings()) {
                if (!f.category().equals(DOCS)) {
                    byFile.merge(f.path(), 1, Integer::sum);
                }
            }
            int pythonUsing = (int) r.files().stream().filter(f -> f.kind().equals("python") && f.findings() > 0).count();
            ComponentAssessment repo = r.assessment().repository();
            var d = repo.difficulty();
            return new Figures(r.summary().findings(), r.summary().findings() - byCategory.getOrDefault(DOCS, 0), byCategory,
                    r.summary().filesWithFindings(), pythonUsing, r.summary().filesWalked(), r.summary().monkeyPatchCalls(),
                    new TrendReport.Difficulty(d.score(), d.level(), d.size().score(), d.dependencies().score(), d.patching().score()),
                    new TrendReport.Effort(repo.effort().lowDays(), repo.effort().highDays(), repo.effort().usagePoints()),
                    repo.recommendation().target(), r.problems().size(), Map.copyOf(byFile),
                    r.problems().stream().filter(p -> p.level().equals("error")).map(p -> p.path() + " (" + p.message() + ")").toList());
        }
    }

    /** Two consecutive points whose commits differ and whose measure moved. */
    private record Interval(TrendReport.Point from, TrendReport.Point to, int fromIndex, int toIndex, int delta) {}

    private final class Run {
        private final TrendRequest request;
        private final ScanRequest scan;
        private final GitHistory history;
        private final ResultCache cache;
        private final TrendListener listener;
        private final GitTreeWalker walker;
        private final Map<Integer, Figures> scanned = new HashMap<>();
        private final List<String> notices = new ArrayList<>();
        private List<GitHistory.Link> chain;

        Run(TrendRequest request, GitHistory history, ResultCache cache, TrendListener listener) {
            this.request = request;
            this.scan = request.scan();
            this.history = history;
            this.cache = cache;
            this.listener = listener;
            this.walker = scanner.treeWalker(scan);
        }

        TrendReport report() throws IOException {
            GitHistory.Link head = history.head();
            Instant until = switch (request.until()) {
                case TrendDates.Until.At at -> at.instant();
                case TrendDates.Until.Head h -> head.date();
            };
            Instant since = switch (request.since()) {
                case TrendDates.Since.At at -> at.instant();
                case TrendDates.Since.Before before -> before.amount().after(TrendDates.utc(until), -1).toInstant();
            };
            if (since.isAfter(until)) {
                throw new InvalidInputException("--since " + TrendDates.format(since) + " is after --until " + TrendDates.format(until)
                        + (request.until() instanceof TrendDates.Until.Head ? " (the date of HEAD's commit)" : ""));
            }
            List<Instant> dates;
            try {
                dates = request.every() != null ? Sampling.every(since, until, request.every())
                        : Sampling.count(since, until, request.points());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
            chain = history.chainDownTo(since);
            int[] at = Sampling.commitsAt(chain, dates);
            int first = 0;
            while (first < at.length && at[first] < 0) {
                first++;
            }
            GitHistory.Link oldest = chain.getLast();
            if (first == at.length) {
                throw new InvalidInputException("no commits in range: the first commit of " + branchName() + " is dated "
                        + TrendDates.format(oldest.date()) + ", after --until " + TrendDates.format(until));
            }
            if (first > 0) {
                notices.add(first + (first == 1 ? " point (" + TrendDates.day(dates.getFirst()) + ") comes"
                        : " points (" + TrendDates.day(dates.getFirst()) + " to " + TrendDates.day(dates.get(first - 1)) + ") come")
                        + " before the first commit of " + branchName() + " (" + TrendDates.format(oldest.date()) + ") and "
                        + (first == 1 ? "is" : "are") + " left out");
            }
            listener.planned(dates.size() - first);
            List<TrendReport.Point> points = new ArrayList<>();
            List<Integer> indices = new ArrayList<>();
            int previous = -1;
            for (int p = first; p < dates.size(); p++) {
                int index = at[p];
                boolean same = index == previous;
                long start = System.nanoTime();
                Figures f = figures(index);
                GitHistory.Link link = chain.get(index);
                points.add(point(dates.get(p), link, same, previous < 0 ? 0 : previous - index, f));
                if (!same && !f.unscanned().isEmpty()) {
                    // A file that could not be read (a corrupt blob, say) is missing from this point's counts: say which.
                    notices.add(TrendDates.day(dates.get(p)) + " (" + link.shortId() + "): " + f.unscanned().size()
                            + (f.unscanned().size() == 1 ? " file" : " files") + " not scanned, so not counted: "
                            + String.join(", ", f.unscanned().stream().limit(UNSCANNED_NAMED).toList())
                            + (f.unscanned().size() > UNSCANNED_NAMED ? " and " + (f.unscanned().size() - UNSCANNED_NAMED) + " more" : ""));
                }
                indices.add(index);
                listener.stepped(TrendDates.day(dates.get(p)) + " " + link.shortId() + (same ? " (same commit)" : ""),
                        System.nanoTime() - start);
                previous = index;
            }
            if (indices.getFirst().equals(indices.getLast())) {
                notices.add("no commit landed on " + branchName() + " between " + TrendDates.format(since) + " and "
                        + TrendDates.format(until) + ": every point shows commit " + chain.get(indices.getFirst()).shortId());
            }
            List<Interval> moves = new ArrayList<>();
            for (int p = 1; p < points.size(); p++) {
                int delta = points.get(p).usageFindings() - points.get(p - 1).usageFindings();
                if (!indices.get(p).equals(indices.get(p - 1)) && delta != 0) {
                    moves.add(new Interval(points.get(p - 1), points.get(p), indices.get(p - 1), indices.get(p), delta));
                }
            }
            Comparator<Interval> byDate = Comparator.comparing(i -> i.to().date());
            List<Interval> drops = moves.stream().filter(i -> i.delta() < 0)
                    .sorted(Comparator.comparingInt(Interval::delta).thenComparing(byDate)).limit(CHANGES_SHOWN).toList();
            List<Interval> rises = moves.stream().filter(i -> i.delta() > 0)
                    .sorted(Comparator.comparingInt((Interval i) -> -i.delta()).thenComparing(byDate)).limit(CHANGES_SHOWN).toList();
            listener.planned(Stream.concat(drops.stream(), rises.stream()).mapToInt(i -> locateScans(i.fromIndex() - i.toIndex())).sum());
            List<TrendReport.Change> dropChanges = new ArrayList<>();
            for (Interval i : drops) {
                dropChanges.add(change(i, -1));
            }
            List<TrendReport.Change> riseChanges = new ArrayList<>();
            for (Interval i : rises) {
                riseChanges.add(change(i, 1));
            }
            TrendReport.Projection projection = Projection.of(points.stream()
                    .map(pt -> new Projection.Sample(Instant.parse(pt.date()), pt.usageFindings())).toList(), MEASURE_NAME);
            return new TrendReport(new ToolInfo("eventlet-scan", Version.get(), SCHEMA_VERSION, scanner.rules().version()),
                    new TrendReport.Repository(slashed(scan.target().normalize()), history.root(), history.branch(), head.id().name(),
                            TrendDates.format(head.date())),
                    new TrendReport.Sampling(TrendDates.format(since), TrendDates.format(until),
                            request.every() == null ? null : request.every().toString(), request.points()),
                    new ScanMetadata.Options(scan.includes(), scan.excludes(), scan.disabled(),
                            scan.extraRules().stream().map(HistoryTrend::slashed).toList(), List.of(), scan.enabled(), scan.severities()),
                    MEASURE, points, dropChanges, riseChanges, projection, notices);
        }

        private String branchName() {
            return history.branch() == null ? "the detached HEAD" : history.branch();
        }

        /** The scans needed to pick out one commit of an interval of {@code commits}. */
        private static int locateScans(int commits) {
            if (commits <= 1) {
                return 0;
            }
            if (commits <= SCAN_EACH_UP_TO) {
                return commits - 1;
            }
            return 32 - Integer.numberOfLeadingZeros(commits - 1); // ceil(log2(commits))
        }

        private Figures figures(int index) throws IOException {
            Figures known = scanned.get(index);
            if (known != null) {
                return known;
            }
            GitHistory.Link link = chain.get(index);
            var walk = walker.walk(history.repository(), link.tree(), history.top(), history.root());
            Figures f = Figures.of(scanner.scan(scan, walk, cache, ScanListener.NONE));
            scanned.put(index, f);
            return f;
        }

        /** A figure of a commit scanned only to locate a change: one more step of the plan. */
        private Figures located(int index) throws IOException {
            if (scanned.containsKey(index)) {
                return scanned.get(index);
            }
            long start = System.nanoTime();
            Figures f = figures(index);
            GitHistory.Link link = chain.get(index);
            listener.stepped(TrendDates.day(link.date()) + " " + link.shortId() + " (locating a change)", System.nanoTime() - start);
            return f;
        }

        private TrendReport.Change change(Interval i, int direction) throws IOException {
            Figures before = scanned.get(i.fromIndex());
            Figures after = scanned.get(i.toIndex());
            return new TrendReport.Change(i.from().date(), i.to().date(), i.from().commit(), i.to().commit(),
                    i.fromIndex() - i.toIndex(), i.delta(), categoryDelta(before, after),
                    after.pythonUsing() - before.pythonUsing(), after.monkeyPatchCalls() - before.monkeyPatchCalls(),
                    Projection.round(after.difficulty().score() - before.difficulty().score()), culprit(i.fromIndex(), i.toIndex(), direction));
        }

        /**
         * The commit of the interval (chain indices {@code older} > {@code newer}) whose own change moves the measure
         * most in {@code direction}, against its first parent.
         */
        private TrendReport.Culprit culprit(int older, int newer, int direction) throws IOException {
            int commits = older - newer;
            int parent;
            String foundBy;
            if (commits == 1) {
                parent = older;
                foundBy = "only commit";
            } else if (commits <= SCAN_EACH_UP_TO) {
                parent = older;
                int best = Integer.MIN_VALUE;
                for (int c = older; c > newer; c--) {
                    int step = (located(c - 1).usage() - located(c).usage()) * direction;
                    if (step > best) {
                        best = step;
                        parent = c;
                    }
                }
                foundBy = "each commit scanned";
            } else {
                int lo = older;
                int hi = newer;
                while (lo - hi > 1) {
                    int mid = (lo + hi) >>> 1;
                    int firstHalf = (located(mid).usage() - located(lo).usage()) * direction;
                    int secondHalf = (located(hi).usage() - located(mid).usage()) * direction;
                    if (firstHalf >= secondHalf) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                parent = lo;
                foundBy = "bisection";
            }
            Figures before = located(parent);
            Figures after = located(parent - 1);
            GitHistory.Link commit = chain.get(parent - 1);
            return new TrendReport.Culprit(commit.id().name(), TrendDates.format(commit.date()), commit.subject(), foundBy,
                    after.usage() - before.usage(), categoryDelta(before, after), fileChanges(before, after));
        }

        private TrendReport.Point point(Instant date, GitHistory.Link link, boolean same, int commitsSince, Figures f) {
            return new TrendReport.Point(TrendDates.format(date), link.id().name(), TrendDates.format(link.date()), link.subject(),
                    same, commitsSince, f.findings(), f.usage(), f.byCategory(), f.filesWithFindings(), f.pythonUsing(),
                    f.pythonFiles(), f.monkeyPatchCalls(), f.difficulty(), f.effort(), f.target(), f.problems());
        }
    }

    private static SortedMap<String, Integer> categoryDelta(Figures before, Figures after) {
        SortedMap<String, Integer> out = new TreeMap<>();
        for (String c : new TreeSet<>(concat(before.byCategory().keySet(), after.byCategory().keySet()))) {
            int d = after.byCategory().getOrDefault(c, 0) - before.byCategory().getOrDefault(c, 0);
            if (d != 0) {
                out.put(c, d);
            }
        }
        return out;
    }

    private static List<TrendReport.FileChange> fileChanges(Figures before, Figures after) {
        List<TrendReport.FileChange> out = new ArrayList<>();
        for (String path : new TreeSet<>(concat(before.usageByFile().keySet(), after.usageByFile().keySet()))) {
            int b = before.usageByFile().getOrDefault(path, 0);
            int a = after.usageByFile().getOrDefault(path, 0);
            if (a != b) {
                out.add(new TrendReport.FileChange(path, b, a));
            }
        }
        out.sort(Comparator.comparingInt((TrendReport.FileChange c) -> -Math.abs(c.after() - c.before()))
                .thenComparing(TrendReport.FileChange::path));
        return out.size() > FILES_SHOWN ? List.copyOf(out.subList(0, FILES_SHOWN)) : out;
    }

    private static <T> List<T> concat(Collection<T> a, Collection<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String slashed(Path p) {
        String text = p.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
