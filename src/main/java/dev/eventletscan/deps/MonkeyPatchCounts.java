package dev.eventletscan.deps;

/**
 * The {@code monkey_patch} calls found in a distribution's code (tests left out), by
 * {@link dev.eventletscan.model.MonkeyPatchDetails#mode()}.
 */
public record MonkeyPatchCounts(int global, int partial, int dynamic) {
    public static final MonkeyPatchCounts NONE = new MonkeyPatchCounts(0, 0, 0);

    public int total() {
        return global + partial + dynamic;
    }

    @Override
    public String toString() {
        if (total() == 0) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        append(out, global, "global");
        append(out, partial, "partial");
        append(out, dynamic, "dynamic");
        return out.toString();
    }

    private static void append(StringBuilder out, int n, String mode) {
        if (n > 0) {
            out.append(out.isEmpty() ? "" : ", ").append(n).append(' ').append(mode);
        }
    }
}
