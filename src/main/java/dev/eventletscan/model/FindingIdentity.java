package dev.eventletscan.model;

import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What identifies a finding from one commit to the next: its file, rule, canonical symbol, enclosing scope and
 * code with white space and any trailing comment removed. Never its line or column, so code moving up or down,
 * or being re-indented, changes nothing. Identical findings in one file are told apart by their order
 * (the occurrence), which only matters for how many there are.
 *
 * @param code the normalised code of the finding's line
 */
public record FindingIdentity(String path, String ruleId, String symbol, String scope, String code) {

    public static FindingIdentity of(Finding f) {
        return new FindingIdentity(f.path(), f.ruleId(), symbolOf(f), text(f.scope()), normalise(f.code()));
    }

    /**
     * The symbol as a baseline keeps it: a direct finding's canonical symbol, unchanged since baselines began; an
     * indirect finding's with the interface it goes through ({@code eventlet.greenthread.spawn_n via
     * nova.utils.spawn_n}), so a direct and an indirect use on one line stay apart.
     */
    public static String symbolOf(Finding f) {
        return f.isIndirect() ? text(f.symbol()) + " via " + f.via().getFirst().name() : text(f.symbol());
    }

    public static FindingIdentity of(BaselineEntry e) {
        return new FindingIdentity(e.path(), e.ruleId(), text(e.symbol()), text(e.scope()), normalise(e.code()));
    }

    /** The same identity for a file of the same name in any folder: for files moved. */
    public FindingIdentity anyFolder() {
        return new FindingIdentity(path.substring(path.lastIndexOf('/') + 1), ruleId, symbol, scope, code);
    }

    /** The same identity for any file of the same folder: for files renamed. */
    public FindingIdentity anyName() {
        return new FindingIdentity(path.substring(0, path.lastIndexOf('/') + 1) + "/", ruleId, symbol, scope, code);
    }

    /** The same identity in any scope of the file: for functions renamed or moved into a class. */
    public FindingIdentity anyScope() {
        return new FindingIdentity(path, ruleId, symbol, "", code);
    }

    /**
     * One fingerprint per finding, in the list's order: a hash of the identity and the occurrence.
     * The list must be in report order for occurrences to be stable.
     */
    public static List<String> fingerprints(List<Finding> findings, String salt) {
        Map<FindingIdentity, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            FindingIdentity id = of(f);
            int occurrence = seen.merge(id, 1, Integer::sum);
            out.add(sha256(String.join("\u0000", id.path, id.ruleId, id.symbol, id.scope, id.code, salt,
                    Integer.toString(occurrence))));
        }
        return out;
    }

    /**
     * The code as its tokens: white space dropped, and a comment that follows the code, so reformatting
     * the line or commenting it does not make a finding new. A '#' inside quotes is kept.
     */
    public static String normalise(String code) {
        if (code == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(code.length());
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < code.length()) {
                    b.append(c).append(code.charAt(++i));
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(code.charAt(i - 1))) {
                break;
            }
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
