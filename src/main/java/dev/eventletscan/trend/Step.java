package dev.eventletscan.trend;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar amount such as {@code 1w} or {@code 3mo}: the spacing of points ({@code --every}) and the reach of a
 * relative {@code --since}. Months and years are calendar ones in UTC, so {@code 1mo} from 31 January is 28 (or
 * 29) February, and the k-th point is always {@code since + k * step}, never a sum that drifts.
 */
public record Step(int count, Unit unit) {
    /** The units, with the spellings each accepts. */
    public enum Unit {
        DAY("d", "day", "days"), WEEK("w", "wk", "week", "weeks"), MONTH("mo", "month", "months"), YEAR("y", "yr", "year", "years");

        private final String[] names;

        Unit(String... names) {
            this.names = names;
        }

        String shortName() {
            return names[0];
        }
    }

    private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\s*([a-z]+)");

    public Step {
        if (count < 1) {
            throw new IllegalArgumentException("a step must be at least 1, was " + count);
        }
    }

    /** @throws IllegalArgumentException with a message fit for the user when the text is no amount */
    public static Step parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            for (Unit u : Unit.values()) {
                for (String name : u.names) {
                    if (name.equals(m.group(2))) {
                        return new Step(Integer.parseInt(m.group(1)), u);
                    }
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an amount of time: a whole number and d, w, mo or y, as 1w, 2w, 1mo or 1y");
    }

    /** {@code times} steps after {@code start} (or before, when negative). */
    public ZonedDateTime after(ZonedDateTime start, int times) {
        long n = (long) count * times;
        return switch (unit) {
            case DAY -> start.plusDays(n);
            case WEEK -> start.plusWeeks(n);
            case MONTH -> start.plusMonths(n);
            case YEAR -> start.plusYears(n);
        };
    }

    @Override
    public String toString() {
        return count + unit.shortName();
    }
}
