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

    /**
     * A project function's call of this target, as a wrapper: it stands for the symbol the call uses (the target's,
     * or an attribute of it: {@code eventlet.patcher.monkey_patch} of a facade's {@code eventlet}) and patches what
     * the call patches.
     */
    Target wrappedBy(Hop hop, String newHow, String calledSymbol, MonkeyPatchDetails calledPatch) {
        List<Hop> chain = new ArrayList<>();
        chain.add(hop);
        chain.addAll(via);
        return new Target(calledSymbol, chain, wrapperDepth + 1, newHow, calledPatch);
    }

    Target withPatch(MonkeyPatchDetails newPatch) {
        return new Target(symbol, via, wrapperDepth, how, newPatch);
    }

    /** The innermost wrapper: the function whose own body makes the call; null for a facade name. */
    Hop innermostWrapper() {
        Hop out = null;
        for (Hop h : via) {
            if (h.kind().equals(Hop.WRAPPER)) {
                out = h;
            }
        }
        return out;
    }

    /** The same target seen through one more interface in front. */
    Target behind(Hop facade) {
        List<Hop> chain = new ArrayList<>();
        chain.add(facade);
        chain.addAll(via);
        return new Target(symbol, chain, wrapperDepth, how, patch);
    }
}
