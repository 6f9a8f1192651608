package dev.eventletscan.trend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The {@code --since} and {@code --until} values. Dates are UTC: {@code 2025-07-01} is that day's midnight UTC,
 * a date-time without an offset is UTC, one with an offset or {@code Z} is that instant.
 */
public final class TrendDates {
    private TrendDates() {}

    /** When the series ends: a moment, or the date of the commit at the branch's tip (the default). */
    public sealed interface Until permits Until.At, Until.Head {
        /** A moment given on the command line ({@code now} included, read once). */
        record At(Instant instant) implements Until {}

        /** The commit date of HEAD, so the same history always gives the same points. */
        record Head() implements Until {}
    }

    /** When the series starts: a moment, or an amount before the end. */
    public sealed interface Since permits Since.At, Since.Before {
        record At(Instant instant) implements Since {}

        record Before(Step amount) implements Since {}
    }

    /** @throws IllegalArgumentException with a one-line message for the user */
    public static Until until(String text, Instant now) {
        if (text == null || text.equalsIgnoreCase("HEAD")) {
            return new Until.Head();
        }
        if (text.equalsIgnoreCase("now")) {
            return new Until.At(now);
        }
        return new Until.At(instant("--until", text, "HEAD (the default), now"));
    }

    /** @throws IllegalArgumentException with a one-line message for the user */
    public static Since since(String text) {
        if (text.trim().matches("\\d+\\s*[a-zA-Z]+")) {
            try {
                return new Since.Before(Step.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--since '" + text + "': not a date or an amount of time before --until "
                        + "(a whole number and d, w, mo or y, as 1y or 6mo)");
            }
        }
        return new Since.At(instant("--since", text, "an amount before --until such as 1y or 6mo"));
    }

    private static Instant instant(String option, String text, String alternatives) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = t.replace(' ', 'T');
            if (iso.toUpperCase(Locale.ROOT).endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "': not a date (YYYY-MM-DD, or a date-time as "
                    + "2025-07-01T12:00:00Z), nor " + alternatives);
        }
    }

    /** The instant as reports show it: UTC, to the second, as {@code 2025-07-01T00:00:00Z}. */
    public static String format(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).withNano(0).toInstant().toString();
    }

    /** The day of an instant, UTC, as {@code 2025-07-01}. */
    public static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }
}
