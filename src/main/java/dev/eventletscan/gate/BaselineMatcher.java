package dev.eventletscan.gate;

import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingIdentity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs today's findings with a baseline's entries, one to one. Exact identities pair first; then, among what
 * is left, the same finding in another scope of its file (a function renamed or moved into a class), then in
 * a file of the same name in another folder (moved), then in another file of the same folder (renamed). A usage
 * that leaves one file and appears in an unrelated one is fixed there and new here. Each pass pairs as many as both sides hold, so n identical findings
 * against m baselined ones leave |n - m| new or fixed, whatever their order.
 */
final class BaselineMatcher {
    private static final List<Function<FindingIdentity, FindingIdentity>> PASSES =
            List.of(Function.identity(), FindingIdentity::anyScope, FindingIdentity::anyFolder, FindingIdentity::anyName);

    /**
     * @param known which findings (by index) the baseline holds
     * @param fixed the baseline entries no finding paired with, in baseline order
     */
    record Pairing(BitSet known, List<BaselineEntry> fixed) {}

    private BaselineMatcher() {}

    static Pairing pair(List<Finding> findings, List<BaselineEntry> baseline) {
        List<FindingIdentity> found = findings.stream().map(FindingIdentity::of).toList();
        List<FindingIdentity> remembered = baseline.stream().map(FindingIdentity::of).toList();
        BitSet known = new BitSet(findings.size());
        BitSet used = new BitSet(baseline.size());
        for (Function<FindingIdentity, FindingIdentity> pass : PASSES) {
            Map<FindingIdentity, ArrayDeque<Integer>> open = new HashMap<>();
            for (int j = used.nextClearBit(0); j < baseline.size(); j = used.nextClearBit(j + 1)) {
                open.computeIfAbsent(pass.apply(remembered.get(j)), k -> new ArrayDeque<>()).add(j);
            }
            for (int i = known.nextClearBit(0); i < findings.size() && !open.isEmpty(); i = known.nextClearBit(i + 1)) {
                ArrayDeque<Integer> candidates = open.get(pass.apply(found.get(i)));
                if (candidates != null && !candidates.isEmpty()) {
                    used.set(candidates.poll());
                    known.set(i);
                }
            }
        }
        List<BaselineEntry> fixed = new ArrayList<>();
        for (int j = used.nextClearBit(0); j < baseline.size(); j = used.nextClearBit(j + 1)) {
            fixed.add(baseline.get(j));
        }
        return new Pairing(known, fixed);
    }
}
