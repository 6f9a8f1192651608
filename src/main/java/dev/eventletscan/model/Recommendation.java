package dev.eventletscan.model;

import java.util.List;

/**
 * The target the guide's decision tree picks for a component.
 *
 * @param target {@code asyncio}, {@code threading} or {@code asyncio+awaitlet}
 * @param signals the facts that decided it (size, depth, share of network I/O)
 */
public record Recommendation(String target, List<String> signals) {
    public Recommendation {
        signals = List.copyOf(signals);
    }
}
