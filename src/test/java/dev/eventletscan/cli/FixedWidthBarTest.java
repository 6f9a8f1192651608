package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20 item 24: the trend progress bar keeps one width from line to line, and fits an 80-column terminal. */
class FixedWidthBarTest {
    @Test
    void everyLineHasTheSameWidthAndTheBarItsFullLengthOnEightyColumns() {
        List<String> labels = List.of("", "2025-02-17 3f2a9c1", "2025-02-24 (same commit)",
                "commit 3f2a9c1d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b: which commits changed the most, a long label");
        for (int terminal : List.of(80, 200)) {
            for (int step = 0; step <= 120; step += 7) {
                for (String label : labels) {
                    String line = FixedWidthBar.line("History", step, 120, " steps", label, terminal);
                    assertThat(line).as(label).hasSize(FixedWidthBar.MAX_WIDTH);
                    assertThat(line.lastIndexOf('\u2502') - line.indexOf('\u2502') - 1).isEqualTo(FixedWidthBar.BAR_WIDTH);
                }
            }
        }
        assertThat(FixedWidthBar.line("History", 60, 120, " steps", "2025-02-17 3f2a9c1", 80))
                .isEqualTo("History  50% \u2502" + "\u2588".repeat(10) + " ".repeat(10) + "\u2502  60/120 steps 2025-02-17 3f2a9c1"
                        + " ".repeat(79 - 68));
        assertThat(FixedWidthBar.line("History", 1, 2, "", "x".repeat(100), 50)).hasSize(49).endsWith("\u2026");
    }
}
