package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.NativeLibraryLookup;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/** Registered as a service so jtreesitter binds to our tree-sitter core without LD_LIBRARY_PATH. */
public final class BundledLibraryLookup implements NativeLibraryLookup {
    @Override
    public SymbolLookup get(Arena arena) {
        return SymbolLookup.libraryLookup(NativeLibraries.coreLibrary(), arena);
    }
}
