package dev.eventletscan.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.detect.python.Detections;
import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    @Test
    void bareMarkerSilencesEverythingOnItsLineAndListsNameRulesOrCategories() {
        String code = """
                import eventlet  # eventlet-scan: ignore
                import eventlet.hubs  # eventlet-scan: ignore[EVT100]
                eventlet.monkey_patch()  # eventlet-scan: ignore[evt999, monkey-patch]
                from eventlet import (  # eventlet-scan: ignore[EVT001]
                    greenthread)
                """;
        List<Finding> all = Detections.of(code);
        Suppressions.Split split = Suppressions.apply(SourceText.of(code), all);
        assertThat(split.kept()).extracting(Finding::line).containsExactly(2, 5);
        assertThat(split.suppressed()).extracting(Finding::line).containsExactly(1, 3);
    }

    @Test
    void aMultiLineFindingMayCarryTheMarkerOnItsLastLine() {
        String code = """
                import eventlet
                eventlet \\
                    .monkey_patch()  # eventlet-scan: ignore
                """;
        Suppressions.Split split = Suppressions.apply(SourceText.of(code), Detections.of(code));
        assertThat(split.suppressed()).extracting(Finding::ruleId).containsExactly("EVT100");
    }
}
