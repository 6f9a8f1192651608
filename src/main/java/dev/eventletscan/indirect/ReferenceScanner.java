package dev.eventletscan.indirect;

import dev.eventletscan.parse.LogicalTokens;
import dev.eventletscan.parse.LogicalTokens.Statement;
import dev.eventletscan.parse.LogicalTokens.Token;
import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.detect.python.PythonDetector;
import dev.eventletscan.model.Hop;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.modules.PythonModules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds, in one file, the sites that use the project's facade names and wrappers: imports, aliases and scopes
 * followed lexically (functions by indentation, parameters and assignments hide outer names), each site with its
 * usage, scope, guard conditions and position. Also finds the functions that wrap such a site again
 * (returning it, forwarding their parameters, or consisting of it), for the next level of wrappers.
 */
final class ReferenceScanner {
    /** How the scanner asks about the project: which modules exist and what names they offer. */
    interface Project {
        /** The facade names and wrappers a module offers, by name; empty when none. */
        Map<String, Target> targets(String module);

        boolean isModule(String dotted);

        /** The canonical name of an eventlet symbol written {@code dotted} ({@code eventlet.spawn} is greenthread's). */
        String canonical(String dotted);

        /** Whether a name is a tracked package's ({@code eventlet}, {@code greenlet}). */
        boolean isTracked(String name);
    }

    /**
     * One use of a project interface.
     *
     * @param symbol the canonical eventlet symbol the site uses (the target's, with the attributes read after it)
     * @param patch for a call that runs monkey_patch (itself, or a helper that calls it), what it patches and the
     *     conditions it runs under, here and inside the helpers; else null
     */
    record Site(Target target, String symbol, String usage, Token start, Token end, String scope, boolean guarded,
            List<String> conditions, boolean moduleLevel, boolean mainBlock, MonkeyPatchDetails patch) {}

    /** A function found to wrap a site again. */
    record NewWrapper(String name, int line, Target target) {}

    record Result(List<Site> sites, List<NewWrapper> wrappers, boolean importsTestFramework) {}

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield");
    private static final Set<String> BRANCHES = Set.of("elif", "else", "except", "finally");
    private static final Set<String> GUARDS = Set.of("if", "elif", "else", "try", "except", "finally", "match", "case");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<=", ">=");
    private static final Pattern MAIN = Pattern.compile("__name__\\s*==\\s*['\"]__main__['\"]|['\"]__main__['\"]\\s*==\\s*__name__");

    /** What a local name is bound to. */
    private sealed interface Binding permits Bound, ModuleRef, SelfOf, Hidden {}

    private record Bound(Target target) implements Binding {}

    private record ModuleRef(String module) implements Binding {}

    /** A method's {@code self}, in a class whose methods set eventlet objects on it. */
    private record SelfOf(String className) implements Binding {}

    private enum Hidden implements Binding { HIDDEN }

    /** An {@code if} or {@code elif} condition, its text made only when a site needs it. */
    private record Condition(Statement header, boolean negated) {
        String text() {
            String c = condition(header);
            return negated ? "not (" + c + ")" : c;
        }
    }

    /** An open block: a function or class (a scope), or a branch. */
    private static final class Block {
        final int indent;
        final String type;
        final String name;
        final int line;
        final Set<String> parameters;
        final List<Condition> conditions;
        final Map<String, Binding> bindings = new HashMap<>();
        final int bodyStatements;

        Block(int indent, String type, String name, int line, Set<String> parameters, List<Condition> conditions, int bodyStatements) {
            this.indent = indent;
            this.type = type;
            this.name = name;
            this.line = line;
            this.parameters = parameters;
            this.conditions = conditions;
            this.bodyStatements = bodyStatements;
        }

        boolean isScope() {
            return type.equals("def") || type.equals("class");
        }
    }

    private final String path;
    private final String module;
    private final Project project;
    private final int maxDepth;
    private final Set<String> testFrameworks;
    private final Map<String, Binding> moduleBindings = new HashMap<>();
    private final Map<String, Map<String, Target>> selfAttributes = new HashMap<>(); // by class, by attribute
    private final Deque<Block> open = new ArrayDeque<>();
    private final Map<Integer, List<Statement>> ifChains = new HashMap<>();
    private final List<Site> sites = new ArrayList<>();
    private final List<NewWrapper> wrappers = new ArrayList<>();
    private final Map<String, Integer> wrapped = new HashMap<>(); // function name to its index in wrappers
    private boolean importsTestFramework;
    private List<Statement> statements = List.of();
    private int current; // the index of the statement being read

