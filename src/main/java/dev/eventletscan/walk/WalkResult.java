package dev.eventletscan.walk;

import java.util.List;

/** The files to scan, in relative-path order, and what was passed over on the way. */
public record WalkResult(List<SourceFile> files, List<WalkNotice> notices) {
    public WalkResult {
        files = List.copyOf(files);
        notices = List.copyOf(notices);
    }
}
