package dev.eventletscan.cli;

import dev.eventletscan.trend.TrendListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * What the user sees on standard error while a trend runs: a progress bar over the points (then over the
 * scans that pick out the commits behind the biggest changes) when a person watches a terminal, and with
 * {@code --verbose} one line per step with its time.
 */
final class TrendProgress implements TrendListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean bar;
    private final boolean verbose;
    private ProgressBar progress;
    private long planned;
    private int scans;

    TrendProgress(PrintWriter err, boolean bar, boolean verbose) {
        this.err = err;
        this.bar = bar;
        this.verbose = verbose;
    }

    @Override
    public void planned(int steps) {
        planned += steps;
        if (!bar || planned == 0) {
            return;
        }
        if (progress == null) {
            progress = ScanProgress.bar("History", planned, " steps");
        } else {
            progress.maxHint(planned);
        }
    }

    @Override
    public void stepped(String label, long nanos) {
        if (!label.endsWith("(same commit)")) {
            scans++;
        }
        if (progress != null) {
            progress.setExtraMessage(label);
            progress.step();
        }
        if (verbose) {
            err.println(String.format(Locale.ROOT, "eventlet-scan: %-45s %8.3f s", label, nanos / 1e9));
            err.flush();
        }
    }

    /** Commits scanned so far (points on a commit already scanned do not count). */
    int scans() {
        return scans;
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }
}
