package dev.eventletscan.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A file's dotted module name, the way Python imports it: the chain of
 * folders holding an {@code __init__.py} above the file, then its stem. The
 * chain may go above the scan root: scanning {@code dist-packages/nova} still
 * gives {@code nova.compute.manager}, the name the code itself imports.
 */
final class ModuleNames {
    private final Map<Path, Boolean> isPackage = new HashMap<>();
    private final Predicate<Path> holdsInit;

    ModuleNames(Predicate<Path> holdsInit) {
        this.holdsInit = holdsInit;
    }

    String moduleOf(Path file) {
        String stem = file.getFileName().toString().replaceAll("\\.pyi?$", "");
        List<String> parts = new ArrayList<>();
        if (!stem.equals("__init__")) {
            parts.add(stem);
        }
        for (Path dir = file.getParent(); dir != null && isPackage(dir); dir = dir.getParent()) {
            parts.addFirst(dir.getFileName().toString());
        }
        return String.join(".", parts);
    }

    private boolean isPackage(Path dir) {
        return dir.getFileName() != null && isPackage.computeIfAbsent(dir, holdsInit::test);
    }
}