    private ReferenceScanner(String path, String module, Project project, int maxDepth, Set<String> testFrameworks) {
        this.path = path;
        this.module = module;
        this.project = project;
        this.maxDepth = maxDepth;
        this.testFrameworks = testFrameworks;
    }

    /**
     * @param module the file's dotted module name
     * @param ownWrappers the wrappers, accessors and module-level eventlet objects this file defines, by name: their
     *     uses in the file itself are indirect too
     */
    static Result scan(String path, String module, List<Statement> statements, Map<String, Target> ownWrappers, Project project,
            int maxDepth, Set<String> testFrameworks) {
        ReferenceScanner s = new ReferenceScanner(path, module, project, maxDepth, testFrameworks);
        s.seed(ownWrappers, Map.of());
        int given = s.selfAttributeCount();
        s.run(statements);
        if (s.selfAttributeCount() > given) {
            // a method may use self.pool above the method that sets it: read again knowing every such attribute
            Map<String, Map<String, Target>> found = s.selfAttributes;
            s = new ReferenceScanner(path, module, project, maxDepth, testFrameworks);
            s.seed(ownWrappers, found);
            s.run(statements);
        }
        return new Result(List.copyOf(s.sites), List.copyOf(s.wrappers), s.importsTestFramework);
    }

    private void seed(Map<String, Target> own, Map<String, Map<String, Target>> attributes) {
        attributes.forEach((k, v) -> selfAttributes.put(k, new HashMap<>(v)));
        own.forEach((name, t) -> {
            int dot = name.indexOf('.');
            if (dot < 0) {
                moduleBindings.put(name, new Bound(t));
            } else {
                selfAttributes.computeIfAbsent(name.substring(0, dot), k -> new HashMap<>()).putIfAbsent(name.substring(dot + 1), t);
            }
        });
    }

    private int selfAttributeCount() {
        return selfAttributes.values().stream().mapToInt(Map::size).sum();
    }

    private void run(List<Statement> statements) {
        this.statements = statements;
        for (int i = 0; i < statements.size(); i++) {
            Statement st = statements.get(i);
            current = i;
            while (!open.isEmpty() && open.peek().indent >= st.indent()) {
                open.pop();
            }
            String first = st.first().text();
            if (first.equals("async") && st.tokens().size() > 1) {
                first = st.tokens().get(1).text();
            }
            List<Condition> conditions = branchConditions(st, first);
            switch (first) {
                case "def" -> function(st, statements, i);
                case "class" -> klass(st, statements, i);
                case "import", "from" -> imports(st, first);
                default -> {
                    if (GUARDS.contains(first) || first.equals("with") || first.equals("for") || first.equals("while")) {
                        references(st, 1);
                        open.push(new Block(st.indent(), first, "", st.first().line(),
                                Set.of(), conditions, 0));
                    } else {
                        assignment(st);
                        references(st, 0);
                    }
                }
            }
        }
    }

    /** An if/elif/else chain's conditions for this branch, and the chain remembered for the next branch. */
    private List<Condition> branchConditions(Statement st, String first) {
        int indent = st.indent();
        switch (first) {
            case "if" -> {
                ifChains.put(indent, new ArrayList<>(List.of(st)));
                return List.of(new Condition(st, false));
            }
            case "elif", "else" -> {
                List<Statement> chain = ifChains.get(indent);
                if (chain == null) {
                    return List.of(); // the else of a for, while or try
                }
                List<Condition> out = new ArrayList<>();
                chain.forEach(c -> out.add(new Condition(c, true)));
                if (first.equals("elif")) {
                    out.add(new Condition(st, false));
                    chain.add(st);
                } else {
                    ifChains.remove(indent);
                }
                return out;
            }
            default -> {
                if (!ifChains.isEmpty()) {
                    ifChains.remove(indent);
                }
                return List.of();
            }
        }
    }

    private static String condition(Statement st) {
        List<Token> t = st.tokens();
        int end = t.size();
        if (end > 1 && t.get(end - 1).is(":")) {
            end--;
        }
        return new Statement(st.indent(), t.subList(1, Math.max(1, end))).text();
    }

