package dev.eventletscan.portfolio;

import dev.eventletscan.model.ToolInfo;
import dev.eventletscan.rules.DependencyMatch;
import dev.eventletscan.portfolio.PortfolioReport.Edge;
import dev.eventletscan.portfolio.PortfolioReport.LibraryReadiness;
import dev.eventletscan.portfolio.PortfolioReport.MonthPoint;
import dev.eventletscan.portfolio.PortfolioReport.Nudge;
import dev.eventletscan.portfolio.PortfolioReport.Step;
import dev.eventletscan.portfolio.PortfolioReport.Total;
import dev.eventletscan.portfolio.PortfolioReport.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the portfolio says, computed from the repositories' rows alone: a single run and merged shards hand
 * it the same rows, so they give the same report.
 */
public final class PortfolioAssembler {
    public static final String SCHEMA_VERSION = "1.0";
    private static final List<String> STATUSES = List.of(RepositoryEntry.FREE, RepositoryEntry.SWITCHABLE,
            RepositoryEntry.IN_PROGRESS, RepositoryEntry.NOT_STARTED, RepositoryEntry.FAILED);

    private final ReadinessBase base;

    public PortfolioAssembler(ReadinessBase base) {
        this.base = base;
    }

    /**
     * @param previous the earlier portfolio report for the change column, or null
     * @param shard the share the rows are, or null for the whole portfolio
     */
    public PortfolioReport assemble(ToolInfo tool, PortfolioReport.Options options, Teams teams, List<RepositoryEntry> rows,
            PortfolioReport previous, Shard shard) {
        List<RepositoryEntry> repos = rows.stream().map(r -> r.withTeam(teams.teamOf(r.name())))
                .map(r -> r.withChange(change(r, previous))).sorted(Comparator.comparing(RepositoryEntry::name)).toList();
        List<LibraryReadiness> readiness = readiness(repos);
        Map<String, LibraryReadiness> byLibrary = new TreeMap<>();
        readiness.forEach(l -> byLibrary.put(l.name(), l));
        List<Edge> edges = edges(repos, byLibrary);
        List<String> removed = previous == null ? null : previous.repositories().stream().map(RepositoryEntry::name)
                .filter(n -> repos.stream().noneMatch(r -> r.name().equals(n))).sorted().toList();
        return new PortfolioReport(tool, shard, options, teams.byTeam(), repos, totals(repos), readiness, edges,
                order(repos, byLibrary), nudge(readiness, repos), burndown(repos), removed);
    }

    private static RepositoryEntry.Change change(RepositoryEntry r, PortfolioReport previous) {
        if (previous == null || r.failed()) {
            return null;
        }
        RepositoryEntry before = previous.repositories().stream().filter(p -> p.name().equals(r.name())).findFirst().orElse(null);
        if (before == null) {
            return new RepositoryEntry.Change(r.usageFindings(), r.score(), null, true);
        }
        return new RepositoryEntry.Change(r.usageFindings() - before.usageFindings(), round(r.score() - before.score()),
                before.status().equals(r.status()) ? null : before.status(), false);
    }

    private static Totals totals(List<RepositoryEntry> repos) {
        Map<String, List<RepositoryEntry>> byTeam = new TreeMap<>(Comparator.comparing((String t) -> t.equals(Teams.NONE))
                .thenComparing(Comparator.naturalOrder()));
        repos.forEach(r -> byTeam.computeIfAbsent(r.team(), k -> new ArrayList<>()).add(r));
        List<Total> teams = byTeam.entrySet().stream().map(e -> total(e.getKey(), e.getValue())).toList();
        return new Totals(teams, total("all", repos));
    }

