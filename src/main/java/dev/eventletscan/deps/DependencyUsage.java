package dev.eventletscan.deps;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How one dependency of the project uses eventlet: measured by scanning its installed code, or,
 * when it is not installed, as the knowledge base claims. Counts leave the dependency's own tests
 * out (those are in {@link #testFindings}): a library whose tests alone use eventlet does not make
 * the project's process green.
 *
 * @param version the installed version, empty when not installed
 * @param direct the project declares it itself
 * @param via the shortest requirement chain from a direct dependency to it, both ends included
 * @param usesEventlet the scan found eventlet usage outside its tests; when not installed, the
 *     knowledge base lists it
 * @param evidence {@link #SCANNED}, {@link #KNOWLEDGE_BASE} or {@link #NO_EVIDENCE}
 * @param pythonFiles Python files under its code roots
 * @param findings findings outside its tests
 * @param filesWithFindings files holding those findings
 * @param findingsByCategory those findings by category
 * @param monkeyPatchCalls its monkey_patch calls outside tests, by mode
 * @param evidenceFiles the files doing the most eventlet work (green threads, pools, hubs, green
 *     modules, primitives...), at most five, most findings first
 * @param codeRoots its scanned packages and modules, relative to site-packages
 * @param knowledgeBaseNote what the knowledge base says of it, or null when it does not list it
 * @param summary one line: how it uses eventlet, or why nothing is known
 */
public record DependencyUsage(
        String name,
        String normalisedName,
        String version,
        boolean direct,
        List<String> via,
        boolean installed,
        boolean usesEventlet,
        String evidence,
        int pythonFiles,
        int findings,
        int testFindings,
        int filesWithFindings,
        SortedMap<String, Integer> findingsByCategory,
        MonkeyPatchCounts monkeyPatchCalls,
        List<EvidenceFile> evidenceFiles,
        List<String> codeRoots,
        String knowledgeBaseNote,
        String summary) {
    /** The dependency's installed code was scanned. */
    public static final String SCANNED = "scanned";
    /** Not installed: the knowledge base's claim, not checked against code. */
    public static final String KNOWLEDGE_BASE = "knowledge base (unverified)";
    /** Not installed and not in the knowledge base: nothing is known. */
    public static final String NO_EVIDENCE = "none (not installed, not in the knowledge base)";

    public DependencyUsage {
        via = List.copyOf(via);
        findingsByCategory = Collections.unmodifiableSortedMap(new TreeMap<>(findingsByCategory));
        evidenceFiles = List.copyOf(evidenceFiles);
        codeRoots = List.copyOf(codeRoots);
    }

    /** A scan of its installed code confirmed the usage. */
    public boolean verified() {
        return usesEventlet && evidence.equals(SCANNED);
    }
}
