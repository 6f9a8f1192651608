package dev.eventletscan.portfolio;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A deterministic share of the portfolio for one job of a CI matrix: the repositories sorted by name, and every
 * {@code count}-th of them from the {@code index}-th on. The share depends on the list alone, never on timing.
 *
 * @param index 1 to count
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N, was " + index + "/" + count);
        }
    }

    /** @throws IllegalArgumentException with a one-line message for the user */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--shard must be I/N with whole numbers (2/4: the second of four), was '" + text + "'");
    }

    /** @param sorted every repository of the portfolio, sorted by name */
    public <T> List<T> of(List<T> sorted) {
        return IntStream.range(0, sorted.size()).filter(i -> i % count == index - 1).mapToObj(sorted::get).toList();
    }

    @JsonIgnore
    public String label() {
        return index + "/" + count;
    }
}
