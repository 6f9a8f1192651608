package dev.eventletscan.fileio;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What went wrong with a file, in the words of a one-line message. Java's own messages name the path again, or
 * say nothing ("Input length = 1"), and a parser's message spans several lines.
 */
public final class FileErrors {
    private FileErrors() {}

    /** Why a file could not be read or written: "no such file", "permission denied", "not valid UTF-8", ... */
    public static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            case CharacterCodingException x -> "not valid UTF-8";
            case FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        };
    }

    /**
     * A parse failure as {@code :LINE:COLUMN: not valid LANGUAGE: problem}, to follow the file name, from the
     * parser's own position (for YAML, where the problem is, not where the construct it broke began).
     */
    public static String syntax(String language, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null && y.getProblem() != null) {
                Mark mark = y.getProblemMark();
                return at(mark.getLine() + 1, mark.getColumn() + 1) + ": not valid " + language + ": "
                        + shortenQuoted(y.getProblem());
            }
        }
        String problem = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        JsonLocation where = e instanceof JacksonException j ? j.getLocation() : null;
        String first = problem == null ? e.getClass().getSimpleName() : problem.lines().findFirst().orElse("").strip()
                .replaceFirst("\\s*\\(for \\w+ starting at \\[Source:.*$", ""); // the position is given already
        // a parser quotes the token it choked on, which can be a whole line of the file
        String shortened = shortenQuoted(first);
        return (where == null || where.getLineNr() < 1 ? "" : at(where.getLineNr(), where.getColumnNr()))
                + ": not valid " + language + ": " + shortened;
    }

    /** Longest piece of a file a message quotes: enough to find the spot, too short to carry a file's secrets. */
    static final int EXCERPT_CHARS = 40;
    private static final Pattern QUOTED = Pattern.compile(
            "(['\"])([^'\"]{" + EXCERPT_CHARS + "})[^'\"]+\\1");

    /** A message with each quoted piece of a file in it cut to {@value #EXCERPT_CHARS} characters. */
    public static String shortenQuoted(String message) {
        return QUOTED.matcher(message).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "..." + m.group(1)));
    }

    private static String at(int line, int column) {
        return ":" + line + (column > 0 ? ":" + column : "");
    }
}
