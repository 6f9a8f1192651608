package dev.eventletscan.report.html;

import dev.eventletscan.model.TrendReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The trend page's charts as geometry: every coordinate, tick and colour is worked out here, so the template
 * only lays out SVG elements. Charts share one time axis, from the first point to the last (or on to the
 * projected end, when that lies within as long again).
 */
public record TrendView(List<Chart> charts, String firstDay, String lastDay) {
    static final int WIDTH = 880;
    static final int HEIGHT = 220;
    static final int LEFT = 52;
    static final int RIGHT = 40;
    static final int TOP = 12;
    static final int BOTTOM = 30;
    /** Category colours, largest category first; colour-blind-safe hues first (Okabe and Ito), then more. */
    static final List<String> PALETTE = List.of("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442",
            "#6a3d9a", "#8c564b", "#7f7f7f", "#bcbd22", "#17becf", "#1f3a93", "#b15928", "#33a02c", "#fb9a99", "#999999",
            "#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6", "#444444");

    /** One chart: axes, lines, stacked areas, dots with tooltips and a legend. */
    public record Chart(String id, String title, String caption, int width, int height, int plotLeft, int plotRight,
            int plotTop, int plotBottom, List<Tick> xTicks, List<Tick> yTicks, List<Area> areas, List<Line> lines, List<Dot> dots,
            List<Legend> legend) {}

    /** {@code at} is the pixel position along the axis. */
    public record Tick(String at, String label) {}

    /** A polyline: {@code points} is SVG's "x,y x,y ..." text. */
    public record Line(String name, String colour, String points, boolean dashed, double width) {}

    /** A filled polygon of a stacked chart. */
    public record Area(String name, String colour, String points) {}

    /** A point with what it stands for, shown on hover. */
    public record Dot(String x, String y, String title) {}

    public record Legend(String name, String colour, boolean dashed) {}

    public static TrendView of(TrendReport report) {
        List<TrendReport.Point> points = report.points();
        if (points.isEmpty()) {
            return new TrendView(List.of(), "", "");
        }
        Instant first = Instant.parse(points.getFirst().date());
        Instant last = Instant.parse(points.getLast().date());
        Instant end = last;
        TrendReport.Projection projection = report.projection();
        if ("projected".equals(projection.status())) {
            Instant zero = crossing(projection);
            Duration span = Duration.between(first, last);
            Instant limit = last.plus(span.isZero() ? Duration.ofDays(30) : span);
            end = zero.isAfter(limit) ? limit : zero.isAfter(last) ? zero : last;
        }
        Axis x = new Axis(first, end.equals(first) ? first.plusSeconds(86_400) : end);
        List<Chart> charts = new ArrayList<>();
        charts.add(usage(report, x));
        charts.add(categories(report, x));
        charts.add(lines("chart-files", "Files using eventlet", "Python files with a finding, and files of any kind with one", x, points,
                List.of(new Metric("Python files", "#0072b2", p -> p.pythonFilesUsingEventlet()),
                        new Metric("all files", "#e69f00", p -> p.filesWithFindings())), null));
        charts.add(lines("chart-patches", "monkey_patch calls", "Calls to eventlet's monkey_patch", x, points,
                List.of(new Metric("monkey_patch calls", "#d55e00", p -> p.monkeyPatchCalls())), null));
        charts.add(lines("chart-score", "Difficulty score", "The score and the migration FAQ's three criteria, 0 to 100", x, points,
                List.of(new Metric("score", "#1d2330", p -> p.difficulty().score()),
                        new Metric("size and depth", "#0072b2", p -> p.difficulty().size()),
                        new Metric("dependencies", "#009e73", p -> p.difficulty().dependencies()),
                        new Metric("monkey patching", "#d55e00", p -> p.difficulty().patching())), 100.0));
        charts.add(effort(x, points));
        return new TrendView(charts, points.getFirst().date().substring(0, 10), points.getLast().date().substring(0, 10));
    }

    /** When the fitted line reaches zero. */
    private static Instant crossing(TrendReport.Projection p) {
        double days = p.fittedAtEnd() / (-p.slopePer30Days() / 30);
        return Instant.parse(p.windowTo()).plusSeconds(Math.round(days * 86_400));
    }

    /** A figure of a point, by name and colour. */
    private record Metric(String name, String colour, ToDoubleFunction<TrendReport.Point> value) {}

