package dev.eventletscan.model;

import java.util.List;

/**
 * How hard removing eventlet is, 0 to 100, by the migration FAQ's three criteria.
 *
 * @param level low, moderate, high or very high
 * @param size criterion 1: size and depth of usage
 * @param dependencies criterion 2: external dependencies that also use eventlet
 * @param patching criterion 3: global monkey patching vs. specific features
 * @param why the largest contributors across the three, biggest first
 */
public record DifficultyScore(double score, String level, SubScore size, SubScore dependencies, SubScore patching,
        List<Contributor> why) {
    public DifficultyScore {
        why = List.copyOf(why);
    }
}
