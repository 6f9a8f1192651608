package dev.eventletscan.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * A progress bar line of one width from start to end: the library's own renderer gives the bar what the step's
 * label leaves, so the bar jumps from line to line and shrinks to one character on an 80-column terminal.
 * Here the bar has a fixed width and the label is cut or padded to the rest.
 */
final class FixedWidthBar implements ProgressBarRenderer {
    /** One column short of 80, so a terminal that wraps at the last column does not. */
    static final int MAX_WIDTH = 79;
    static final int BAR_WIDTH = 20;

    private final String unit;

    FixedWidthBar(String unit) {
        this.unit = unit;
    }

    @Override
    public String render(ProgressState state, int maxLength) {
        return line(state.getTaskName(), state.getCurrent(), state.getMax(), unit, state.getExtraMessage(), maxLength);
    }

    /** @param terminalWidth the terminal's columns, or 0 or less when unknown */
    static String line(String task, long current, long max, String unit, String label, int terminalWidth) {
        int width = terminalWidth <= 0 ? MAX_WIDTH : Math.min(terminalWidth - 1, MAX_WIDTH);
        double done = max <= 0 ? 0 : Math.min(1, (double) current / max);
        int filled = (int) Math.floor(done * BAR_WIDTH);
        String digits = "%" + Long.toString(Math.max(max, current)).length() + "d";
        String head = String.format(Locale.ROOT, "%s %3d%% \u2502%s%s\u2502 " + digits + "/%d%s", task, Math.round(done * 100),
                "\u2588".repeat(filled), " ".repeat(BAR_WIDTH - filled), current, max, unit);
        int room = width - head.length() - 1;
        if (room < 4 || label == null || label.isEmpty()) {
            return head.length() > width ? head.substring(0, width) : head + " ".repeat(Math.max(0, width - head.length()));
        }
        String shown = label.length() > room ? label.substring(0, room - 1) + "\u2026" : label;
        return head + " " + shown + " ".repeat(room - shown.length());
    }
}
