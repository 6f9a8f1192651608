package dev.eventletscan.model;

import java.util.List;

/**
 * Person-days of work, as a range, and what it was computed from.
 *
 * @param factors the multipliers applied to the base estimate, by name
 */
public record EffortRange(double lowDays, double highDays, double usagePoints, List<Contributor> factors) {
    public EffortRange {
        factors = List.copyOf(factors);
    }
}
