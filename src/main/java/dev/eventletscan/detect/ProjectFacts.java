package dev.eventletscan.detect;

import dev.eventletscan.modules.ModuleNames;
import dev.eventletscan.modules.PythonModules;
import dev.eventletscan.walk.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the project's manifests declare that changes how its files are read:
 * today, the entry points, so findings on their start-up path can say so.
 */
public final class ProjectFacts {
    public static final ProjectFacts NONE = new ProjectFacts(List.of());

    private final List<EntryPoint> entryPoints;
    private final ModuleNames modules;
    private final Set<String> ownTrackedNames;

    public ProjectFacts(List<EntryPoint> entryPoints) {
        this(entryPoints, null, Set.of());
    }

    /**
     * @param modules the files' module names, from the package folders; null to take each path as the name
     * @param ownTrackedNames the project's modules and packages named like a tracked package, see {@link #ownTrackedNames}
     */
    public ProjectFacts(List<EntryPoint> entryPoints, ModuleNames modules, Set<String> ownTrackedNames) {
        this.modules = modules;
        this.ownTrackedNames = Set.copyOf(ownTrackedNames);
        this.entryPoints = entryPoints.stream()
                .filter(ep -> EntryPoint.PROCESS_GROUPS.contains(ep.group()))
                .sorted(Comparator.comparing(EntryPoint::name).thenComparing(EntryPoint::module))
                .distinct().toList();
    }

    public List<EntryPoint> entryPoints() {
        return entryPoints;
    }

    /**
     * The file's facts: the entry points whose module it is (matched on whole
     * trailing name parts, so a src/ layout or a scan of a parent folder still
     * matches) and, for a package's {@code __init__.py}, those inside the package,
     * as importing them runs it first.
     */
    public FileFacts factsFor(SourceFile file) {
        FileFacts byPath = factsFor(file.relativePath());
        return modules == null || !file.python() ? byPath : new FileFacts(byPath.path(), byPath.testPath(), byPath.entryPoints(),
                modules.moduleOf(file.path().toAbsolutePath()), ownTrackedNames);
    }

    /**
     * The packages and modules among the project's own whose name ends in a tracked package's name below some
     * other package: {@code proj.cmd.eventlet} for {@code proj/cmd/eventlet/server.py}. Eventlet's own package
     * (a top-level {@code eventlet}) is not one of them.
     */
    public static Set<String> ownTrackedNames(Collection<String> moduleNames, Set<String> trackedRoots) {
        Set<String> out = new TreeSet<>();
        for (String module : moduleNames) {
            String[] parts = module.split("\\.");
            for (int i = 1; i < parts.length; i++) {
                if (trackedRoots.contains(parts[i])) {
                    out.add(String.join(".", Arrays.copyOfRange(parts, 0, i + 1)));
                }
            }
        }
        return out;
    }

    /** {@link #factsFor(SourceFile)} for a path alone, its module name taken from the path. */
    public FileFacts factsFor(String relativePath) {
        String module = PythonModules.dottedPath(relativePath);
        boolean init = relativePath.endsWith("__init__.py");
        List<EntryPoint> mine = new ArrayList<>();
        for (EntryPoint ep : entryPoints) {
            if (endsWithModule(module, ep.module())) {
                mine.add(ep);
            } else if (init && !module.isEmpty() && isInside(ep.module(), module)) {
                mine.add(new EntryPoint(ep.name(), ep.group(), module, "", ep.declaredIn()));
            }
        }
        return new FileFacts(relativePath, TestPaths.isTest(relativePath), mine, module, ownTrackedNames);
    }

    /** Asked for every file and entry point (hundreds in a repository of services): no string is built. */
    private static boolean endsWithModule(String fileModule, String declared) {
        int at = fileModule.length() - declared.length();
        return fileModule.endsWith(declared) && (at == 0 || at > 0 && fileModule.charAt(at - 1) == '.');
    }

    /** Whether the declared module lies in the package, the package named by its trailing parts. */
    private static boolean isInside(String declared, String filePackage) {
        for (int start = 0; start >= 0; start = nextPart(filePackage, start)) {
            int length = filePackage.length() - start;
            if (declared.length() > length && declared.charAt(length) == '.'
                    && declared.regionMatches(0, filePackage, start, length)) {
                return true;
            }
        }
        return false;
    }

    /** Where the dotted name's next part starts after {@code start}; -1 after the last. */
    private static int nextPart(String dotted, int start) {
        int dot = dotted.indexOf('.', start);
        return dot < 0 ? -1 : dot + 1;
    }
}
