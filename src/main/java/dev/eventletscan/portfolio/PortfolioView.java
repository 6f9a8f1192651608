package dev.eventletscan.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The geometry of the portfolio page's small charts, computed here so the template stays layout only. */
public record PortfolioView(Map<String, String> sparks, Graph graph, Burndown burndown, List<String> teamNames, List<String> statuses) {

    /** A bipartite drawing: blocking libraries on the left, the repositories that need them on the right. */
    public record Graph(int width, int height, List<Node> libraries, List<Node> repositories, List<Line> lines) {}

    public record Node(String name, int x, int y, String css) {}

    public record Line(int x1, int y1, int x2, int y2, boolean blocking, String title) {}

    public record Burndown(int width, int height, String points, List<Node> labels) {}

    private static final int ROW = 20;

    public static PortfolioView of(PortfolioReport r) {
        Map<String, String> sparks = new LinkedHashMap<>();
        for (RepositoryEntry e : r.repositories()) {
            if (e.history() != null && e.history().size() > 1) {
                sparks.put(e.name(), polyline(e.history().stream().map(p -> (double) p.usageFindings()).toList(), 90, 20));
            }
        }
        List<String> teams = r.totals().teams().stream().map(PortfolioReport.Total::team).toList();
        return new PortfolioView(sparks, graph(r), burndown(r), teams,
                List.of(RepositoryEntry.FREE, RepositoryEntry.SWITCHABLE, RepositoryEntry.IN_PROGRESS, RepositoryEntry.NOT_STARTED,
                        RepositoryEntry.FAILED));
    }

    private static Graph graph(PortfolioReport r) {
        TreeSet<String> libs = new TreeSet<>();
        TreeSet<String> repos = new TreeSet<>();
        r.blockers().forEach(e -> {
            libs.add(e.library());
            repos.add(e.repository());
        });
        Map<String, Integer> ly = new LinkedHashMap<>();
        Map<String, Integer> ry = new LinkedHashMap<>();
        int rows = Math.max(libs.size(), repos.size());
        int height = Math.max(1, rows) * ROW + 10;
        List<Node> ln = new ArrayList<>();
        List<Node> rn = new ArrayList<>();
        int i = 0;
        // libraries spread over the height of the repository column, so the lines fan out instead of bunching
        for (String l : libs) {
            int y = libs.size() == 1 ? height / 2 : 15 + (int) Math.round(i++ * (height - 30.0) / (libs.size() - 1));
            ly.put(l, y);
            boolean blocking = r.readiness().stream().anyMatch(x -> x.name().equals(l) && !x.waiting().isEmpty());
            ln.add(new Node(l, 190, y, blocking ? "state-eventlet-only" : "state-dual-mode"));
        }
        i = 0;
        for (String p : repos) {
            int y = 15 + i++ * ROW;
            ry.put(p, y);
            rn.add(new Node(p, 410, y, ""));
        }
        List<Line> lines = r.blockers().stream().map(e -> new Line(200, ly.get(e.library()), 400, ry.get(e.repository()), e.blocking(),
                e.repository() + " needs " + e.library() + (e.blocking() ? " (blocking)" : ""))).toList();
        return new Graph(620, height, ln, rn, lines);
    }

    private static Burndown burndown(PortfolioReport r) {
        if (r.burndown() == null || r.burndown().size() < 2) {
            return null;
        }
        List<Double> values = r.burndown().stream().map(p -> (double) p.usageFindings()).toList();
        List<Node> labels = new ArrayList<>();
        int w = 600;
        for (int i = 0; i < r.burndown().size(); i++) {
            var p = r.burndown().get(i);
            labels.add(new Node(p.month() + ": " + p.usageFindings(), (int) Math.round(40 + i * (w - 60.0) / (r.burndown().size() - 1)), 175, ""));
        }
        return new Burndown(w, 190, polylineIn(values, 40, 10, w - 60, 150), labels);
    }

    private static String polyline(List<Double> values, int w, int h) {
        return polylineIn(values, 1, 1, w - 2, h - 2);
    }

    private static String polylineIn(List<Double> values, int left, int top, int w, int h) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = left + (values.size() == 1 ? 0 : i * (double) w / (values.size() - 1));
            double y = top + h - (max == 0 ? 0 : values.get(i) / max * h);
            b.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
        }
        return b.toString();
    }
}