    private static Total total(String team, List<RepositoryEntry> repos) {
        SortedMap<String, Integer> byStatus = new TreeMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0));
        repos.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        List<Double> scores = repos.stream().filter(r -> !r.failed()).map(RepositoryEntry::score).sorted().toList();
        double median = scores.isEmpty() ? 0 : scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
                : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2;
        return new Total(team, repos.size(), byStatus, repos.stream().mapToInt(RepositoryEntry::findings).sum(),
                repos.stream().mapToInt(RepositoryEntry::usageFindings).sum(), scores.isEmpty() ? 0 : scores.getFirst(),
                scores.isEmpty() ? 0 : scores.getLast(), round(median),
                round(repos.stream().mapToDouble(RepositoryEntry::effortLowDays).sum()),
                round(repos.stream().mapToDouble(RepositoryEntry::effortHighDays).sum()));
    }

    /** The readiness table: libraries the repositories use in eventlet mode, and the portfolio's own libraries they need. */
    List<LibraryReadiness> readiness(List<RepositoryEntry> repos) {
        Map<String, RepositoryEntry> builders = new HashMap<>();
        repos.stream().filter(r -> !r.failed() && r.provides() != null).forEach(r -> builders.putIfAbsent(DependencyMatch.normalise(r.provides()), r));
        SortedMap<String, Set<String>> users = new TreeMap<>();
        Map<String, RepositoryEntry.Dependency> installed = new TreeMap<>();
        Map<String, String> shown = new TreeMap<>(); // the spelling a manifest used, for the reader
        builders.forEach((k, b) -> shown.put(k, b.name()));
        for (RepositoryEntry r : repos) {
            for (RepositoryEntry.Dependency d : r.dependencies()) {
                String key = DependencyMatch.normalise(d.name());
                if (!base.notLibraries().contains(key) && (d.direct() || builders.containsKey(key))) {
                    users.computeIfAbsent(key, k -> new TreeSet<>()).add(r.name());
                    shown.putIfAbsent(key, d.name());
                }
                if (d.evidence().equals("scanned")) {
                    installed.putIfAbsent(key, d);
                }
            }
            for (String required : r.requires()) {
                RepositoryEntry b = builders.get(required);
                // a portfolio library that still has eventlet code is one to wait on, known to the knowledge base or not
                if (b != null && b != r && !b.done() && !base.notLibraries().contains(required)) {
                    users.computeIfAbsent(required, k -> new TreeSet<>()).add(r.name());
                }
            }
        }
        Map<String, RepositoryEntry> byName = new HashMap<>();
        repos.forEach(r -> byName.put(r.name(), r));
        List<LibraryReadiness> out = new ArrayList<>();
        users.forEach((lib, who) -> {
            RepositoryEntry b = builders.get(lib);
            RepositoryEntry.Dependency inst = installed.get(lib);
            ReadinessBase.Entry known = base.libraries().get(lib);
            String source;
            String state;
            String evidence;
            if (b != null && b.done()) {
                source = "portfolio";
                state = ReadinessBase.FREE;
                evidence = "its scan finds no eventlet use of its own";
            } else if (b != null && known != null && !known.state().equals(ReadinessBase.FREE)) {
                source = "portfolio + knowledge base";
                state = known.state();
                evidence = "scan: " + b.usageFindings() + " usage findings, status " + b.status() + "; " + known.evidence();
            } else if (b != null) {
                source = "portfolio";
                state = b.status().equals(RepositoryEntry.NOT_STARTED) ? ReadinessBase.EVENTLET_ONLY : ReadinessBase.DUAL;
                evidence = "scan: " + b.usageFindings() + " usage findings, switch-off " + b.switchOff()
                        + (b.switchReason() == null ? "" : ": " + b.switchReason());
            } else if (inst != null) {
                source = "installed";
                state = known != null && !known.state().equals(ReadinessBase.FREE) ? known.state() : ReadinessBase.EVENTLET_ONLY;
                evidence = "its installed code has " + inst.findings() + " eventlet findings"
                        + (known != null ? "; " + known.evidence() : "");
            } else if (known != null) {
                source = "knowledge base";
                state = known.state();
                evidence = known.evidence();
            } else {
                source = "knowledge base";
                state = ReadinessBase.EVENTLET_ONLY;
                evidence = "listed as tied to eventlet, with no record of a release that runs without it";
            }
            boolean dual = state.equals(ReadinessBase.DUAL);
            List<String> waiting = state.equals(ReadinessBase.EVENTLET_ONLY)
                    ? who.stream().filter(n -> !byName.get(n).done()).toList() : List.of();
            out.add(new LibraryReadiness(shown.getOrDefault(lib, lib), source, b == null ? null : b.name(), inst == null ? null : inst.installedVersion(),
                    state, dual && known != null ? known.since() : null, dual && known != null ? known.switchName() : null,
                    evidence, List.copyOf(who), waiting));
        });
        return out;
    }

    private static List<Edge> edges(List<RepositoryEntry> repos, Map<String, LibraryReadiness> libraries) {
        List<Edge> out = new ArrayList<>();
        for (LibraryReadiness l : libraries.values()) {
            for (String user : l.usedBy()) {
                out.add(new Edge(user, l.name(), l.waiting().contains(user)));
            }
        }
        out.sort(Comparator.comparing(Edge::repository).thenComparing(Edge::library));
        return out;
    }

    /** Libraries before the repositories that need them, then the least blocked, then the easiest. */
    private static List<Step> order(List<RepositoryEntry> repos, Map<String, LibraryReadiness> libraries) {
        Map<String, RepositoryEntry> byName = new HashMap<>();
        repos.forEach(r -> byName.put(r.name(), r));
        Map<String, List<String>> needs = new HashMap<>();
        Map<String, Integer> unblocks = new HashMap<>();
        for (RepositoryEntry r : repos) {
            List<String> portfolio = new ArrayList<>();
            List<String> blocking = new ArrayList<>();
            for (LibraryReadiness l : libraries.values()) {
                if (!l.usedBy().contains(r.name())) {
                    continue;
                }
                if (l.repository() != null && !byName.get(l.repository()).done()) {
                    portfolio.add(l.repository());
                } else if (l.waiting().contains(r.name())) {
                    blocking.add(l.name());
                }
            }
            List<String> all = new ArrayList<>(portfolio);
            all.addAll(blocking);
            needs.put(r.name(), all);
            portfolio.forEach(p -> unblocks.merge(p, 1, Integer::sum));
        }
        Map<String, Integer> levels = new HashMap<>();
        repos.forEach(r -> level(r.name(), byName, needs, levels, new HashSet<>()));
        List<RepositoryEntry> pending = repos.stream().filter(r -> !r.done() && !r.failed())
                .sorted(Comparator.comparing((RepositoryEntry r) -> levels.get(r.name()))
                        .thenComparing(r -> needs.get(r.name()).size())
                        .thenComparing(r -> -unblocks.getOrDefault(r.name(), 0))
                        .thenComparing(RepositoryEntry::score)
                        .thenComparing(RepositoryEntry::name))
                .toList();
        List<Step> out = new ArrayList<>();
        for (RepositoryEntry r : pending) {
            out.add(new Step(out.size() + 1, r.name(), r.team(), r.status(), levels.get(r.name()), r.score(), needs.get(r.name()),
                    unblocks.getOrDefault(r.name(), 0)));
        }
        return out;
    }

    /** 0 with no portfolio repository to wait for; a cycle is cut where it closes, so every repository gets a level. */
    private static int level(String name, Map<String, RepositoryEntry> byName, Map<String, List<String>> needs,
            Map<String, Integer> levels, Set<String> path) {
        Integer known = levels.get(name);
        if (known != null) {
            return known;
        }
        if (!path.add(name)) {
            return -1;
        }
        int level = 0;
        for (String n : needs.getOrDefault(name, List.of())) {
            if (byName.containsKey(n)) {
                level = Math.max(level, level(n, byName, needs, levels, path) + 1);
            }
        }
        path.remove(name);
        levels.put(name, level);
        return level;
    }

    private static List<Nudge> nudge(List<LibraryReadiness> readiness, List<RepositoryEntry> repos) {
        return readiness.stream().filter(l -> !l.waiting().isEmpty())
                .sorted(Comparator.comparing((LibraryReadiness l) -> -l.waiting().size()).thenComparing(LibraryReadiness::name))
                .map(l -> new Nudge(l.name(), l.source(), l.repository(), l.repository() == null ? null
                        : repos.stream().filter(r -> r.name().equals(l.repository())).findFirst().map(RepositoryEntry::team).orElse(null),
                        l.waiting().size(), l.waiting()))
                .toList();
    }

    private static List<MonthPoint> burndown(List<RepositoryEntry> repos) {
        List<RepositoryEntry> withHistory = repos.stream().filter(r -> r.history() != null && !r.history().isEmpty()).toList();
        if (withHistory.isEmpty()) {
            return null;
        }
        SortedMap<String, Void> months = new TreeMap<>();
        withHistory.forEach(r -> r.history().forEach(p -> months.put(p.date().substring(0, 7), null)));
        // The window every repository covers: before a repository's first point its count is unknown, and summing
        // only the repositories already sampled made the curve climb as each one joined.
        String common = withHistory.stream().map(r -> r.history().stream().map(p -> p.date().substring(0, 7)).min(String::compareTo)
                .orElseThrow()).max(String::compareTo).orElseThrow();
        List<MonthPoint> out = new ArrayList<>();
        for (String month : months.tailMap(common).keySet()) {
            int sum = 0;
            int counted = 0;
            for (RepositoryEntry r : withHistory) {
                RepositoryEntry.HistoryPoint last = null;
                for (RepositoryEntry.HistoryPoint p : r.history()) {
                    if (p.date().substring(0, 7).compareTo(month) <= 0) {
                        last = p;
                    }
                }
                if (last != null) {
                    sum += last.usageFindings();
                    counted++;
                }
            }
            out.add(new MonthPoint(month, sum, counted));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
