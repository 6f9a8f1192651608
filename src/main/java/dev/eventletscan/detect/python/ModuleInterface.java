package dev.eventletscan.detect.python;

import dev.eventletscan.model.MonkeyPatchDetails;
import java.util.List;

/**
 * What one parsed file offers other modules in front of eventlet: its module-level eventlet names and its wrapper
 * functions. The project-level resolution ({@code dev.eventletscan.indirect}) follows other files' imports of them.
 *
 * @param exports module-level names bound to eventlet symbols, by imports ({@code from eventlet import spawn}) or
 *     assignments ({@code spawn_n = eventlet.spawn_n})
 * @param all the literal names of {@code __all__}, or null when the module has none
 * @param wrappers module-level functions that call an eventlet primitive and return or forward it
 */
public record ModuleInterface(String path, List<Export> exports, List<String> all, List<Wrapper> wrappers) {
    public static final ModuleInterface NONE = new ModuleInterface("", List.of(), null, List.of());

    public ModuleInterface {
        exports = List.copyOf(exports);
        all = all == null ? null : List.copyOf(all);
        wrappers = List.copyOf(wrappers);
    }

    /** Eventlet names its classes in CapWords and its functions and modules in lower case. */
    public static boolean isClass(String symbol) {
        int dot = symbol.lastIndexOf('.');
        return dot >= 0 && dot + 1 < symbol.length() && Character.isUpperCase(symbol.charAt(dot + 1));
    }

    public boolean isEmpty() {
        return exports.isEmpty() && wrappers.isEmpty();
    }

    /**
     * A module-level name and the canonical eventlet symbol (or module) it is bound to.
     *
     * @param instance the name holds an object made by calling the symbol ({@code _POOL = eventlet.GreenPool()}):
     *     only its attributes are uses of eventlet ({@code _POOL.spawn} is {@code GreenPool.spawn})
     */
    public record Export(String name, String symbol, int line, boolean instance) {}

    /**
     * @param symbol the canonical eventlet symbol its body calls (the first, when it calls several)
     * @param how {@code returns}, {@code forwards}, {@code only-statement}, {@code patches}, or {@code accessor} (it
     *     returns the eventlet object itself, uncalled: {@code return eventlet})
     * @param patch for a monkey_patch helper, what the call patches and the conditions it runs under in the helper
     */
    public record Wrapper(String name, int line, String symbol, String how, MonkeyPatchDetails patch) {}
}
