package dev.eventletscan.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20 item 24: after eight flat weeks, the projection does not draw a confident end date through the step. */
class ProjectionTest {
    private static List<Projection.Sample> weekly(int... values) {
        Instant start = Instant.parse("2025-01-06T00:00:00Z");
        List<Projection.Sample> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Projection.Sample(start.plus(7L * i, ChronoUnit.DAYS), values[i]));
        }
        return out;
    }

    @Test
    void eightFlatWeeksAfterAFallGiveNoProjection() {
        var p = Projection.of(weekly(120, 100, 80, 60, 40, 40, 40, 40, 40, 40, 40, 40), "usage findings");

        assertThat(p.status()).isEqualTo("no-end-in-sight");
        assertThat(p.statement()).startsWith("Usage findings stayed at 40 for the last 8 points (2025-02-03 to 2025-03-24): "
                + "the earlier pace has stopped, so no projection.");
        assertThat(p.endDate()).isNull();
    }

    @Test
    void aSteadyFallIsStillProjected() {
        var p = Projection.of(weekly(120, 110, 100, 90, 80, 70, 60, 50, 40, 40, 30, 20), "usage findings");

        assertThat(p.status()).isEqualTo("projected");
        assertThat(p.endDate()).isNotNull();
    }
}