    private void function(Statement st, List<Statement> statements, int index) {
        List<Token> t = st.tokens();
        int at = t.getFirst().is("async") ? 1 : 0;
        if (t.size() < at + 2) {
            return;
        }
        String name = t.get(at + 1).text();
        List<Integer> names = parameterTokens(t, at + 2);
        references(st, at + 2, Set.copyOf(names)); // defaults and annotations, read where the def runs
        boolean moduleLevel = open.stream().noneMatch(Block::isScope);
        if (!(moduleLevel && moduleBindings.get(name) instanceof Bound)) {
            bind(name, Hidden.HIDDEN);
        }
        Set<String> parameters = new HashSet<>();
        names.forEach(i -> parameters.add(t.get(i).text()));
        parameters.remove("self");
        parameters.remove("cls");
        Block def = new Block(st.indent(), "def", name, t.get(at).line(), parameters, List.of(), bodyStatements(statements, index));
        parameters.forEach(p -> def.bindings.put(p, Hidden.HIDDEN));
        Block owner = open.peek();
        if (owner != null && owner.type.equals("class") && open.stream().filter(Block::isScope).count() == 1 && !names.isEmpty()
                && t.get(names.getFirst()).is("self")) {
            def.bindings.put("self", new SelfOf(owner.name));
        }
        open.push(def);
    }

    private void klass(Statement st, List<Statement> statements, int index) {
        List<Token> t = st.tokens();
        if (t.size() < 2) {
            return;
        }
        bind(t.get(1).text(), Hidden.HIDDEN);
        references(st, 2);
        open.push(new Block(st.indent(), "class", t.get(1).text(), t.getFirst().line(), Set.of(), List.of(), 0));
    }

    /** The statements directly in a block's body, a docstring aside. */
    private static int bodyStatements(List<Statement> statements, int header) {
        int indent = statements.get(header).indent();
        int body = -1;
        int count = 0;
        for (int j = header + 1; j < statements.size(); j++) {
            Statement s = statements.get(j);
            if (s.indent() <= indent) {
                break;
            }
            if (body < 0) {
                body = s.indent();
                if (s.tokens().size() == 1 && s.first().kind() == LogicalTokens.Kind.STRING) {
                    continue; // the docstring
                }
            }
            if (s.indent() == body) {
                count++;
            }
        }
        return count;
    }

    /** The indexes of the parameter names between the parentheses after {@code def name}. */
    private static List<Integer> parameterTokens(List<Token> t, int from) {
        List<Integer> out = new ArrayList<>();
        int depth = 0;
        boolean expectName = true;
        for (int j = from; j < t.size(); j++) {
            Token k = t.get(j);
            if (k.is("(") || k.is("[") || k.is("{")) {
                depth++;
                if (depth == 1) {
                    expectName = true;
                }
                continue;
            }
            if (k.is(")") || k.is("]") || k.is("}")) {
                if (--depth == 0) {
                    break;
                }
                continue;
            }
            if (depth == 1 && k.is(",")) {
                expectName = true;
            } else if (depth == 1 && expectName && k.kind() == LogicalTokens.Kind.NAME) {
                out.add(j);
                expectName = false;
            } else if (depth == 1 && !(k.is("*") || k.is("**") || k.is("/"))) {
                expectName = false;
            }
        }
        return out;
    }

    private void imports(Statement st, String first) {
        List<Token> t = st.tokens();
        if (first.equals("import")) {
            int j = 1;
            while (j < t.size()) {
                StringBuilder dotted = new StringBuilder();
                j = dotted(t, j, dotted);
                String alias = null;
                if (j + 1 < t.size() && t.get(j).is("as")) {
                    alias = t.get(j + 1).text();
                    j += 2;
                }
                String name = dotted.toString();
                if (!name.isEmpty()) {
                    bindImport(alias != null ? alias : name.split("\\.")[0], new ModuleRef(alias != null ? name : name.split("\\.")[0]));
                }
                importsTestFramework |= testFrameworks.contains(name.split("\\.")[0]);
                j = skipTo(t, j, ",") + 1;
            }
            return;
        }
        int j = 1;
        int level = 0;
        while (j < t.size() && (t.get(j).is(".") || t.get(j).is("..."))) {
            level += t.get(j).text().length();
            j++;
        }
        StringBuilder from = new StringBuilder();
        j = dotted(t, j, from);
        if (j >= t.size() || !t.get(j).is("import")) {
            return;
        }
        importsTestFramework |= level == 0 && testFrameworks.contains(from.toString().split("\\.")[0]);
        String base = absolute(level, from.toString());
        if (base == null) {
            return;
        }
        for (j = j + 1; j < t.size(); j++) {
            Token name = t.get(j);
            if (name.is("*")) {
                project.targets(base).forEach((n, target) -> {
                    if (!n.startsWith("_")) {
                        bindImport(n, new Bound(target));
                    }
                });
                continue;
            }
            if (name.kind() != LogicalTokens.Kind.NAME) {
                continue;
            }
            Token end = name;
            String alias = name.text();
            if (j + 2 < t.size() && t.get(j + 1).is("as")) {
                end = t.get(j + 2);
                alias = end.text();
                j += 2;
            }
            Target target = project.targets(base).get(name.text());
            String full = PythonModules.join(base, name.text());
            if (target != null) {
                bindImport(alias, new Bound(target));
                if (!target.isWrapper() && !target.held()) {
                    site(target, List.of(), "import", name, end, null);
                }
            } else if (project.isModule(full)) {
                bindImport(alias, new ModuleRef(full));
            } else {
                bindImport(alias, Hidden.HIDDEN);
            }
        }
    }

