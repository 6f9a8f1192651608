package dev.eventletscan.indirect;

import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.model.Hop;
import dev.eventletscan.model.MonkeyPatchDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * What a project name stands for: an eventlet symbol reached through the project's facades, wrappers and accessors.
 *
 * @param symbol the canonical eventlet symbol (or module) at the end of the chain
 * @param via the project's interfaces, nearest first
 * @param wrapperDepth how many of them are wrappers
 * @param how for a wrapper, how it forwards the primitive ({@code returns}, {@code forwards}, ...); else null
 * @param patch for a monkey_patch helper, what the call patches; else null
 * @param yields a call of this function returns the eventlet object {@code symbol} (an accessor's {@code return
 *     eventlet}, a wrapper's {@code return eventlet.GreenPool()}): attributes of the call's result are uses of it
 * @param held the name holds such an object ({@code _POOL = eventlet.GreenPool()}, {@code ev = get_eventlet()}):
 *     only its attributes are uses
 */
record Target(String symbol, List<Hop> via, int wrapperDepth, String how, MonkeyPatchDetails patch, boolean yields, boolean held) {
    Target {
        via = List.copyOf(via);
    }

    /** A facade name: the name is the eventlet symbol. */
    static Target facade(String symbol, Hop hop) {
        return new Target(symbol, List.of(hop), 0, null, null, false, false);
    }

    /** A module-level object made by an eventlet class. */
    static Target instance(String symbol, Hop hop) {
        return new Target(symbol, List.of(hop), 0, null, null, false, true);
    }

    /** A project function around an eventlet symbol, from the parsed file that defines it. */
    static Target function(String symbol, Hop hop, String how, MonkeyPatchDetails patch) {
        return new Target(symbol, List.of(hop), 1, how, patch, yields(how, symbol), false);
    }

    private static boolean yields(String how, String symbol) {
        return "accessor".equals(how) || ("returns".equals(how) && ModuleInterface.isClass(symbol));
    }

    Hop first() {
        return via.getFirst();
    }

    /**
     * A wrapper or accessor stands for a call: code that imports or references it is not itself using eventlet's
     * object. A name holding an object the project made is not the function either.
     */
    boolean isWrapper() {
        return !held && !first().kind().equals(Hop.FACADE);
    }

    /**
     * Defined in this file and not found there directly: its wrappers and accessors, and the objects it makes at
     * module level ({@code _POOL = eventlet.GreenPool()}), whose uses there are indirect too.
     */
    boolean isOwnedBy(String path) {
        return (isWrapper() || held) && first().path().equals(path);
    }

    /** An accessor's call only hands the object over: nothing of eventlet runs until its attributes are used. */
    boolean isAccessor() {
        return first().kind().equals(Hop.ACCESSOR);
    }

    /** The object a call of this function returns, held by a name or used at once. */
    Target result() {
        return new Target(symbol, via, wrapperDepth, how, patch, false, true);
    }

    /**
     * A project function's use of this target, as a wrapper or an accessor: it stands for the symbol it uses (the
     * target's, or an attribute of it: {@code eventlet.patcher.monkey_patch} of a facade's {@code eventlet}) and
     * patches what the call patches.
     */
    Target wrappedBy(Hop hop, String newHow, String usedSymbol, MonkeyPatchDetails usedPatch) {
        List<Hop> chain = new ArrayList<>();
        chain.add(hop);
        chain.addAll(via);
        return new Target(usedSymbol, chain, wrapperDepth + 1, newHow, usedPatch, yields(newHow, usedSymbol), false);
    }

    Target withPatch(MonkeyPatchDetails newPatch) {
        return new Target(symbol, via, wrapperDepth, how, newPatch, yields, held);
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
        return new Target(symbol, chain, wrapperDepth, how, patch, yields, held);
    }
}
