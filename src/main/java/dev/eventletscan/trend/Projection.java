package dev.eventletscan.trend;

import dev.eventletscan.model.TrendReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Where the recent pace leads. A least-squares line through the measure over the recent points (the later
 * half of the series, at least the last {@value #MIN_WINDOW}), and the day it reaches zero. The uncertainty is
 * the slope's 95% interval (Student's t, n - 2 degrees of freedom): lines through the window's mean point with
 * the steepest and shallowest slopes of that interval give the earliest and latest end dates.
 */
final class Projection {
    /** The window holds at least this many of the latest points (all of them when there are fewer). */
    static final int MIN_WINDOW = 12;
    /** A fit needs this many points: two give a line but no uncertainty. */
    static final int MIN_POINTS = 3;
    /** A line whose total change over the window is below this is flat: less than one finding either way. */
    static final double FLAT = 0.5;
    /** A window whose last this many points (and at least half of it) did not move has no pace to project. */
    static final int STALLED = 4;
    /** Further than this, an end date means nothing. */
    static final double HORIZON_DAYS = 100 * 365.25;
    private static final double SECONDS_PER_DAY = 86_400;

    private Projection() {}

    /** One point of the series. */
    record Sample(Instant date, int value) {}

    static TrendReport.Projection of(List<Sample> series, String measureName) {
        if (series.isEmpty()) {
            return tooFew(0);
        }
        Sample last = series.getLast();
        if (last.value() == 0) {
            Instant since = last.date();
            for (int i = series.size() - 1; i >= 0 && series.get(i).value() == 0; i--) {
                since = series.get(i).date();
            }
            return new TrendReport.Projection("done", "No " + measureName + " left at the last point (" + TrendDates.day(last.date())
                    + "); none since " + TrendDates.day(since) + ".", 0, null, null, null, null, null, null, null, null, null);
        }
        int size = Math.min(series.size(), Math.max(MIN_WINDOW, (series.size() + 1) / 2));
        List<Sample> window = series.subList(series.size() - size, series.size());
        if (window.size() < MIN_POINTS) {
            return tooFew(window.size());
        }
        Instant origin = window.getFirst().date();
        int n = window.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Duration.between(origin, window.get(i).date()).toSeconds() / SECONDS_PER_DAY;
            y[i] = window.get(i).value();
        }
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (my + slope * (x[i] - mx));
            sse += r * r;
        }
        double margin = StudentT.quantile975(n - 2) * Math.sqrt(sse / (n - 2) / sxx);
        double span = x[n - 1];
        double fittedAtEnd = my + slope * (span - mx);
        String windowText = " over the last " + n + " points (" + TrendDates.day(origin) + " to " + TrendDates.day(last.date()) + ")";
        String pace = tenths(Math.abs(slope) * 30) + " per 30 days";
        String interval = "95% interval " + tenths((slope - margin) * 30) + " to " + tenths((slope + margin) * 30);
        Double slope30 = round(slope * 30);
        Double low30 = round((slope - margin) * 30);
        Double high30 = round((slope + margin) * 30);
        String windowFrom = TrendDates.format(origin);
        String windowTo = TrendDates.format(last.date());
        int unchanged = 1;
        while (unchanged < n && window.get(n - 1 - unchanged).value() == last.value()) {
            unchanged++;
        }
        if (unchanged >= STALLED && unchanged * 2 >= n) {
            // The line assumes one steady pace over the window. When its later half did not move, the earlier pace has
            // stopped: a fall-through-the-step line would give a confident date no one should plan on.
            return new TrendReport.Projection("no-end-in-sight", capitalised(measureName) + " stayed at " + last.value()
                    + " for the last " + unchanged + " points (" + TrendDates.day(window.get(n - unchanged).date()) + " to "
                    + TrendDates.day(last.date()) + "): the earlier pace has stopped, so no projection. (A projection assumes one "
                    + "steady pace over the window" + windowText + ".)",
                    n, windowFrom, windowTo, slope30, low30, high30, round(fittedAtEnd), null, null, null);
        }
        if (Math.abs(slope) * span < FLAT) {
            return new TrendReport.Projection("no-end-in-sight", capitalised(measureName) + " stayed flat" + windowText
                    + " (" + (slope < 0 ? "" : "+") + tenths(slope * 30) + " per 30 days): no end in sight at the current pace.",
                    n, windowFrom, windowTo, slope30, low30, high30, round(fittedAtEnd), null, null, null);
        }
        if (slope > 0) {
            return new TrendReport.Projection("no-end-in-sight", capitalised(measureName) + " rose by " + pace + windowText
                    + " (" + interval + "): no end in sight at the current pace.",
                    n, windowFrom, windowTo, slope30, low30, high30, round(fittedAtEnd), null, null, null);
        }
        double endDay = mx - my / slope;
        if (endDay - span > HORIZON_DAYS) {
            return new TrendReport.Projection("no-end-in-sight", capitalised(measureName) + " fell by only " + pace + windowText
                    + ": at that pace they would last more than a century, no end in sight.",
                    n, windowFrom, windowTo, slope30, low30, high30, round(fittedAtEnd), null, null, null);
        }
        String end = day(origin, endDay);
        String earliest = day(origin, mx - my / (slope - margin));
        boolean flatWithin = slope + margin >= 0;
        double latestDay = flatWithin ? Double.POSITIVE_INFINITY : mx - my / (slope + margin);
        String latest = latestDay - span <= HORIZON_DAYS ? day(origin, latestDay) : null;
        String statement = capitalised(measureName) + " fell by " + pace + windowText + " (" + interval + "). At that pace they reach zero around "
                + end + (latest != null ? " (95% interval " + earliest + " to " + latest + ")."
                        : "; not before " + earliest + ", and " + (flatWithin ? "a flat trend is within the uncertainty"
                                : "the slow end of the interval is more than a century away") + ", so there is no latest date.");
        if (endDay < span) {
            statement += " The line is already below zero at the last point: the latest points lie above it.";
        }
        return new TrendReport.Projection("projected", statement, n, windowFrom, windowTo, slope30, low30, high30,
                round(fittedAtEnd), end, earliest, latest);
    }

    private static TrendReport.Projection tooFew(int n) {
        return new TrendReport.Projection("too-few-points", "Too few points for a projection: " + n + " in the window, "
                + MIN_POINTS + " are needed.", n, null, null, null, null, null, null, null, null, null);
    }

    private static String day(Instant origin, double days) {
        return TrendDates.day(origin.plusSeconds(Math.round(days * SECONDS_PER_DAY)));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** One decimal, never "-0.0". */
    static String tenths(double value) {
        return String.format(Locale.ROOT, "%.1f", Math.round(value * 10) / 10.0 + 0.0);
    }

    /** Four decimals: enough for any reading, and the same text on every machine. */
    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
