package dev.eventletscan.modules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A file's dotted module name, the way Python imports it: the chain of
 * folders holding an {@code __init__.py} above the file, then its stem. The
 * chain may go above the scan root: scanning {@code dist-packages/nova} still
 * gives {@code nova.compute.manager}, the name the code itself imports; a
 * {@code src/} folder without one is where the names start. Thread-safe: detection asks from every worker.
 */
public final class ModuleNames {
    private final Map<Path, Boolean> isPackage = new ConcurrentHashMap<>();
    private final Predicate<Path> holdsInit;

    /** @param holdsInit whether a folder (absolute) holds an {@code __init__.py}, on disk or in a commit's tree */
    public ModuleNames(Predicate<Path> holdsInit) {
        this.holdsInit = holdsInit;
    }

    /** @param file absolute */
    public String moduleOf(Path file) {
        String stem = PythonModules.stem(file.getFileName().toString());
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
