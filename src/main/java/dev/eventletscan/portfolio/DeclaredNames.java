package dev.eventletscan.portfolio;

import dev.eventletscan.detect.manifest.DeclaredDependency;
import dev.eventletscan.detect.manifest.Manifests;
import dev.eventletscan.fileio.BoundedFile;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.DependencyMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a checkout's top-level packaging files say it builds and needs. The scan's assessment lists only the
 * dependencies known to use eventlet; the portfolio also needs the edges between its own repositories, which
 * the knowledge base may not know.
 */
final class DeclaredNames {
    private static final List<String> MANIFESTS = List.of("requirements.txt", "setup.cfg", "pyproject.toml");
    private static final Pattern SETUP_CFG_NAME = Pattern.compile("(?ms)^\\[metadata\\][^\\[]*?^name\\s*[=:]\\s*([A-Za-z0-9._-]+)");
    private static final Pattern PYPROJECT_NAME = Pattern.compile("(?ms)^\\[project\\][^\\[]*?^name\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private DeclaredNames() {}

    record Declared(String provides, Set<String> requires) {}

    /** @param fallback the name to give when no packaging file names the distribution (the folder's) */
    static Declared read(Path checkout, String fallback) {
        String provides = null;
        Set<String> requires = new TreeSet<>();
        for (String name : MANIFESTS) {
            Path file = checkout.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String text;
            try {
                text = BoundedFile.readString(file, BoundedFile.CONFIG_BYTES);
            } catch (IOException e) {
                continue; // the scan reports the unreadable file; the portfolio only loses an edge
            }
            for (DeclaredDependency d : Manifests.read(name, SourceText.of(text)).dependencies()) {
                requires.add(DependencyMatch.normalise(d.name()));
            }
            Matcher m = (name.equals("setup.cfg") ? SETUP_CFG_NAME : PYPROJECT_NAME).matcher(text);
            if (provides == null && !name.equals("requirements.txt") && m.find()) {
                provides = m.group(1);
            }
        }
        String own = DependencyMatch.normalise(provides == null ? fallback : provides);
        requires.remove(own);
        return new Declared(own, requires);
    }
}
