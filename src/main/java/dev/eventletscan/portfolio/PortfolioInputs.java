package dev.eventletscan.portfolio;

import dev.eventletscan.fileio.BoundedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The repositories a portfolio is made of, from the three kinds of input, sorted by name. A name must be unique:
 * it is the repository's key in the team mapping, the cache, the shards and an earlier report.
 */
public final class PortfolioInputs {
    private PortfolioInputs() {}

    /**
     * @param folders folders whose sub-folders are checkouts (hidden ones left out)
     * @param listFiles files naming one checkout per line (blank lines and # comments skipped), relative to the file's folder
     * @param reports JSON reports of {@code eventlet-scan scan}, or folders of them ({@code NAME.json} is repository NAME)
     * @throws IllegalArgumentException for a missing input or two repositories of one name
     */
    public static List<RepositorySource> collect(List<Path> folders, List<Path> listFiles, List<Path> reports) throws IOException {
        List<RepositorySource> all = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException(folder + ": not a folder of checkouts");
            }
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.sorted().toList()) {
                    String name = child.getFileName().toString();
                    if (!name.startsWith(".") && Files.isDirectory(child)) {
                        all.add(new RepositorySource(name, child, child.toString(), RepositorySource.CHECKOUT));
                    }
                }
            }
        }
        for (Path list : listFiles) {
            Path base = list.toAbsolutePath().getParent();
            for (String line : BoundedFile.readString(list, BoundedFile.CONFIG_BYTES).lines().toList()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                Path p = base.resolve(entry).normalize();
                // a listed path that is missing stays in: it is reported as that repository's error, like any other failure
                all.add(new RepositorySource(p.getFileName() == null ? entry : p.getFileName().toString(), p, entry,
                        RepositorySource.CHECKOUT));
            }
        }
        for (Path report : reports) {
            if (Files.isDirectory(report)) {
                try (Stream<Path> files = Files.list(report)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                        all.add(reportSource(f));
                    }
                }
            } else if (Files.exists(report)) {
                all.add(reportSource(report));
            } else {
                throw new IllegalArgumentException(report + ": no such report or folder of reports");
            }
        }
        Map<String, RepositorySource> byName = new TreeMap<>();
        for (RepositorySource s : all) {
            RepositorySource before = byName.putIfAbsent(s.name(), s);
            if (before != null) {
                throw new IllegalArgumentException("two repositories are named '" + s.name() + "': " + before.shownPath()
                        + " and " + s.shownPath() + " (names key the team mapping, the cache and the shards)");
            }
        }
        return byName.values().stream().sorted(Comparator.comparing(RepositorySource::name)).toList();
    }

    private static RepositorySource reportSource(Path file) {
        String name = file.getFileName().toString();
        return new RepositorySource(name.substring(0, name.length() - ".json".length()), file, file.toString(), RepositorySource.REPORT);
    }
}
