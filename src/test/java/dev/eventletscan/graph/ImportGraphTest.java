package dev.eventletscan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.walk.PathFilter;
import dev.eventletscan.walk.RepositoryWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportGraphTest {
    @Test
    void everyImportFormAndNothingInStringsOrComments() {
        String code = """
                \"\"\"Module docs.
                import not_this
                from not.this import either
                \"\"\"
                import os, eventlet.green.socket as gs
                from . import sibling
                from ..pkg.mod import (a,
                    b as c,  # from comment import no
                )
                x = 1; import json
                from eventlet import \\
                    spawn
                def f():
                    from x.y import *
                s = 'import fake'
                t = f"{'import no'}"
                """;
        assertThat(ImportExtractor.extract(code)).containsExactly(
                new ImportStatement(5, 0, "os", List.of()),
                new ImportStatement(5, 0, "eventlet.green.socket", List.of(), List.of("gs"), 0),
                new ImportStatement(6, 1, "", List.of("sibling")),
                new ImportStatement(7, 2, "pkg.mod", List.of("a", "b"), List.of("a", "c"), 0),
                new ImportStatement(10, 0, "json", List.of()),
                new ImportStatement(11, 0, "eventlet", List.of("spawn")),
                new ImportStatement(14, 0, "x.y", List.of("*"), List.of("*"), 4));
    }

    @Test
    void aPlainImportBindsItsAliasOrItsTopLevelName() {
        List<ImportStatement> imports = ImportExtractor.extract("import a.b.c\nimport a.b as ab\nimport x as y, z\n");
        assertThat(imports).extracting(ImportStatement::boundName).containsExactly("a", "ab", "y", "z");
    }

    @Test
    void brokenInputNeverThrows() {
        String seed = "import a\nfrom b import (c,\n d)\ns = '''x\ny'''\nprint 'py2'\n";
        Random random = new Random(42);
        String junk = "'\"\\()[]{}#;\n ";
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder(seed.substring(0, random.nextInt(seed.length())));
            for (int k = random.nextInt(6); k > 0; k--) {
                sb.insert(random.nextInt(sb.length() + 1), junk.charAt(random.nextInt(junk.length())));
            }
            ImportExtractor.extract(sb.toString()); // must finish and not throw
        }
    }

    @Test
    void modulesAboveTheScanRootRelativeImportsAndReach(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("app"));
        Files.writeString(root.resolve("__init__.py"), "");
        Files.createDirectories(root.resolve("core"));
        Files.writeString(root.resolve("core/__init__.py"), "");
        Files.writeString(root.resolve("core/green.py"), "import eventlet\n");
        Files.writeString(root.resolve("core/api.py"), "from . import green\n");
        Files.writeString(root.resolve("service.py"), "from app.core import api\nimport requests\n");
        Files.createDirectories(root.resolve("tests"));
        Files.writeString(root.resolve("tests/__init__.py"), "");
        Files.writeString(root.resolve("tests/test_api.py"), "from ..core import api\n");
        // scanning the package folder itself: names still start at the package, as the code imports them
        ImportGraph g = ImportGraph.build(new RepositoryWalker(PathFilter.none()).walk(root).files());
        assertThat(g.moduleOf("core/green.py")).contains("app.core.green");
        assertThat(g.importsOf("app.core.api")).containsExactly("app.core.green");
        assertThat(g.importsOf("app.service")).containsExactly("app.core.api");
        assertThat(g.externalImportsOf("app.service")).containsExactly("requests");
        assertThat(g.reach(Set.of("app.core.green"))).containsExactly(
                Map.entry("app.core.api", 1), Map.entry("app.core.green", 0),
                Map.entry("app.service", 2), Map.entry("app.tests.test_api", 2));
    }

    @Test
    void inAFolderWithoutInitRelativeImportsReachTheSiblingsAndNoFurther(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tool.py"), "from . import helpers\nfrom .. import outside\n");
        Files.writeString(dir.resolve("helpers.py"), "from .tool import main\n");
        Files.writeString(dir.resolve("outside.py"), "");
        ImportGraph g = ImportGraph.build(new RepositoryWalker(PathFilter.none()).walk(dir).files());
        assertThat(g.importsOf("tool")).containsExactly("helpers"); // two dots climb above the top: nothing
        assertThat(g.importsOf("helpers")).containsExactly("tool");
    }
}
