package dev.eventletscan.walk;

/**
 * How far the walk reaches.
 *
 * @param followLinksOutside follow symbolic links that leave the scan root too (a tree linked in from elsewhere);
 *     links inside it are always followed, and loops never
 * @param ignoreRulesAbove apply, as git does, the ignore rules above the scan root (.gitignore files of the folders
 *     between the work tree's top and the root, and info/exclude); without them a folder git ignores can be scanned
 */
public record WalkOptions(boolean followLinksOutside, boolean ignoreRulesAbove) {
    public static final WalkOptions DEFAULT = new WalkOptions(false, true);
}
