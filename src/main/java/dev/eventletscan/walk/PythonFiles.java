package dev.eventletscan.walk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Which files hold Python code, and which folders never hold the project's own code. */
final class PythonFiles {
    static final Set<String> SKIPPED_DIRECTORIES = Set.of(
            ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "build", "dist", ".eggs",
            "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache");

    private PythonFiles() {}

    static boolean isSkippedDirectory(Path dir, String name) {
        return isSkippedName(name) || Files.isRegularFile(dir.resolve(VENV_MARKER));
    }

    /** A folder holding this file is a virtualenv, whatever its name. */
    static final String VENV_MARKER = "pyvenv.cfg";

    /** Folders skipped by their name alone (the virtualenv marker inside is the other test). */
    static boolean isSkippedName(String name) {
        return SKIPPED_DIRECTORIES.contains(name) || name.endsWith(".egg-info");
    }

    /** What installed metadata says about a distribution: its entry points and its requirements. */
    static final List<String> METADATA_FILES = List.of("entry_points.txt", "requires.txt");

    static boolean isMetadataDirectory(String name) {
        return name.endsWith(".egg-info") || name.endsWith(".dist-info");
    }

    static boolean hasPythonExtension(String name) {
        return name.endsWith(".py") || name.endsWith(".pyi");
    }

    /** An extension-less file whose first line is a Python shebang ({@code #!/usr/bin/env python3}, ...). */
    static boolean isPythonScript(Path file, String name) {
        if (name.indexOf('.') >= 0) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return isPythonScript(in.readNBytes(SHEBANG_BYTES), name);
        } catch (IOException e) {
            return false;
        }
    }

    /** How much of a file's start the shebang test reads. */
    static final int SHEBANG_BYTES = 128;

    /** As {@link #isPythonScript(Path, String)}, given the file's first bytes (at least {@link #SHEBANG_BYTES} of them when it is longer). */
    static boolean isPythonScript(byte[] start, String name) {
        if (name.indexOf('.') >= 0) {
            return false;
        }
        byte[] head = start.length > SHEBANG_BYTES ? Arrays.copyOf(start, SHEBANG_BYTES) : start;
        if (head.length < 2 || head[0] != '#' || head[1] != '!') {
            return false;
        }
        String first = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        return first.matches("#!.*\\bpython[0-9.]*\\b.*");
    }
}
