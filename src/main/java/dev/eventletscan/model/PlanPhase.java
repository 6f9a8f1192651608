package dev.eventletscan.model;

import java.util.List;

/**
 * One phase of the migration plan, in the order the guide recommends.
 *
 * @param why the guide's reason for doing this now
 * @param rules the rules whose findings this phase removes
 * @param lowDays the low end of this phase's share of the effort, in person-days
 * @param highDays the high end
 */
public record PlanPhase(int order, String title, String why, List<String> rules, List<PlanStep> steps, double lowDays,
        double highDays) {
    public PlanPhase {
        rules = List.copyOf(rules);
        steps = List.copyOf(steps);
    }
}