    private String absolute(int level, String from) {
        return PythonModules.resolve(path, module, level, from);
    }

    private static int dotted(List<Token> t, int j, StringBuilder out) {
        while (j < t.size() && t.get(j).kind() == LogicalTokens.Kind.NAME && !t.get(j).is("import") && !t.get(j).is("as")) {
            out.append(t.get(j).text());
            if (j + 1 < t.size() && t.get(j + 1).is(".")) {
                out.append('.');
                j += 2;
            } else {
                return j + 1;
            }
        }
        return j;
    }

    private static int skipTo(List<Token> t, int j, String op) {
        while (j < t.size() && !t.get(j).is(op)) {
            j++;
        }
        return j;
    }

    /** {@code name = chain}: an alias when the chain is a project interface, else the name is hidden. */
    private void assignment(Statement st) {
        List<Token> t = st.tokens();
        if (t.size() >= 6 && t.get(0).is("self") && t.get(1).is(".") && t.get(2).kind() == LogicalTokens.Kind.NAME && t.get(3).is("=")) {
            selfAssignment(st);
            return;
        }
        if (t.size() >= 3 && t.get(0).kind() == LogicalTokens.Kind.NAME && t.get(1).is("=") && !KEYWORDS.contains(t.get(0).text())) {
            int end = chainEnd(t, 2);
            Resolved r = end == t.size() - 1 || t.get(end + 1).is("(") ? resolve(t, 2, end) : null;
            Binding b = Hidden.HIDDEN;
            if (r != null && end == t.size() - 1) {
                b = new Bound(r.suffix.isEmpty() ? r.target : attribute(r));
            } else if (r != null && r.suffix.isEmpty() && r.target.yields() && closing(t, end + 1) == t.size() - 1) {
                b = new Bound(r.target.result()); // ev = utils.get_eventlet(), pool = make_pool()
            }
            boolean defining = moduleBindings.get(t.get(0).text()) instanceof Bound own && own.target().held()
                    && own.target().first().line() == t.get(0).line() && innermostScope() == null;
            if (!defining) {
                bind(t.get(0).text(), b);
            }
        }
    }

    /**
     * {@code self.pool = concurrency.GreenPool(size)} in a method: the class's methods use that object through
     * {@code self.pool}, wherever they stand in the class (see {@link #scan}).
     */
    private void selfAssignment(Statement st) {
        List<Token> t = st.tokens();
        if (!(lookup("self") instanceof SelfOf self)) {
            return;
        }
        Map<String, Target> attributes = selfAttributes.computeIfAbsent(self.className(), k -> new HashMap<>());
        String attribute = t.get(2).text();
        int end = chainEnd(t, 4);
        Resolved r = t.get(end + 1 < t.size() ? end + 1 : end).is("(") && closing(t, end + 1) == t.size() - 1 ? resolve(t, 4, end) : null;
        Target made = null;
        if (r != null && r.suffix.isEmpty() && r.target.yields()) {
            made = r.target.result();
        } else if (r != null && !r.target.isWrapper() && !r.target.held()) {
            Target called = r.suffix.isEmpty() ? r.target : attribute(r);
            made = ModuleInterface.isClass(called.symbol()) ? called.result() : null;
        }
        if (made != null && !attributes.containsKey(attribute)) {
            String name = (module.isEmpty() ? "" : module + ".") + self.className() + "." + attribute;
            attributes.put(attribute, made.behind(new Hop(name, Hop.FACADE, path, t.getFirst().line())));
        }
    }

