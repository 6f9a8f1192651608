package dev.eventletscan.deps;

import java.nio.file.Path;
import java.util.List;

/**
 * One distribution installed in a site-packages folder, as its metadata describes it.
 *
 * @param name the name its metadata gives (or, when the metadata has none, its folder's name)
 * @param normalisedName PEP 503 form, for matching against requirements
 * @param version its version, or empty when the metadata gives none
 * @param sitePackages the folder it is installed in
 * @param metadata its {@code *.dist-info} or {@code *.egg-info} folder (or file, for old distutils installs)
 * @param format {@code dist-info} or {@code egg-info}
 * @param requires its requirements, in metadata order, extras-only ones included (see {@link DistRequirement#onlyForExtras})
 * @param providesExtras the extras it declares (normalised), when the metadata lists them
 * @param topLevel the top-level names its metadata declares or its file list implies, existing or not
 * @param codeRoots top-level packages (folders) and modules ({@code .py} files) of its code that exist under
 *     {@code sitePackages}, sorted; empty when none could be found
 * @param installedFiles how many files its file list names (RECORD, installed-files.txt), -1 without one
 * @param problems what was wrong with its metadata; the rest of it was still read
 */
public record InstalledDistribution(
        String name,
        String normalisedName,
        String version,
        Path sitePackages,
        Path metadata,
        String format,
        List<DistRequirement> requires,
        List<String> providesExtras,
        List<String> topLevel,
        List<Path> codeRoots,
        int installedFiles,
        List<MetadataProblem> problems) {

    public InstalledDistribution {
        requires = List.copyOf(requires);
        providesExtras = List.copyOf(providesExtras);
        topLevel = List.copyOf(topLevel);
        codeRoots = List.copyOf(codeRoots);
        problems = List.copyOf(problems);
    }

    /** The code roots relative to {@link #sitePackages}, {@code /}-separated ({@code futurist}, {@code six.py}). */
    public List<String> codeRootNames() {
        return codeRoots.stream().map(r -> sitePackages.relativize(r).toString().replace('\\', '/')).toList();
    }

    @Override
    public String toString() {
        return name + (version.isEmpty() ? "" : " " + version);
    }
}
