package dev.eventletscan.deps;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A link farm of a code root outside any git work tree. The scanner applies the
 * .gitignore files between a work tree's top and the scan root, as git would;
 * but a virtualenv inside a project is ignored there (Python 3.13's venv and uv
 * write a {@code .gitignore} of {@code *} into it), so its packages would scan
 * as empty. The copy holds only the files the scan would read (Python sources and
 * the files rules want, plus .gitignore files), as hard links where the file
 * system allows, else as copies; {@code __pycache__} is left out.
 */
final class StagedCopy implements AutoCloseable {
    private final Path dir;
    private final Path root;

    private StagedCopy(Path dir, Path root) {
        this.dir = dir;
        this.root = root;
    }

    /** Whether a folder above (or at) this path holds a {@code .git}: then ignore files above the root apply. */
    static boolean insideGitWorkTree(Path path) {
        Path p;
        try {
            p = path.toRealPath();
        } catch (IOException e) {
            p = path.toAbsolutePath().normalize();
        }
        for (; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the code root (a folder or one module) into a fresh temporary folder, under the same name.
     *
     * @param wanted which files, by name, the scan could read
     */
    static StagedCopy of(Path codeRoot, Predicate<String> wanted) throws IOException {
        Path dir = Files.createTempDirectory("eventlet-scan-deps-");
        Path target = dir.resolve(codeRoot.getFileName().toString());
        StagedCopy copy = new StagedCopy(dir, target);
        try {
            if (Files.isDirectory(codeRoot)) {
                Files.walkFileTree(codeRoot, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                        if (d.getFileName().toString().equals("__pycache__")) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        Files.createDirectories(target.resolve(codeRoot.relativize(d).toString()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isRegularFile() && wanted(f.getFileName().toString(), wanted)) {
                            link(f, target.resolve(codeRoot.relativize(f).toString()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        return FileVisitResult.CONTINUE; // the scan of the copy simply lacks it
                    }
                });
            } else {
                link(codeRoot, target);
            }
        } catch (IOException | RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    /** The copied code root, to scan in place of the original. */
    Path root() {
        return root;
    }

    private static boolean wanted(String name, Predicate<String> wanted) {
        return name.endsWith(".py") || name.endsWith(".pyi") || name.indexOf('.') < 0 || name.equals(".gitignore")
                || wanted.test(name);
    }

    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.copy(from, to);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover in the temporary folder is harmless
                }
            });
        } catch (IOException e) {
            // idem
        }
    }
}
