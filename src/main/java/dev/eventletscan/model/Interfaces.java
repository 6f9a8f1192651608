package dev.eventletscan.model;

import java.util.List;

/**
 * The project's own interfaces in front of eventlet, and how much code reaches eventlet through them.
 *
 * @param facades modules that expose eventlet symbols (bound by imports or assignments, listed in {@code __all__},
 *     or re-exported from another facade) and are used through them elsewhere
 * @param wrappers project functions that call an eventlet primitive and return or forward it, up to the wrapper depth
 * @param wrapperDepth how many wrapper levels were followed
 */
public record Interfaces(List<Facade> facades, List<Wrapper> wrappers, int wrapperDepth) {
    public Interfaces {
        facades = List.copyOf(facades);
        wrappers = List.copyOf(wrappers);
    }

    /**
     * @param module the facade's dotted module name
     * @param names the eventlet names it exposes that other code uses, with what they stand for
     * @param indirectFindings findings reached through it (first hop)
     * @param files files holding them
     */
    public record Facade(String module, String path, List<Export> names, int indirectFindings, int files) {
        public Facade {
            names = List.copyOf(names);
        }
    }

    /**
     * @param name the exposed name
     * @param symbol the canonical eventlet symbol, or the next interface's name for a re-export
     * @param line where the name is bound
     * @param declared listed in the module's {@code __all__}
     */
    public record Export(String name, String symbol, int line, boolean declared) {}

    /**
     * @param name the wrapper's dotted name ({@code nova.utils.spawn_n})
     * @param wraps what its body calls: a canonical eventlet symbol, or the wrapper or facade name it wraps
     * @param symbol the canonical eventlet symbol at the end of the chain
     * @param how {@code returns}, {@code forwards} (passes its own parameters on), {@code only-statement} or
     *     {@code patches} (a monkey_patch helper: calling it patches the process)
     * @param depth 1 for a wrapper around eventlet, 2 for a wrapper around a wrapper, ...
     * @param callSites indirect findings at its call sites and references (first hop)
     * @param files files holding them
     */
    public record Wrapper(String name, String path, int line, String wraps, String symbol, String how, int depth,
            int callSites, int files) {}
}
