package dev.eventletscan.detect.manifest;

import dev.eventletscan.detect.EntryPoint;
import java.util.List;

/** What one packaging or requirements file declares. */
public record Manifest(List<DeclaredDependency> dependencies, List<EntryPoint> entryPoints) {
    public static final Manifest EMPTY = new Manifest(List.of(), List.of());

    public Manifest {
        dependencies = List.copyOf(dependencies);
        entryPoints = List.copyOf(entryPoints);
    }
}
