package dev.eventletscan.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Text files of a folder shipped on the class path (inside the jar, or target/classes when run from a build). */
final class ShippedFolder {
    private ShippedFolder() {}

    /**
     * @param folder the resource folder, e.g. {@code rules}
     * @param depth 1 for the folder's own files, more to go down into sub-folders
     * @return file contents by path from the class path's root ({@code rules/imports.yaml}), sorted
     */
    static Map<String, String> read(String folder, int depth, Predicate<String> wanted) {
        URL url = ShippedFolder.class.getResource("/" + folder + "/");
        if (url == null) {
            throw new RuleFileException(List.of(folder + "/: not found on the class path"));
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                return readJar(((JarURLConnection) url.openConnection()).getJarFileURL(), folder, depth, wanted);
            }
            return readAll(Path.of(uri), folder, depth, wanted);
        } catch (IOException | URISyntaxException e) {
            throw new RuleFileException(List.of(folder + "/: cannot read shipped files: " + e.getMessage()));
        }
    }

    /**
     * Through the jar's central directory, which the class loader has read already: a zip file system would read
     * it again, in Java, and took a tenth of a second of every scan's start-up.
     */
    private static Map<String, String> readJar(URL jar, String folder, int depth, Predicate<String> wanted)
            throws IOException, URISyntaxException {
        Map<String, String> out = new TreeMap<>();
        String prefix = folder + "/";
        try (ZipFile zip = new ZipFile(Path.of(jar.toURI()).toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (!e.isDirectory() && name.startsWith(prefix)
                        && name.chars().skip(prefix.length()).filter(c -> c == '/').count() < depth && wanted.test(name)) {
                    try (InputStream in = zip.getInputStream(e)) {
                        out.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, String> readAll(Path dir, String folder, int depth, Predicate<String> wanted) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir, depth)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder + "/" + dir.relativize(f).toString().replace('\\', '/');
                if (wanted.test(relative)) {
                    out.put(relative, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
