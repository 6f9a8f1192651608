package dev.eventletscan.modules;

/**
 * Python's module arithmetic, in the one place every reader of imports takes it from (detection, the import
 * graph, facades and wrappers): a file's module name, a module's package and parent, and what a relative import
 * names. Pure functions of strings; {@link ModuleNames} adds the package chain read from the folders.
 */
public final class PythonModules {
    private PythonModules() {}

    /** A package's own module: {@code __init__.py}, or its stub {@code __init__.pyi}, at any depth. */
    public static boolean isPackageInit(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("__init__.py") || name.equals("__init__.pyi");
    }

    /** A file name without its {@code .py} or {@code .pyi}: the last part of the module name it gives. */
    public static String stem(String fileName) {
        if (fileName.endsWith(".py")) {
            return fileName.substring(0, fileName.length() - 3);
        }
        return fileName.endsWith(".pyi") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    /**
     * The module a relative path names when its first folder is on {@code sys.path}: {@code nova/cmd/compute.py}
     * is {@code nova.cmd.compute}, {@code nova/__init__.py} is {@code nova}. Without looking at any folder.
     */
    public static String dottedPath(String relativePath) {
        String[] parts = relativePath.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = i == parts.length - 1 ? stem(parts[i]) : parts[i];
            if (i == parts.length - 1 && part.equals("__init__") || part.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }

    /** {@code a.b} for {@code a.b.c}; the empty name (the top, where top-level modules live) for {@code a}. */
    public static String parent(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? "" : dotted.substring(0, dot);
    }

    /** {@code base.name}, or {@code name} at the top. */
    public static String join(String base, String name) {
        return base.isEmpty() ? name : name.isEmpty() ? base : base + "." + name;
    }

    /** The package a module's relative imports start from: the module itself for a package's {@code __init__}. */
    public static String packageOf(String module, boolean packageInit) {
        return packageInit ? module : parent(module);
    }

    /**
     * The absolute module a {@code from <dots><from> import ...} names, or null when the dots climb above the top.
     * The first dot is the importing module's package; each further dot its parent. The top (the empty name) is
     * the folder holding the top-level modules: a folder without {@code __init__.py} (a namespace package) names
     * its files as top-level modules, so {@code from . import b} there is {@code b}, as in the folder's own
     * listing. The result may be empty: {@code from . import b} at the top names {@code b} itself, see
     * {@link #join}.
     *
     * @param level the number of leading dots; 0 for an absolute import, which names {@code from} itself
     */
    public static String resolve(String module, boolean packageInit, int level, String from) {
        if (level == 0) {
            return from;
        }
        String base = packageOf(module, packageInit);
        for (int i = 1; i < level; i++) {
            if (base.isEmpty()) {
                return null;
            }
            base = parent(base);
        }
        return join(base, from);
    }

    /** {@link #resolve} for a file, by its path. */
    public static String resolve(String path, String module, int level, String from) {
        return resolve(module, isPackageInit(path), level, from);
    }
}
