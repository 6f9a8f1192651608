package dev.eventletscan.model;

import java.util.List;

/** One of the FAQ's three criteria, 0 to 100, with what made it. */
public record SubScore(double score, List<Contributor> why) {
    public SubScore {
        why = List.copyOf(why);
    }
}
