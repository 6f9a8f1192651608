package dev.eventletscan.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the project's manifests declare that changes how its files are read:
 * today, the entry points, so findings on their start-up path can say so.
 */
public final class ProjectFacts {
    public static final ProjectFacts NONE = new ProjectFacts(List.of());

    private final List<EntryPoint> entryPoints;

    public ProjectFacts(List<EntryPoint> entryPoints) {
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
    public FileFacts factsFor(String relativePath) {
        String module = moduleName(relativePath);
        boolean init = relativePath.endsWith("__init__.py");
        List<EntryPoint> mine = new ArrayList<>();
        for (EntryPoint ep : entryPoints) {
            if (endsWithModule(module, ep.module())) {
                mine.add(ep);
            } else if (init && !module.isEmpty() && isInside(ep.module(), module)) {
                mine.add(new EntryPoint(ep.name(), ep.group(), module, "", ep.declaredIn()));
            }
        }
        return new FileFacts(relativePath, TestPaths.isTest(relativePath), mine);
    }

    /** {@code nova/cmd/compute.py} is {@code nova.cmd.compute}; a package's __init__.py is the package. */
    static String moduleName(String relativePath) {
        String p = relativePath.replaceAll("\\.pyi?$", "");
        if (p.endsWith("/__init__") || p.equals("__init__")) {
            p = p.substring(0, Math.max(0, p.length() - "__init__".length() - 1));
        }
        return p.replace('/', '.');
    }

    private static boolean endsWithModule(String fileModule, String declared) {
        return fileModule.equals(declared) || fileModule.endsWith("." + declared);
    }

    /** Whether the declared module lies in the package, the package named by its trailing parts. */
    private static boolean isInside(String declared, String filePackage) {
        String[] pkg = filePackage.split("\\.");
        for (int start = 0; start < pkg.length; start++) {
            String suffix = String.join(".", java.util.Arrays.copyOfRange(pkg, start, pkg.length));
            if (declared.startsWith(suffix + ".")) {
                return true;
            }
        }
        return false;
    }
}