    private static Chart usage(TrendReport report, Axis x) {
        List<TrendReport.Point> points = report.points();
        TrendReport.Projection p = report.projection();
        double max = points.stream().mapToInt(TrendReport.Point::usageFindings).max().orElse(0);
        Scale y = Scale.upTo(max);
        List<Line> lines = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        lines.add(new Line("usage findings", "#0072b2", polyline(points, x, y, pt -> pt.usageFindings()), false, 2));
        legend.add(new Legend("usage findings", "#0072b2", false));
        if (p.slopePer30Days() != null) {
            Instant from = Instant.parse(p.windowFrom());
            Instant to = Instant.parse(p.windowTo());
            double perDay = p.slopePer30Days() / 30;
            ToDoubleFunction<Instant> fitted = t -> p.fittedAtEnd() + perDay * Duration.between(to, t).toSeconds() / 86_400.0;
            lines.add(new Line("least-squares line", "#d55e00", pair(x, y, from, fitted.applyAsDouble(from), to, fitted.applyAsDouble(to)), false, 1.5));
            legend.add(new Legend("least-squares line over the last " + p.windowPoints() + " points", "#d55e00", false));
            if ("projected".equals(p.status()) && x.end().isAfter(to)) {
                Instant stop = x.end();
                boolean beyond = crossing(p).isAfter(stop);
                double value = beyond ? fitted.applyAsDouble(stop) : 0;
                lines.add(new Line("projection", "#d55e00", pair(x, y, to, fitted.applyAsDouble(to), stop, value), true, 1.5));
                legend.add(new Legend("projection" + (beyond ? " (reaches zero on " + p.endDate() + ", beyond the chart)"
                        : " to zero on " + p.endDate()), "#d55e00", true));
            }
        }
        List<Dot> dots = new ArrayList<>();
        for (TrendReport.Point pt : points) {
            dots.add(new Dot(fmt(x.at(Instant.parse(pt.date()))), fmt(y.at(pt.usageFindings())), pt.date().substring(0, 10) + ": "
                    + pt.usageFindings() + " usage findings at " + pt.commit().substring(0, 10)
                    + (pt.sameCommitAsPrevious() ? " (no new commit)" : "") + " " + pt.subject()));
        }
        return chart("chart-usage", "Usage findings and where the pace leads", report.projection().statement(), x, y, List.of(), lines, dots, legend);
    }

