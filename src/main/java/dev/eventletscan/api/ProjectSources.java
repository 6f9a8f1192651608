package dev.eventletscan.api;

import dev.eventletscan.calls.CallExtractor;
import dev.eventletscan.calls.FunctionCalls;
import dev.eventletscan.graph.ImportExtractor;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.indirect.AttributeNames;
import dev.eventletscan.indirect.ModuleAssignments;
import dev.eventletscan.parse.LogicalLines;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cheap pass over every Python file, eventlet or not: its imports and its
 * functions' calls, read lexically, for the import graph and call levels.
 */
final class ProjectSources {
    /**
     * What the structure pass keeps of one file; {@code aliases} are module-level {@code name = dotted.name} lines,
     * {@code attributes} the hashes of the names read as attributes ({@link AttributeNames}).
     */
    record Structure(List<ImportStatement> imports, List<FunctionCalls> functions, List<ModuleAssignments.Assignment> aliases,
            int[] attributes) {
        static final Structure EMPTY = new Structure(List.of(), List.of(), List.of(), new int[0]);

        /** What the indirect pass still needs once the call levels are built. */
        Structure withoutFunctions() {
            return functions.isEmpty() ? this : new Structure(imports, List.of(), aliases, attributes);
        }
    }

    private ProjectSources() {}

    /**
     * Run on the scan's pool (a {@link ScanPool} worker): the files are read in parallel on the pool that runs it.
     *
     * @return by relative path; an unreadable file has an empty structure (the detection pass reports it)
     */
    static Map<String, Structure> read(List<SourceFile> files, FileContents contents, ResultCache cache) {
        List<SourceFile> python = files.stream().filter(SourceFile::python).toList();
        List<Structure> read = python.parallelStream().map(f -> structureOf(f, contents, cache)).toList();
        Map<String, Structure> out = new TreeMap<>();
        for (int i = 0; i < python.size(); i++) {
            out.put(python.get(i).relativePath(), read.get(i));
        }
        return out;
    }

    private static Structure structureOf(SourceFile file, FileContents contents, ResultCache cache) {
        try {
            if (contents.size(file) > FileScanner.MAX_PYTHON_BYTES) {
                return Structure.EMPTY; // generated code: the detection pass reports it
            }
            byte[] raw = contents.read(file);
            String key = cache.enabled() ? ResultCache.key("structure", "", raw) : null; // the bytes alone decide it
            Structure cached = key == null ? null : cache.get(key, Structure.class);
            if (cached != null) {
                return cached;
            }
            Structure read = structureOf(LogicalLines.statements(raw));
            if (key != null) {
                cache.put(key, read);
            }
            return read;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Structure.EMPTY;
        }
    }

    /** One lexer pass; what each reader takes from it, without a String per line. */
    static Structure structureOf(LogicalLines.Statements statements) {
        return new Structure(ImportExtractor.extract(statements), CallExtractor.extract(statements),
                ModuleAssignments.extract(aliasCandidates(statements)),
                AttributeNames.of(List.of(new LogicalLines.Line(1, 0, statements.joined()))));
    }

    /**
     * The only lines {@link ModuleAssignments} can take for an alias: at module level, with a {@code =} and no
     * call. A String for these alone; the attribute names read all statements as one text, which gives the same
     * names, since they end at a line's end as at the {@code '\n'} between statements.
     */
    private static List<LogicalLines.Line> aliasCandidates(LogicalLines.Statements statements) {
        List<LogicalLines.Line> out = new ArrayList<>();
        byte[] text = statements.bytes();
        for (int i = 0; i < statements.count(); i++) {
            if (statements.indent(i) != 0) {
                continue;
            }
            boolean assigns = false;
            boolean calls = false;
            for (int k = statements.start(i); k < statements.end(i) && !calls; k++) {
                assigns |= text[k] == '=';
                calls = text[k] == '(';
            }
            if (assigns && !calls) {
                out.add(statements.line(i));
            }
        }
        return out;
    }
}