    /** What an attribute of a facade name or of a held object stands for: {@code nap = concurrency.eventlet.sleep}. */
    private Target attribute(Resolved r) {
        if (r.target.isWrapper()) {
            return r.target;
        }
        String symbol = project.canonical(r.target.symbol() + "." + String.join(".", r.suffix));
        return new Target(symbol, r.target.via(), r.target.wrapperDepth(), null, null, false, false);
    }

    /** The index of the bracket that closes the one at {@code open}; -1 when there is none. */
    private static int closing(List<Token> t, int open) {
        if (open >= t.size() || !t.get(open).is("(")) {
            return -1;
        }
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            if (t.get(j).is("(") || t.get(j).is("[") || t.get(j).is("{")) {
                depth++;
            } else if ((t.get(j).is(")") || t.get(j).is("]") || t.get(j).is("}")) && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private void bind(String name, Binding binding) {
        Block scope = innermostScope();
        (scope == null ? moduleBindings : scope.bindings).put(name, binding);
    }

    private void bindImport(String name, Binding binding) {
        bind(name, binding);
    }

    private Block innermostScope() {
        for (Block b : open) {
            if (b.isScope()) {
                return b;
            }
        }
        return null;
    }

    private int chainEnd(List<Token> t, int j) {
        int end = j;
        while (end + 2 < t.size() && t.get(end + 1).is(".") && t.get(end + 2).kind() == LogicalTokens.Kind.NAME) {
            end += 2;
        }
        return end;
    }

    private record Resolved(Target target, List<String> suffix) {}

    /** The interface a dotted chain (tokens {@code from..to}) names here, or null. */
    private Resolved resolve(List<Token> t, int from, int to) {
        Binding b = lookup(t.get(from).text());
        if (b == null || b == Hidden.HIDDEN) {
            return null;
        }
        int j = from;
        if (b instanceof SelfOf self) {
            Target attribute = j + 2 <= to ? selfAttributes.getOrDefault(self.className(), Map.of()).get(t.get(j + 2).text()) : null;
            if (attribute == null) {
                return null;
            }
            b = new Bound(attribute);
            j += 2;
        }
        while (b instanceof ModuleRef ref) {
            if (j + 2 > to) {
                return null;
            }
            String name = t.get(j + 2).text();
            Target target = project.targets(ref.module()).get(name);
            j += 2;
            if (target != null) {
                b = new Bound(target);
            } else if (project.isModule(ref.module() + "." + name)) {
                b = new ModuleRef(ref.module() + "." + name);
            } else {
                return null;
            }
        }
        List<String> suffix = new ArrayList<>();
        for (int k = j + 2; k <= to; k += 2) {
            suffix.add(t.get(k).text());
        }
        return new Resolved(((Bound) b).target(), suffix);
    }

    private Binding lookup(String name) {
        boolean innermost = true;
        for (Block b : open) {
            if (!b.isScope()) {
                continue;
            }
            if (b.type.equals("class") && !innermost) {
                continue;
            }
            innermost = false;
            Binding found = b.bindings.get(name);
            if (found != null) {
                return found;
            }
        }
        return moduleBindings.get(name);
    }

    /** Every chain of names in the statement from token {@code from} that names a project interface. */
    private void references(Statement st, int from) {
        references(st, from, Set.of());
    }

    /** @param skip the indexes of tokens that are no references (a def's parameter names) */
    private void references(Statement st, int from, Set<Integer> skip) {
        List<Token> t = st.tokens();
        int depth = 0;
        for (int j = 0; j < t.size(); j++) {
            Token k = t.get(j);
            if (k.is("(") || k.is("[") || k.is("{")) {
                depth++;
            } else if (k.is(")") || k.is("]") || k.is("}")) {
                depth--;
            }
            if (j >= from && k.kind() == LogicalTokens.Kind.STRING && t.size() > 1) {
                // a path held in a string (mocked = 'proj.run.wsgi.server'; mock.patch(mocked)) names the facade's
                // eventlet name as a patch target does, as the direct layer counts 'proj.run.eventlet.sleep' anywhere;
                // a string standing alone is a docstring
                MockTargets.Resolved m = MockTargets.resolve(k.text(), project, project::isTracked);
                if (m != null) {
                    site(m.target(), m.suffix(), MockTargets.isMockArgument(t, j) ? "mock" : "string", k, k, null);
                }
                continue;
            }
            if (j < from || k.kind() != LogicalTokens.Kind.NAME || KEYWORDS.contains(k.text()) || (j > 0 && t.get(j - 1).is("."))
                    || skip.contains(j)) {
                continue;
            }
            int end = chainEnd(t, j);
            Token after = end + 1 < t.size() ? t.get(end + 1) : null;
            boolean keywordName = after != null && after.is("=") && depth > 0;
            boolean boundHere = end == j && j == 0 && after != null && after.is("=");
            String patched = keywordName || boundHere ? null : MockTargets.patchObjectAttribute(t, j, end);
            if (patched != null) {
                patchedObject(t, j, end, patched);
                j = end;
                continue;
            }
            if (!keywordName && !boundHere) {
                Resolved r = resolve(t, j, end);
                if (r != null && r.suffix.isEmpty() && r.target.yields() && after != null && after.is("(")) {
                    end = resultAttributes(st, j, end, r.target, depth);
                    r = null;
                } else if (r != null) {
                    maybeAccessor(st, j, end, r);
                    if (r.target.held() && r.suffix.isEmpty() && !usage(st, j, after, depth).equals("with")
                            && !keptOnSelfRead(t, j, after)) {
                        r = null; // the object itself, passed around: its uses are its attributes and its with
                    }
                }
                if (r != null) {
                    String usage = usage(st, j, after, depth);
                    List<String> suffix = r.suffix;
                    if (r.target.isWrapper() && !r.suffix.isEmpty()) {
                        usage = "reference";
                    } else if (r.target.held() && !suffix.isEmpty() && stores(after)) {
                        // self.msg.fp = None reads the object to set an attribute of it: no use of eventlet's attribute
                        suffix = suffix.subList(0, suffix.size() - 1);
                        usage = "reference";
                    }
                    Site site = site(r.target, r.target.isWrapper() ? List.of() : suffix, usage, k, t.get(end),
                            usage.equals("call") ? t : null);
                    if (usage.equals("call") || usage.equals("with")) {
                        maybeWrapper(st, end + 1, site);
                    }
                }
            }
            j = end;
        }
    }

    /**
     * {@code eventlet.spawn(self._watch, self._kill_event)}, {@code getattr(self._rbd, attr)}: the class hands the
     * eventlet object it keeps on self to other code, which uses it there (the oracle's convention for a bare
     * {@code self.x}); setting or deleting the attribute is no use of the object.
     */
    private boolean keptOnSelfRead(List<Token> t, int j, Token after) {
        return t.get(j).is("self") && lookup("self") instanceof SelfOf && !stores(after) && !t.getFirst().is("del");
    }

    /** Whether the token after a chain makes it the target of an assignment ({@code =}, {@code +=}, ...). */
    private static boolean stores(Token after) {
        return after != null && after.kind() == LogicalTokens.Kind.OP && after.text().endsWith("=")
                && !COMPARISONS.contains(after.text());
    }

    /**
     * {@code get_eventlet().hubs.use_hub()}, {@code _pool().spawn(f)}: the attributes read from what a call of the
     * function at {@code j..end} returns are uses of that object. Without attributes, an accessor's call is no use
     * and a wrapper's call is the wrapper's use.
     *
     * @return the last token of the site, where the caller goes on
     */
    private int resultAttributes(Statement st, int j, int end, Target function, int depth) {
        List<Token> t = st.tokens();
        int close = closing(t, end + 1);
        int last = close < 0 ? end : chainEnd(t, close);
        if (last == close || close < 0) {
            if (!function.isAccessor()) {
                Site site = site(function, List.of(), usage(st, j, t.get(end + 1), depth), t.get(j), t.get(end), t);
                maybeWrapper(st, end + 1, site);
            }
            return end;
        }
        List<String> suffix = new ArrayList<>();
        for (int k = close + 2; k <= last; k += 2) {
            suffix.add(t.get(k).text());
        }
        Token after = last + 1 < t.size() ? t.get(last + 1) : null;
        String usage = usage(st, j, after, depth);
        Site site = site(function.result(), suffix, usage, t.get(j), t.get(last), usage.equals("call") ? t : null);
        if (usage.equals("call") || usage.equals("with")) {
            maybeWrapper(st, last + 1, site);
        }
        return last;
    }

    /** {@code return concurrency.eventlet}, {@code return _POOL}: a module-level function handing an eventlet object out. */
    private void maybeAccessor(Statement st, int j, int end, Resolved r) {
        Block def = innermostScope();
        if (j != 1 || end != st.tokens().size() - 1 || !st.startsWith("return") || r.target.isWrapper() || def == null
                || !def.type.equals("def") || open.stream().filter(Block::isScope).count() != 1 || wrapped.containsKey(def.name)
                || r.target.wrapperDepth() + 1 > maxDepth) {
            return;
        }
        String name = module.isEmpty() ? def.name : module + "." + def.name;
        Target value = r.suffix.isEmpty() ? r.target : attribute(r);
        wrapped.put(def.name, wrappers.size());
        wrappers.add(new NewWrapper(def.name, def.line, value.wrappedBy(new Hop(name, Hop.ACCESSOR, path, def.line), "accessor",
                value.symbol(), null)));
    }

    /**
     * {@code mock.patch.object(facade, 'sleep')}, {@code mock.patch.object(facade.eventlet, 'sleep')}: the mock
     * replaces the attribute, which is eventlet's when the object is a facade module or an eventlet object.
     */
    private void patchedObject(List<Token> t, int j, int end, String attribute) {
        List<Token> chain = new ArrayList<>(t.subList(j, end + 1));
        Token last = t.get(end);
        chain.add(new Token(LogicalTokens.Kind.OP, ".", last.endLine(), last.endColumn(), last.endLine(), last.endColumn()));
        chain.add(new Token(LogicalTokens.Kind.NAME, attribute, last.endLine(), last.endColumn(), last.endLine(), last.endColumn()));
        Resolved r = resolve(chain, 0, chain.size() - 1);
        if (r != null && !r.target.isWrapper() && !(r.target.held() && r.suffix.isEmpty())) {
            site(r.target, r.suffix, "mock", t.get(j), last, null);
        }
    }

    private static String usage(Statement st, int j, Token after, int depth) {
        List<Token> t = st.tokens();
        String first = t.getFirst().text();
        if (first.equals("@") && j == 1) {
            return "decorator";
        }
        boolean call = after != null && after.is("(");
        if (first.equals("with") || (first.equals("async") && t.size() > 1 && t.get(1).is("with"))) {
            Token before = t.get(j - 1);
            if (depth == 0 && (before.is("with") || before.is(","))) {
                return "with";
            }
        }
        if (call) {
            return "call";
        }
        if (first.equals("except")) {
            return "except";
        }
        if (first.equals("class") && depth > 0) {
            return "base-class";
        }
        return "reference";
    }

    /** @param callTokens for a call, the statement's tokens (its arguments follow {@code end}); else null */
    private Site site(Target target, List<String> suffix, String usage, Token start, Token end, List<Token> callTokens) {
        List<String> scope = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        boolean guarded = false;
        boolean inOwnScope = true;
        boolean main = false;
        for (Block b : open) { // innermost first
            boolean mainTest = b.type.equals("if") && b.conditions.size() == 1 && MAIN.matcher(b.conditions.getFirst().text()).find();
            main |= mainTest;
            if (b.isScope()) {
                scope.addFirst(b.name);
                inOwnScope = false;
            } else if (inOwnScope && GUARDS.contains(b.type) && !mainTest && (usage.equals("import") || !b.type.equals("try"))) {
                // A try body runs: only an import there is guarded (the optional-import idiom), as PythonDetector says.
                guarded = true;
                conditions.addAll(0, b.conditions.stream().map(Condition::text).toList());
            }
        }
        String symbol = suffix.isEmpty() ? target.symbol() : project.canonical(target.symbol() + "." + String.join(".", suffix));
        MonkeyPatchDetails patch = null;
        if (callTokens != null && symbol.equals(PythonDetector.MONKEY_PATCH)) {
            MonkeyPatchDetails what = target.patch() != null ? target.patch()
                    : MonkeyPatchArguments.analyse(callTokens, callTokens.indexOf(end) + 1);
            List<String> all = new ArrayList<>(conditions);
            all.addAll(what.conditions());
            patch = what.withConditions(all);
        }
        Site s = new Site(target, symbol, usage, start, end, String.join(".", scope), guarded, List.copyOf(conditions),
                scope.isEmpty(), main, patch);
        sites.add(s);
        return s;
    }

    /**
     * A call of an interface in a module-level function that returns it, forwards its parameters or is only that. A
     * helper whose monkey_patch calls sit in several branches patches under the conditions all of them share.
     */
    private void maybeWrapper(Statement st, int open, Site site) {
        Block def = innermostScope();
        if (def == null || !def.type.equals("def") || this.open.stream().filter(Block::isScope).count() != 1
                || site.target().wrapperDepth() + 1 > maxDepth) {
            return;
        }
        String name = module.isEmpty() ? def.name : module + "." + def.name;
        if (site.target().via().stream().anyMatch(h -> h.name().equals(name))) {
            return;
        }
        Integer known = wrapped.get(def.name);
        if (known != null) {
            NewWrapper w = wrappers.get(known);
            if (site.patch() != null && w.target().patch() != null) {
                wrappers.set(known, new NewWrapper(w.name(), w.line(), w.target().withPatch(w.target().patch()
                        .withConditions(commonPrefix(w.target().patch().conditions(), site.patch().conditions())))));
            }
            return;
        }
        boolean patches = site.patch() != null;
        boolean once = this.open.stream().takeWhile(b -> b != def).noneMatch(b -> b.type.equals("for") || b.type.equals("while"));
        String how = patches ? "patches" : once && returnsCall(st, site, open) ? "returns"
                : once && isWholeCall(st, 0, site, open) && isTail(def.indent) && forwards(st.tokens(), open, def.parameters) ? "forwards"
                : def.bodyStatements == 1 && this.open.peek() == def && !isBlockHeader(st) ? "only-statement" : null;
        if (how == null) {
            return;
        }
        wrapped.put(def.name, wrappers.size());
        Target t = site.target().wrappedBy(new Hop(name, Hop.WRAPPER, path, def.line), how, site.symbol(), site.patch());
        wrappers.add(new NewWrapper(def.name, def.line, t));
    }

    private static List<String> commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return List.copyOf(a.subList(0, n));
    }

    /**
     * Whether the statement being read is its function's last action: nothing follows it in the function but other
     * branches ({@code else}, {@code except}...) of the blocks it ends, as in the parsed files' wrappers.
     */
    private boolean isTail(int defIndent) {
        int level = statements.get(current).indent();
        for (int j = current + 1; j < statements.size(); j++) {
            Statement s = statements.get(j);
            if (s.indent() <= defIndent) {
                return true;
            }
            if (s.indent() > level) {
                continue; // the body of a branch that does not run after ours
            }
            if (!BRANCHES.contains(s.first().text())) {
                return false;
            }
            level = s.indent();
        }
        return true;
    }

    /** {@code return name(...)}: the call is the whole returned value. */
    private static boolean returnsCall(Statement st, Site site, int open) {
        return st.startsWith("return") && isWholeCall(st, 1, site, open);
    }

    /** The statement from token {@code start} on is exactly the site's call. */
    private static boolean isWholeCall(Statement st, int start, Site site, int open) {
        List<Token> t = st.tokens();
        if (start >= t.size() || t.get(start) != site.start() || open >= t.size() || !t.get(open).is("(")) {
            return false;
        }
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            if (t.get(j).is("(") || t.get(j).is("[") || t.get(j).is("{")) {
                depth++;
            } else if ((t.get(j).is(")") || t.get(j).is("]") || t.get(j).is("}")) && --depth == 0) {
                return j == t.size() - 1;
            }
        }
        return false;
    }

    private static boolean isBlockHeader(Statement st) {
        String first = st.first().text();
        return GUARDS.contains(first) || first.equals("with") || first.equals("for") || first.equals("while") || first.equals("async");
    }

    /** As the parsed files' wrappers: unpacks a parameter, or passes every named parameter as a whole argument. */
    private static boolean forwards(List<Token> t, int open, Set<String> parameters) {
        if (parameters.isEmpty()) {
            return false;
        }
        Set<String> passed = new HashSet<>();
        for (List<Token> a : CallTokens.arguments(t, open)) {
            Token last = a.getLast();
            if (last.kind() != LogicalTokens.Kind.NAME || !parameters.contains(last.text())) {
                continue;
            }
            boolean splat = a.size() == 2 && (a.getFirst().is("*") || a.getFirst().is("**"));
            if (splat) {
                return true;
            }
            if (a.size() == 1 || (a.size() == 3 && a.get(1).is("="))) {
                passed.add(last.text());
            }
        }
        return passed.containsAll(parameters);
    }
}
