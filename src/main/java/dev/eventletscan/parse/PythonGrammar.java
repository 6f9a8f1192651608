package dev.eventletscan.parse;

import dev.eventletscan.model.NativeLibraryException;
import io.github.treesitter.jtreesitter.Language;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/** The tree-sitter Python language, loaded once per process from the grammar library. */
public final class PythonGrammar {
    private static final Lazy<Language> LANGUAGE = new Lazy<>(PythonGrammar::load);

    private PythonGrammar() {}

    public static Language language() {
        return LANGUAGE.get();
    }

    private static Language load() {
        var path = NativeLibraries.pythonGrammar();
        try {
            // The global arena keeps the grammar mapped for the life of the process, as parsers need it.
            return Language.load(SymbolLookup.libraryLookup(path, Arena.global()), "tree_sitter_python");
        } catch (RuntimeException | LinkageError e) {
            throw new NativeLibraryException(path + ": cannot load the tree-sitter Python grammar: " + e.getMessage(), e);
        }
    }
}
