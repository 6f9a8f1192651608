package dev.eventletscan.trend;

import dev.eventletscan.api.ScanRequest;

/**
 * What history to read and how to sample it.
 *
 * @param scan what each point's scan finds, as for {@code scan} (its target is the folder whose history is read)
 * @param every the spacing of points, or null when {@code points} is given
 * @param points how many points to spread from {@code since} to {@code until}, or null when {@code every} is given
 */
public record TrendRequest(ScanRequest scan, TrendDates.Since since, TrendDates.Until until, Step every, Integer points) {
    public TrendRequest {
        if ((every == null) == (points == null)) {
            throw new IllegalArgumentException("give either a spacing (--every) or a number of points (--points)");
        }
        if (!scan.sitePackages().isEmpty()) {
            throw new IllegalArgumentException("installed dependencies are today's, not the history's: trend takes no --site-packages");
        }
    }
}
