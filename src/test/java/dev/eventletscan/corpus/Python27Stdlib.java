package dev.eventletscan.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The Python 2.7 standard library of this kind of machine (pyenv's 2.7.18): a real corpus of Python 2 syntax. */
final class Python27Stdlib {
    private Python27Stdlib() {}

    /** Where python2.7 says its standard library is, as the issue asks to find it; empty when there is none. */
    static Optional<Path> locate() {
        ProcessBuilder pb = new ProcessBuilder("python2.7", "-c", "import os; print(os.path.dirname(os.__file__))")
                .redirectErrorStream(true);
        pb.environment().put("PYENV_VERSION", "2.7.18");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isDirectory(Path.of(out))) {
                return Optional.empty();
            }
            return Optional.of(Path.of(out));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Every .py file, as a '/'-separated path from the folder, links not followed (the walk would not leave it either). */
    static List<String> pythonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> f.getFileName().toString().endsWith(".py"))
                    .map(f -> dir.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
