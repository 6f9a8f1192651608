package dev.eventletscan.indirect;

import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.model.SwitchEvidence;
import dev.eventletscan.parse.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** oslo.service's backend chosen in code ({@code init_backend(BackendType.THREADING)}): dual-mode evidence. */
final class BackendChoices {
    private static final Pattern BACKEND = Pattern.compile("\\binit_backend\\s*\\(|\\bBackendType\\s*\\.\\s*([A-Z_]+)");

    private BackendChoices() {}

    static List<SwitchEvidence> find(Map<String, List<ImportStatement>> imports, FileTexts texts) {
        List<SwitchEvidence> out = new ArrayList<>();
        for (var e : new TreeMap<>(imports).entrySet()) {
            boolean oslo = e.getValue().stream().anyMatch(s -> s.module().startsWith("oslo_service"));
            if (!oslo) {
                continue;
            }
            SourceText source = texts.mayUse(e.getKey(), Set.of("init_backend")) ? texts.source(e.getKey()) : null;
            if (source == null) {
                continue;
            }
            for (int line = 1; line <= source.lineCount(); line++) {
                String text = source.line(line);
                Matcher m = BACKEND.matcher(text);
                if (m.find() && text.contains("init_backend") && !text.strip().startsWith("#")) {
                    out.add(new SwitchEvidence("backend-option", "option", e.getKey(), line, text.strip()));
                }
            }
        }
        return out;
    }
}
