package dev.eventletscan.indirect;

import dev.eventletscan.model.Hop;
import dev.eventletscan.model.MonkeyPatchDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * What a project name stands for: an eventlet symbol reached through the project's facades and wrappers.
 *
 * @param symbol the canonical eventlet symbol (or module) at the end of the chain
 * @param via the project's interfaces, nearest first
 * @param wrapperDepth how many of them are wrappers
 * @param how for a wrapper, how it forwards the primitive ({@code returns}, {@code forwards}, ...); else null
 * @param patch for a monkey_patch helper, what the call patches; else null
 */
record Target(String symbol, List<Hop> via, int wrapperDepth, String how, MonkeyPatchDetails patch) {
    Target {
        via = List.copyOf(via);
    }

    Hop first() {
        return via.getFirst();
    }

    /** A wrapper stands for a call: code that imports or references it is not itself using eventlet's object. */
    boolean isWrapper() {
        return first().kind().equals(Hop.WRAPPER);
    }

    /** The same target seen through one more interface in front. */
    Target behind(Hop hop, boolean wrapper, String newHow) {
        List<Hop> chain = new ArrayList<>();
        chain.add(hop);
        chain.addAll(via);
        return new Target(symbol, chain, wrapperDepth + (wrapper ? 1 : 0), wrapper ? newHow : how, patch);
    }
}
