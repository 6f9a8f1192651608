package dev.eventletscan.cli;

import dev.eventletscan.analysis.AnalysisListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * What the user sees on standard error while a scan runs: a progress bar over
 * the files when a person is watching a terminal, and with {@code --verbose}
 * one line per phase with its time.
 */
final class ScanProgress implements AnalysisListener {
    private final PrintWriter err;
    private final boolean bar;
    private final boolean verbose;
    private ProgressBar progress;
    private int files;

    /**
     * @param bar draw a progress bar on the process's real standard error (only when it is a terminal)
     * @param verbose print each phase's time on {@code err}
     */
    ScanProgress(PrintWriter err, boolean bar, boolean verbose) {
        this.err = err;
        this.bar = bar;
        this.verbose = verbose;
    }

    /** A person at a terminal: not redirected, not a CI log, not a dumb terminal. */
    static boolean interactive() {
        var console = System.console();
        String term = System.getenv("TERM");
        return console != null && console.isTerminal() && System.getenv("CI") == null
                && term != null && !term.equals("dumb");
    }

    /** A progress bar on the process's real standard error, drawn as every bar of the tool is. */
    static ProgressBar bar(String task, long max, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUpdateIntervalMillis(100)
                .setRenderer(new FixedWidthBar(unit)).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** What the run was doing, for an out-of-memory message; "reports" once the scan is over. */
    static volatile String currentPhase = "start-up";

    @Override
    public void stage(String what) {
        currentPhase = what;
    }

    @Override
    public void phaseStarted(Phase phase, int files) {
        currentPhase = phase.label;
        this.files = files;
        if (bar && phase == Phase.DETECT && files > 0) {
            progress = bar("Scanning", files, " files");
        }
    }

    @Override
    public void fileScanned() {
        ProgressBar p = progress;
        if (p != null) {
            p.step();
        }
    }

    @Override
    public void phaseFinished(Phase phase, long nanos) {
        if (progress != null && phase == Phase.DETECT) {
            progress.close();
            progress = null;
        }
        if (verbose) {
            err.println(String.format(Locale.ROOT, "eventlet-scan: %-28s %8.3f s%s", phase.label, nanos / 1e9,
                    files > 0 ? String.format(Locale.ROOT, "  (%,d files)", files) : ""));
            err.flush();
        }
    }

    @Override
    public void cacheSaved(String summary) {
        if (verbose) {
            err.println("eventlet-scan: result cache: " + summary);
            err.flush();
        }
    }
}
