package dev.eventletscan.rules;

import java.util.List;
import com.google.re2j.Pattern;

/**
 * A regular expression applied to each line of non-Python files whose name
 * matches {@link #files} and none of {@link #excludeFiles}. A named group
 * {@code symbol} picks what the finding reports; otherwise the whole match.
 */
public record TextMatch(Pattern text, List<FileGlob> files, List<FileGlob> excludeFiles) implements RuleMatch {
    public TextMatch {
        files = List.copyOf(files);
        excludeFiles = List.copyOf(excludeFiles);
    }

    public boolean appliesTo(String fileName) {
        return files.stream().anyMatch(g -> g.matches(fileName)) && excludeFiles.stream().noneMatch(g -> g.matches(fileName));
    }

    @Override
    public String describe() {
        return "/" + text.pattern() + "/ in " + String.join(", ", files.stream().map(FileGlob::text).toList())
                + (excludeFiles.isEmpty() ? "" : " (not " + String.join(", ", excludeFiles.stream().map(FileGlob::text).toList()) + ")");
    }
}
