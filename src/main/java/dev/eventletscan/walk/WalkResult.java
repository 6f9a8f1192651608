package dev.eventletscan.walk;

import java.util.List;

/**
 * The files to scan, in relative-path order, what was passed over on the way, and where their bytes are read.
 */
public record WalkResult(List<SourceFile> files, List<WalkNotice> notices, FileContents contents) {
    public WalkResult {
        files = List.copyOf(files);
        notices = List.copyOf(notices);
    }

    /** Files on disk. */
    public WalkResult(List<SourceFile> files, List<WalkNotice> notices) {
        this(files, notices, FileContents.DISK);
    }
}
