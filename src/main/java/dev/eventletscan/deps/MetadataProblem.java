package dev.eventletscan.deps;

import java.nio.file.Path;
import java.util.Comparator;

/** Something wrong with installed metadata, or with a site-packages folder: reported, never thrown. */
public record MetadataProblem(Path path, String problem) {
    public static final Comparator<MetadataProblem> ORDER =
            Comparator.comparing((MetadataProblem p) -> p.path().toString()).thenComparing(MetadataProblem::problem);

    @Override
    public String toString() {
        return path + ": " + problem;
    }
}
