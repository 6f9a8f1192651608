package dev.eventletscan.trend;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** The sampled dates, and the commit that stands for each. */
final class Sampling {
    /** More points than this is a mistake (a daily series over years): the message says so. */
    static final int MAX_POINTS = 2000;

    private Sampling() {}

    /** {@code since}, {@code since + step}, ... while not after {@code until}, then {@code until} itself when the grid missed it. */
    static List<Instant> every(Instant since, Instant until, Step step) {
        List<Instant> out = new ArrayList<>();
        ZonedDateTime start = TrendDates.utc(since);
        for (int k = 0; ; k++) {
            Instant t = step.after(start, k).toInstant();
            if (t.isAfter(until)) {
                break;
            }
            if (out.size() == MAX_POINTS) {
                throw tooMany("--every " + step);
            }
            out.add(t);
        }
        if (!out.getLast().equals(until)) {
            out.add(until);
        }
        return out;
    }

    /** {@code count} dates evenly spread from {@code since} to {@code until}, both included (to the second). */
    static List<Instant> count(Instant since, Instant until, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("--points must be 2 or more, was " + count);
        }
        if (count > MAX_POINTS) {
            throw tooMany("--points " + count);
        }
        long span = Duration.between(since, until).toSeconds();
        List<Instant> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(since.plusSeconds(Math.round((double) span * k / (count - 1))));
        }
        return out;
    }

    private static IllegalArgumentException tooMany(String what) {
        return new IllegalArgumentException(what + " gives more than " + MAX_POINTS + " points: take a longer step or a later --since");
    }

    /**
     * For each date, the index in {@code chain} (newest first) of the first commit dated at or before it: the last
     * commit the branch had then. Commit dates need not grow along the chain (a rebase can date a commit before its
     * parent), so the search runs on the running minimum of the dates, which does shrink.
     *
     * @return one index per date; -1 when the chain's oldest commit is after the date
     */
    static int[] commitsAt(List<GitHistory.Link> chain, List<Instant> dates) {
        Instant[] runningMin = new Instant[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            Instant d = chain.get(i).date();
            runningMin[i] = i == 0 || d.isBefore(runningMin[i - 1]) ? d : runningMin[i - 1];
        }
        int[] out = new int[dates.size()];
        for (int p = 0; p < dates.size(); p++) {
            Instant t = dates.get(p);
            int lo = 0;
            int hi = chain.size(); // first index whose running minimum is at or before t
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (!runningMin[mid].isAfter(t)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[p] = lo == chain.size() ? -1 : lo;
        }
        return out;
    }
}
