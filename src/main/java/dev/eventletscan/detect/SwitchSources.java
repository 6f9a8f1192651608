package dev.eventletscan.detect;

import dev.eventletscan.parse.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the names in a patch condition stand for, read from the same file: a local variable's assignments and the
 * conditions they run under, a predicate function's return statements, a parameter of the enclosing function. A
 * condition {@code should_patch} then shows whether an environment variable, an option or the caller's argument
 * decides it, which is what makes it a switch. Lexical, like the indirect pass, so both detection paths share it;
 * a name is followed at most {@link #MAX_DEPTH} assignments or calls deep.
 */
public final class SwitchSources {
    static final int MAX_DEPTH = 3;
    private static final int MAX_SOURCES = 5;
    private static final int MAX_TEXT = 140;
    /** A name not after a dot, and whether a call follows it. */
    private static final Pattern NAME = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("not", "and", "or", "is", "in", "None", "True", "False", "if",
            "else", "lambda", "self", "cls", "os", "sys", "str", "int", "bool", "len", "getattr", "hasattr", "isinstance");
    private static final Pattern DEF = Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+(\\w+)\\s*\\((.*)");
    private static final Pattern HEADER = Pattern.compile("^(\\s*)(if|elif|else|while|for|with|try|except|finally)\\b(.*?):?\\s*(?:#.*)?$");

    private SwitchSources() {}

    /** The conditions with what their names stand for appended in brackets, when something in the file says. */
    public static List<String> explain(SourceText source, int line, List<String> conditions) {
        if (conditions.isEmpty()) {
            return conditions;
        }
        List<String> lines = source.text().lines().toList();
        List<String> out = new ArrayList<>();
        for (String c : conditions) {
            Set<String> sources = new LinkedHashSet<>();
            resolve(lines, line - 1, c, sources, new HashSet<>(), 0);
            out.add(sources.isEmpty() ? c : c + " [" + String.join("; ", sources) + "]");
        }
        return out;
    }

    /** @param at the 0-based line the text is evaluated on: its enclosing function is the scope */
    private static void resolve(List<String> lines, int at, String text, Set<String> out, Set<String> seen, int depth) {
        if (depth >= MAX_DEPTH || at < 0 || at >= lines.size()) {
            return;
        }
        int def = enclosingDef(lines, at);
        Matcher m = NAME.matcher(text);
        while (m.find() && out.size() < MAX_SOURCES) {
            String name = m.group(1);
            if (KEYWORDS.contains(name) || !seen.add(name)) {
                continue;
            }
            if (m.group(2) != null) {
                int predicate = definition(lines, name);
                if (predicate >= 0) {
                    List<String> returns = returns(lines, predicate);
                    if (!returns.isEmpty()) {
                        out.add(cut(name + "(): " + String.join(" | ", returns)));
                        resolve(lines, predicate + 1, String.join(" ", returns), out, seen, depth + 1);
                    }
                }
                continue;
            }
            if (def >= 0 && parameters(lines, def).contains(name)) {
                out.add(name + ": an argument of " + defName(lines, def) + "(), chosen by its caller");
                continue;
            }
            for (int i : assignments(lines, def, name)) {
                String rhs = lines.get(i).strip().replaceFirst("^" + Pattern.quote(name) + "\\s*(?::[^=]+)?=\\s*", "");
                List<String> under = headers(lines, i, def);
                out.add(cut(name + " = " + rhs + (under.isEmpty() ? "" : " if " + String.join(" and ", under))));
                resolve(lines, i, rhs + " " + String.join(" ", under), out, seen, depth + 1);
            }
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 3) + "...";
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean blank(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    /** The line of the def whose body holds this line, or -1 at module level. */
    private static int enclosingDef(List<String> lines, int at) {
        int threshold = blank(lines.get(at)) ? Integer.MAX_VALUE : indent(lines.get(at));
        for (int i = at - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (blank(l) || indent(l) >= threshold) {
                continue;
            }
            threshold = indent(l);
            if (DEF.matcher(l).find()) {
                return i;
            }
            if (threshold == 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The last line of the block a header at this line opens. */
    private static int blockEnd(List<String> lines, int header) {
        int own = indent(lines.get(header));
        int end = header;
        for (int i = header + 1; i < lines.size(); i++) {
            if (blank(lines.get(i))) {
                continue;
            }
            if (indent(lines.get(i)) <= own) {
                break;
            }
            end = i;
        }
        return end;
    }

    private static String defName(List<String> lines, int def) {
        Matcher m = DEF.matcher(lines.get(def));
        return m.find() ? m.group(2) : "";
    }

    private static Set<String> parameters(List<String> lines, int def) {
        StringBuilder text = new StringBuilder();
        for (int i = def; i < Math.min(lines.size(), def + 6); i++) {
            text.append(i == def ? lines.get(i).substring(lines.get(i).indexOf('(') + 1) : lines.get(i)).append(' ');
            if (lines.get(i).contains(")")) {
                break;
            }
        }
        String params = text.toString();
        int close = params.indexOf(')');
        params = close < 0 ? params : params.substring(0, close);
        Set<String> out = new LinkedHashSet<>();
        for (String p : params.split(",")) {
            String name = p.strip().replaceFirst("^\\*+", "").split("[:=\\s]")[0];
            if (!name.isEmpty() && !name.equals("self") && !name.equals("cls")) {
                out.add(name);
            }
        }
        return out;
    }

    /** A def of this name anywhere in the file (a predicate is usually module level or a method of the class). */
    private static int definition(List<String> lines, String name) {
        Pattern def = Pattern.compile("^\\s*(?:async\\s+)?def\\s+" + Pattern.quote(name) + "\\s*\\(");
        for (int i = 0; i < lines.size(); i++) {
            if (def.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> returns(List<String> lines, int def) {
        List<String> out = new ArrayList<>();
        int end = blockEnd(lines, def);
        for (int i = def + 1; i <= end; i++) {
            String s = lines.get(i).strip();
            if (s.startsWith("return ") && enclosingDef(lines, i) == def) {
                out.add(s.substring("return ".length()).strip());
            }
        }
        return out;
    }

    /** Lines assigning the name in the same function (or at module level). */
    private static List<Integer> assignments(List<String> lines, int def, String name) {
        Pattern assign = Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s*(?::[^=]+)?=(?!=)");
        int from = def < 0 ? 0 : def + 1;
        int to = def < 0 ? lines.size() - 1 : blockEnd(lines, def);
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (assign.matcher(lines.get(i)).find() && enclosingDef(lines, i) == def) {
                out.add(i);
            }
        }
        return out;
    }

    /** The if/elif conditions above a line inside its function: those of its own branch and of the branches before. */
    private static List<String> headers(List<String> lines, int at, int def) {
        List<String> out = new ArrayList<>();
        int threshold = indent(lines.get(at));
        boolean chain = false; // an elif or else was passed: the branches before it at the same indent count too
        for (int i = at - 1; i > def; i--) {
            String l = lines.get(i);
            if (blank(l)) {
                continue;
            }
            int own = indent(l);
            Matcher h = HEADER.matcher(l);
            String kind = h.find() ? h.group(2) : "";
            if (chain && own == threshold) {
                if (kind.equals("if") || kind.equals("elif")) {
                    out.addFirst(h.group(3).strip());
                }
                chain = !kind.equals("if");
                continue;
            }
            if (own >= threshold) {
                continue;
            }
            threshold = own;
            if (kind.equals("if") || kind.equals("elif")) {
                out.addFirst(h.group(3).strip());
            }
            chain = kind.equals("elif") || kind.equals("else");
        }
        return out;
    }
}