    private static Chart categories(TrendReport report, Axis x) {
        List<TrendReport.Point> points = report.points();
        Map<String, Integer> totals = new TreeMap<>();
        points.forEach(p -> p.findingsByCategory().forEach((c, n) -> totals.merge(c, n, Integer::sum)));
        List<String> order = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        Scale y = Scale.upTo(points.stream().mapToInt(TrendReport.Point::findings).max().orElse(0));
        double[] below = new double[points.size()];
        List<Area> areas = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        for (int c = 0; c < order.size(); c++) {
            String category = order.get(c);
            String colour = PALETTE.get(c % PALETTE.size());
            double[] above = new double[points.size()];
            StringBuilder top = new StringBuilder();
            StringBuilder bottom = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                above[i] = below[i] + points.get(i).findingsByCategory().getOrDefault(category, 0);
                top.append(point(x.at(Instant.parse(points.get(i).date())), y.at(above[i])));
            }
            for (int i = points.size() - 1; i >= 0; i--) {
                bottom.append(point(x.at(Instant.parse(points.get(i).date())), y.at(below[i])));
            }
            areas.add(new Area(category, colour, (top.toString() + bottom).trim()));
            legend.add(new Legend(category + " (" + points.getLast().findingsByCategory().getOrDefault(category, 0) + " at the end)", colour, false));
            below = above;
        }
        return chart("chart-categories", "Findings by category", "All findings, stacked, documentation included", x, y, areas,
                List.of(), List.of(), legend);
    }

    private static Chart lines(String id, String title, String caption, Axis x, List<TrendReport.Point> points, List<Metric> metrics,
            Double fixedMax) {
        double max = fixedMax != null ? fixedMax
                : metrics.stream().mapToDouble(m -> points.stream().mapToDouble(m.value()).max().orElse(0)).max().orElse(0);
        Scale y = fixedMax != null ? Scale.fixed(fixedMax) : Scale.upTo(max);
        List<Line> lines = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        for (Metric m : metrics) {
            lines.add(new Line(m.name(), m.colour(), polyline(points, x, y, m.value()), false, 2));
            legend.add(new Legend(m.name(), m.colour(), false));
        }
        return chart(id, title, caption, x, y, List.of(), lines, List.of(), legend);
    }

    private static Chart effort(Axis x, List<TrendReport.Point> points) {
        Scale y = Scale.upTo(points.stream().mapToDouble(p -> p.effort().highDays()).max().orElse(0));
        StringBuilder band = new StringBuilder();
        points.forEach(p -> band.append(point(x.at(Instant.parse(p.date())), y.at(p.effort().highDays()))));
        points.reversed().forEach(p -> band.append(point(x.at(Instant.parse(p.date())), y.at(p.effort().lowDays()))));
        List<Line> lines = List.of(
                new Line("high", "#6a3d9a", polyline(points, x, y, p -> p.effort().highDays()), false, 1.5),
                new Line("low", "#6a3d9a", polyline(points, x, y, p -> p.effort().lowDays()), true, 1.5));
        return chart("chart-effort", "Effort range (person-days)", "The estimate's low and high ends", x, y,
                List.of(new Area("effort range", "#cab2d6", band.toString().trim())), lines, List.of(),
                List.of(new Legend("high end", "#6a3d9a", false), new Legend("low end", "#6a3d9a", true)));
    }

    private static Chart chart(String id, String title, String caption, Axis x, Scale y, List<Area> areas, List<Line> lines,
            List<Dot> dots, List<Legend> legend) {
        return new Chart(id, title, caption, WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, x.ticks(), y.ticks(), areas,
                lines, dots, legend);
    }

    private static String polyline(List<TrendReport.Point> points, Axis x, Scale y, ToDoubleFunction<TrendReport.Point> value) {
        StringBuilder out = new StringBuilder();
        points.forEach(p -> out.append(point(x.at(Instant.parse(p.date())), y.at(value.applyAsDouble(p)))));
        return out.toString().trim();
    }

    private static String pair(Axis x, Scale y, Instant a, double va, Instant b, double vb) {
        return (point(x.at(a), y.at(va)) + point(x.at(b), y.at(vb))).trim();
    }

    private static String point(double px, double py) {
        return fmt(px) + "," + fmt(py) + " ";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Time along the plot's width. */
    private record Axis(Instant start, Instant end) {
        double at(Instant t) {
            double share = (double) Duration.between(start, t).toSeconds() / Duration.between(start, end).toSeconds();
            return LEFT + share * (WIDTH - LEFT - RIGHT);
        }

        /** Month starts (every n months so there are at most 12), or every n days (at most 10) when shorter than 100 days. */
        List<Tick> ticks() {
            LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
            LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC);
            List<Tick> out = new ArrayList<>();
            long days = Duration.between(start, end).toDays();
            if (days < 100) {
                long step = Math.max(1, (days + 9) / 10);
                for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(step)) {
                    out.add(new Tick(fmt(at(d.atStartOfDay(ZoneOffset.UTC).toInstant())), d.toString().substring(5)));
                }
                return out;
            }
            long months = Math.max(1, (days / 30 + 11) / 12);
            for (LocalDate d = from.withDayOfMonth(1).plusMonths(1); !d.isAfter(to); d = d.plusMonths(months)) {
                out.add(new Tick(fmt(at(d.atStartOfDay(ZoneOffset.UTC).toInstant())), d.toString().substring(0, 7)));
            }
            return out;
        }
    }

    /** Values up the plot's height, from 0 to a round maximum. */
    private record Scale(double max, double step) {
        static Scale upTo(double value) {
            double top = Math.max(1, value);
            double raw = top / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = List.of(1.0, 2.0, 5.0, 10.0).stream().map(f -> f * magnitude).filter(s -> s >= raw)
                    .min(Comparator.naturalOrder()).orElse(10 * magnitude);
            if (step < 1) {
                step = 1;
            }
            return new Scale(Math.ceil(top / step) * step, step);
        }

        static Scale fixed(double max) {
            return new Scale(max, max / 4);
        }

        double at(double value) {
            return HEIGHT - BOTTOM - value / max * (HEIGHT - BOTTOM - TOP);
        }

        List<Tick> ticks() {
            List<Tick> out = new ArrayList<>();
            for (double v = 0; v <= max + 1e-9; v += step) {
                out.add(new Tick(fmt(at(v)), v == Math.rint(v) ? String.valueOf((long) v) : fmt(v)));
            }
            return out;
        }
    }
}
