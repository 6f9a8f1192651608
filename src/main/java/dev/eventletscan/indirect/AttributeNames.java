package dev.eventletscan.indirect;

import dev.eventletscan.parse.LogicalLines;
import java.util.Arrays;

/**
 * The names a file's code reads as attributes ({@code spawn_n} in {@code utils.spawn_n}), as sorted hashes: the
 * structure pass keeps them for every file, so the indirect pass reads again only the files that can write
 * {@code module.name} for a name some facade or wrapper offers. Strings and comments do not count (the logical
 * lines have them blanked).
 */
public final class AttributeNames {
    private AttributeNames() {}

    /** Read from the structure pass's statements in place: no String of the file is made. */
    public static int[] of(LogicalLines.Statements statements) {
        int[] out = new int[64];
        int size = 0;
        for (int s = 0; s < statements.count(); s++) {
            int n = statements.end(s);
            for (int i = statements.start(s); i < n; i++) {
                if (statements.charAt(i) != '.') {
                    continue;
                }
                int j = i + 1;
                while (j < n && statements.charAt(j) == ' ') {
                    j++;
                }
                if (j >= n || !isStart(statements.charAt(j))) {
                    continue;
                }
                int h = 0;
                while (j < n && isPart(statements.charAt(j))) {
                    h = 31 * h + statements.charAt(j);
                    j++;
                }
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = h;
                i = j - 1;
            }
        }
        return sortedDistinct(out, size);
    }

    private static int[] sortedDistinct(int[] hashes, int size) {
        int[] sorted = Arrays.copyOf(hashes, size);
        Arrays.sort(sorted);
        int unique = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                sorted[unique++] = sorted[k];
            }
        }
        return Arrays.copyOf(sorted, unique);
    }

    /** Whether the file may read {@code name} as an attribute (a hash match: rarely a false yes, never a false no). */
    public static boolean mayRead(int[] attributes, String name) {
        return attributes == null || Arrays.binarySearch(attributes, name.hashCode()) >= 0;
    }

    private static boolean isStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 0x7f && Character.isLetter(c);
    }

    private static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9');
    }
}
