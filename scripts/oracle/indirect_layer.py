"""The usage oracle's indirect layer: eventlet reached through the project's own code.

Pass one reads each file on its own (in worker processes): its direct sites,
what its module offers (module-level names as symbolic expressions, the
shape of its module-level functions, the attributes its classes set on
self) and the places that may turn out to be indirect sites. Pass two
resolves the symbols over the whole tree and keeps the sites whose value is
eventlet. README.md ("The indirect layer") is the specification.
"""
import ast
import collections
import configparser
import os
import re

from usage_oracle import DOTTED, STRING_PATH, FileOracle, canonical, chain_root, is_tracked, patch_object_arguments

OWN_BODY_STOP = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
MONKEY_PATCH = "eventlet.patcher.monkey_patch"
ENTRY = re.compile(r"\s*([\w.]+)\s*:\s*([\w.]+)")


def own_nodes(statements):
    """Every node of a function's own body: nested functions, lambdas and classes are theirs."""
    stack = list(reversed(statements))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, OWN_BODY_STOP):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def statements(body):
    """A body without its docstring."""
    first = body[0]
    docstring = type(first) is ast.Expr and type(first.value) is ast.Constant and type(first.value.value) is str
    return body[1:] if docstring else body


def root_kind(sym):
    while sym[0] in ("A", "C"):
        sym = sym[1]
    return sym[0]


def module_names(rels):
    """{relative path: (module name, is package)}: folders holding __init__.py are packages."""
    packages = {os.path.dirname(r) for r in rels if r.rsplit("/", 1)[-1] == "__init__.py"}
    names = {}
    for rel in rels:
        folder, base = os.path.split(rel)
        is_package = base == "__init__.py"
        parts = [] if is_package else [base[:-3]]
        while folder and folder in packages:
            folder, name = os.path.split(folder)
            parts.insert(0, name)
        names[rel] = (".".join(parts), is_package)
    return names


def console_functions(root):
    """'module.function' of each declared console or GUI script (egg-info entry_points.txt, setup.cfg)."""
    found = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in (".git", ".tox", "node_modules")]
        for name in filenames:
            full = os.path.join(dirpath, name)
            if name == "entry_points.txt" or name == "setup.cfg":
                parser = configparser.RawConfigParser(strict=False)
                try:
                    parser.read(full, encoding="utf-8")
                except (configparser.Error, UnicodeDecodeError):
                    continue
                for section, key in (("console_scripts", None), ("gui_scripts", None), ("entry_points", "console_scripts")):
                    if not parser.has_section(section):
                        continue
                    if key is None:
                        values = [v for _, v in parser.items(section)]
                    elif parser.has_option(section, key):
                        values = parser.get(section, key).splitlines()
                    else:
                        continue
                    for value in values:
                        m = ENTRY.match(value.split("=", 1)[-1])
                        if m:
                            found.add(m.group(1) + "." + m.group(2))
    return found


class ProjectFile(FileOracle):
    """One file read for both layers. Symbols are nested tuples, resolved over the tree by Project:
    ('E', path) eventlet itself; ('P', module) an imported project module; ('G', module, name) a module-level
    name; ('A', sym, attr); ('C', sym) a call's result; ('ANY', (sym, ...)) the first that resolves;
    ('SELF', class key) the self of a method; ('STAR', module, name) a name only a star import can bind."""

    def __init__(self, tree, text, module, is_package):
        super().__init__(tree, text)
        self.modname = module
        self.is_package = is_package
        self.project_events = []  # (scope, name, sym or None, value expr or None)
        self.functions = []  # (def node, scope of its body)
        self.class_keys = {}  # class Scope -> key
        self.methods = {}  # method Scope -> (class key, name of its first parameter)
        self.import_sites = []  # (line, col, sym)
        self.stars = []  # modules star-imported at module level
        self.candidates = {}  # (scope, name) -> syms, filled lazily
        self.resolving = set()
        self.binding_counts = None

    # ---- pass one additions
    def visit(self, node, scope):
        holder = self.parent.get(node)
        if type(holder) is ast.ClassDef and scope.kind == "class" and scope not in self.class_keys:
            self.class_keys[scope] = f"{self.modname}:{holder.lineno}:{holder.name}"
        if type(node) is ast.Assign and len(node.targets) == 1 and type(node.targets[0]) is ast.Name:
            self.project_events.append((scope, node.targets[0].id, None, node.value))
        super().visit(node, scope)

    def arguments(self, args, outer, inner):
        super().arguments(args, outer, inner)
        node = self.parent.get(args)
        if type(node) in (ast.FunctionDef, ast.AsyncFunctionDef):
            self.functions.append((node, inner))
            positional = args.posonlyargs + args.args
            if outer.kind == "class" and positional:
                self.methods[inner] = (outer, positional[0].arg)

    def import_(self, node, scope):
        super().import_(node, scope)
        for a in node.names:
            if not is_tracked(a.name):
                sym = ("P", a.name) if a.asname else ("P", a.name.split(".")[0])
                self.project_events.append((scope, a.asname or a.name.split(".")[0], sym, None))

    def import_from(self, node, scope):
        super().import_from(node, scope)
        base = self.absolute(node)
        if base is None or is_tracked(base):
            return
        for a in node.names:
            if a.name == "*":
                if scope is self.module:
                    self.stars.append(base)
                continue
            sym = ("A", ("P", base), a.name)
            self.project_events.append((scope, a.asname or a.name, sym, None))
            if getattr(a, "lineno", None) is not None:
                line, col = a.lineno, self.col(a.lineno, a.col_offset)
            else:
                line, col = self.alias_positions(node)[id(a)]
            self.import_sites.append((line, col, sym))

    def absolute(self, node):
        if node.level == 0:
            return node.module
        parts = self.modname.split(".") if self.modname else []
        if not self.is_package:
            parts = parts[:-1]
        drop = node.level - 1
        if drop > len(parts):
            return None
        parts = parts[:len(parts) - drop] + (node.module.split(".") if node.module else [])
        return ".".join(parts) or None

    # ---- symbols
    def sym_lookup(self, name, scope):
        for s in self.scopes_seen(name, scope):
            if name in s.tracked:
                return ("E", s.tracked[name])
            if s.kind == "module":
                return ("G", self.modname, name) if name in s.bound else (
                    ("STAR", self.modname, name) if self.stars else None)
            if name in s.bound or name in s.local:
                method = self.methods.get(s)
                if method is not None and method[1] == name:
                    return ("SELF", self.class_keys.get(method[0]))
                syms = self.local_candidates(s, name)
                return ("ANY", syms) if syms else None
        return None

    def local_candidates(self, scope, name):
        key = (id(scope), name)
        if key in self.candidates:
            return self.candidates[key]
        if key in self.resolving:
            return ()
        self.resolving.add(key)
        found = []
        for where, bound, sym, value in self.project_events:
            if bound != name or self.effective(where, bound) is not scope:
                continue
            if sym is None:
                sym = self.sym_expr(value, where)
                if sym is None:
                    continue
                found.append(("LOCAL", sym) if scope.kind in ("function", "comprehension") else sym)
            else:
                found.append(sym)
        self.resolving.discard(key)
        if scope.kind in ("function", "comprehension") and found and not self.one_binding(scope, name, found):
            found = []  # rebound to something else in the function: which one a use sees depends on the flow
        self.candidates[key] = tuple(found)
        return self.candidates[key]

    def one_binding(self, scope, name, found):
        """Every binding of name in the function is one of found, and they are all the same."""
        if self.binding_counts is None:
            self.binding_counts = collections.Counter(
                (id(self.effective(s, n)), n) for s, n in self.local_events)
        return len(set(found)) == 1 and self.binding_counts[(id(scope), name)] <= len(found)

    def sym_expr(self, node, scope):
        t = type(node)
        if t is ast.Name:
            return self.sym_lookup(node.id, self.load_scope.get(node, scope))
        if t is ast.Attribute:
            base = self.sym_expr(node.value, scope)
            return ("A", base, node.attr) if base is not None else None
        if t is ast.Call:
            base = self.sym_expr(node.func, scope)
            return ("C", base) if base is not None else None
        return None

    # ---- what pass two needs
    def interface(self, direct_records):
        self.load_scope = {name: scope for name, scope in self.loads}
        module = self.module
        table = {}
        for name in module.bound:
            if name in module.tracked:
                table[name] = ("E", module.tracked[name])
            else:
                syms = self.local_candidates(module, name)
                if syms:
                    table[name] = ("ANY", syms)
        defs, functions, classes = set(), {}, {}
        for node, inner in self.functions:
            if self.parent.get(node) is self.tree:
                defs.add(node.name)
                functions[node.name] = self.summary(node, inner)
            if inner in self.methods:
                self.self_attributes(node, inner, classes)
        for scope, key in self.class_keys.items():
            for name in scope.bound:
                syms = self.local_candidates(scope, name)
                if syms:
                    classes.setdefault(key, {}).setdefault(name, []).extend(syms)
        return {
            "module": self.modname, "table": table, "defs": defs, "functions": functions,
            "classes": {k: {a: tuple(v) for a, v in attrs.items()} for k, attrs in classes.items()},
            "stars": tuple(self.stars), "all": self.all_names(), "sites": self.chains(),
            "imports": self.import_sites, "mocks": self.mock_candidates(), "strings": self.string_candidates(),
            "direct": direct_records,
        }

    def summary(self, node, inner):
        returns, return_calls, calls = [], [], []
        for n in own_nodes(node.body):
            if type(n) is ast.Return and n.value is not None:
                # an unresolved return stays as None, so a function that may return something else is no value
                returns.append(self.sym_expr(n.value, inner))
                if type(n.value) is ast.Call:
                    return_calls.append(self.sym_expr(n.value.func, inner))
            elif type(n) is ast.Call:
                calls.append(self.sym_expr(n.func, inner))
        last, tail = node.body[-1], None
        if type(last) is ast.Expr and type(last.value) is ast.Call and (
                self.forwards(node.args, last.value) or len(statements(node.body)) == 1):
            tail = self.sym_expr(last.value.func, inner)
        keep = lambda syms: tuple(s for s in syms if s is not None)  # noqa: E731
        return {"returns": tuple(returns), "return_calls": keep(return_calls), "tail": tail, "calls": keep(calls),
                "line": node.lineno}

    @staticmethod
    def forwards(args, call):
        """The call passes the function's own arguments on: its *args or **kwargs, or every parameter."""
        passed = {a.value.id if type(a) is ast.Starred and type(a.value) is ast.Name else getattr(a, "id", None)
                  for a in call.args}
        passed |= {getattr(k.value, "id", None) for k in call.keywords}
        stars = [x.arg for x in (args.vararg, args.kwarg) if x]
        params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        return any(x in passed for x in stars) or bool(params) and all(p in passed for p in params)

    def self_attributes(self, node, inner, classes):
        key = self.class_keys.get(self.methods[inner][0])
        me = self.methods[inner][1]
        for n in own_nodes(node.body):
            if type(n) is ast.Assign:
                for target in n.targets:
                    if type(target) is ast.Attribute and type(target.value) is ast.Name and target.value.id == me:
                        sym = self.sym_expr(n.value, inner)
                        if sym is not None:
                            classes.setdefault(key, {}).setdefault(target.attr, []).append(sym)

    def all_names(self):
        for stmt in self.tree.body:
            if (type(stmt) is ast.Assign and any(type(t) is ast.Name and t.id == "__all__" for t in stmt.targets)
                    and type(stmt.value) in (ast.List, ast.Tuple)):
                return tuple(e.value for e in stmt.value.elts if type(e) is ast.Constant and type(e.value) is str)
        return None

    def chains(self):
        """(line, col, root sym, steps): each name with a project symbol and the attributes and calls above it."""
        out = []
        for name, scope in self.loads:
            if name in self.skip:
                continue
            root = self.sym_lookup(name.id, scope)
            if root is None or root[0] == "E":
                continue
            steps, site, parent = [], name, self.parent.get(name)
            kinds = [self.use_kind(site, parent)]
            while True:
                if type(parent) is ast.Attribute and parent.value is site:
                    steps.append(parent.attr)
                elif type(parent) is ast.Call and parent.func is site:
                    steps.append(None)
                else:
                    break
                site, parent = parent, self.parent.get(parent)
                stored = type(site) is ast.Attribute and type(site.ctx) is not ast.Load
                kinds.append("store" if stored else self.use_kind(site, parent))
            out.append((name.lineno, self.col(name.lineno, name.col_offset), root, tuple(steps), tuple(kinds)))
        return out

    def mock_candidates(self):
        out = []
        for call, scope in self.calls:
            patched = patch_object_arguments(call)
            if patched is None:
                continue
            first, second = patched
            sym = self.sym_expr(first, scope)
            if sym is None or root_kind(sym) == "E":
                continue
            root = chain_root(first)
            out.append((root.lineno, self.col(root.lineno, root.col_offset), sym, second.value))
        return out

    def string_candidates(self):
        out = []
        for node in self.strings:
            if node in self.import_strings or type(self.parent.get(node)) in (ast.Expr, ast.JoinedStr):
                continue
            value = node.value
            if len(value) < 300 and "." in value and DOTTED.fullmatch(value):
                out.append((node.lineno, self.col(node.lineno, node.col_offset), value,
                            bool(STRING_PATH.fullmatch(value))))
        return out


def analyse(source, module, is_package, text):
    """Pass one for one file: its direct records and its interface."""
    tree = ast.parse(source)
    f = ProjectFile(tree, text, module, is_package)
    direct = f.run()
    if "eventlet" not in text and "greenlet" not in text:
        direct = []  # what the direct layer alone reports: such a file is only parsed
    return f.interface(direct)


class Project:
    """Pass two: symbols resolved over every module of the tree."""

    def __init__(self, interfaces, consoles, max_depth):
        self.modules = {i["module"]: i for i in interfaces if i["module"] and not is_tracked(i["module"])}
        self.packages = set()
        for m in self.modules:
            parts = m.split(".")
            self.packages.update(".".join(parts[:k]) for k in range(1, len(parts)))
        self.consoles = consoles
        self.max_depth = max_depth
        self.memo, self.busy = {}, set()
        self.classes = {}
        for i in self.modules.values():
            self.classes.update(i["classes"])

    def is_module(self, m):
        return m in self.modules or m in self.packages

    def val(self, sym):
        if sym in self.memo:
            return self.memo[sym]
        if sym in self.busy:
            return None
        self.busy.add(sym)
        t = sym[0]
        if t == "E":
            v = sym
        elif t == "P":
            v = ("M", sym[1]) if self.is_module(sym[1]) else None
        elif t == "G":
            v = self.attr(("M", sym[1]), sym[2])
        elif t == "A":
            v = self.attr(self.val(sym[1]), sym[2])
        elif t == "C":
            v = self.call(self.val(sym[1]))
        elif t == "ANY":
            v = next((x for x in map(self.val, sym[1]) if x is not None), None)
        elif t == "LOCAL":
            # a function's own `pool = GreenPool()` is an object, followed no more than in the direct layer
            made = sym[1][0] == "C" and self.val(sym[1][1])
            v = None if made and made[0] == "E" else self.val(sym[1])
        elif t == "SELF":
            v = ("S", sym[1])
        elif t == "STAR":
            v = self.star(sym[1], sym[2])
        else:
            v = None
        self.busy.discard(sym)
        self.memo[sym] = v
        return v

    def attr(self, base, name):
        if base is None:
            return None
        kind = base[0]
        if kind in ("E", "I"):
            return ("E", base[1] + "." + name)
        if kind == "S":  # an eventlet object the class keeps, not any eventlet value it copies
            syms = self.classes.get(base[1], {}).get(name)
            v = self.val(("ANY", syms)) if syms else None
            return v if v is not None and v[0] == "I" else None
        if kind != "M":
            return None
        m = base[1]
        i = self.modules.get(m)
        if i is not None:
            if name in i["table"]:
                v = self.val(i["table"][name])
                if v is not None:
                    return v
            if name in i["defs"]:
                return ("F", m + "." + name)
        sub = m + "." + name
        if self.is_module(sub):
            return ("M", sub)
        return self.star(m, name) if i is not None else None

    def star(self, m, name):
        for other in self.modules.get(m, {}).get("stars", ()):
            i = self.modules.get(other)
            if i is None or name.startswith("_") and i["all"] is None:
                continue
            if i["all"] is not None and name not in i["all"]:
                continue
            v = self.attr(("M", other), name)
            if v is not None:
                return v
        return None

    def function(self, qualified):
        m, _, name = qualified.rpartition(".")
        return self.modules[m]["functions"].get(name) if m in self.modules else None

    def call(self, v):
        if v is None:
            return None
        if v[0] == "F":
            f = self.function(v[1])
            if f is None:
                return None
            values = {self.val(r) if r is not None else None for r in f["returns"]}
            value = values.pop() if len(values) == 1 else None
            return value if value is not None and value[0] in ("E", "I") else None
        if v[0] == "E":
            last = canonical(v[1]).rsplit(".", 1)[-1]
            return ("I", v[1]) if last[:1].isupper() else None
        return None

    def wraps(self, qualified):
        """(canonical symbol, depth) when the function is a wrapper, else None."""
        key = ("wraps", qualified)
        if key in self.memo:
            return self.memo[key]
        if key in self.busy:
            return None
        self.busy.add(key)
        found = None
        f = self.function(qualified)
        if f is not None and qualified not in self.consoles:
            forwarded = list(f["return_calls"]) + ([f["tail"]] if f["tail"] is not None else [])
            for callee in forwarded:
                found = self.callee(callee, lambda s: True)
                if found:
                    break
            if found is None:
                for callee in f["calls"]:
                    found = self.callee(callee, lambda s: s == MONKEY_PATCH)
                    if found:
                        break
        self.busy.discard(key)
        self.memo[key] = found
        return found

    def callee(self, sym, accept):
        v = self.val(sym)
        if v is None:
            return None
        if v[0] == "E" and accept(canonical(v[1])) and self.max_depth > 0:
            return canonical(v[1]), 1
        if v[0] == "F":
            inner = self.wraps(v[1])
            if inner and accept(inner[0]) and inner[1] < self.max_depth:
                return inner[0], inner[1] + 1
        return None

    # ---- sites
    def chain_site(self, root, steps, kinds):
        """(symbol, kind, construct) of the longest eventlet value along a chain, or None."""
        v, best, through_call = self.val(root), None, False
        first = v
        for i in range(len(steps) + 1):
            if i:
                step = steps[i - 1]
                if step is None:
                    through_call = through_call or (v is not None and v[0] == "F")
                    v = self.call(v)
                else:
                    base, v = v, self.attr(v, step)
                    if kinds[i] == "store":
                        # setting an attribute of an eventlet module or class, or replacing a module's eventlet
                        # name, uses it; setting one on an object (self.pool = ..., pool.size = 2) does not
                        if v is None or base[0] not in ("E", "M") or v[0] not in ("E", "I"):
                            break
                        best = (canonical(v[1]), "reference", "facade")
                        break
            if v is None:
                break
            if v[0] in ("E", "I"):
                construct = ("accessor" if v[0] == "E" else "value") if through_call else (
                    "self-attribute" if root[0] == "SELF" else "value" if first[0] == "I" else "facade")
                best = (canonical(v[1]), kinds[i], construct)
            elif v[0] == "F":
                w = self.wraps(v[1])
                if w:
                    best = (w[0], kinds[i], "wrapper")
        return best

    def sites(self, i):
        """(direct records kept, indirect records) of one module's file: (line, col, symbol, kind, construct)."""
        direct = list(i["direct"])
        out, taken = [], set()
        for line, col, sym, attr in i["mocks"]:
            v = self.val(sym)
            if v is None:
                continue
            if v[0] == "M":
                v = self.attr(v, attr)
                symbol = canonical(v[1]) if v is not None and v[0] in ("E", "I") else None
            else:
                symbol = canonical(v[1] + "." + attr) if v[0] in ("E", "I") else None
            if symbol:
                out.append((line, col, symbol, "mock", "facade"))
                taken.add((line, col))
        for line, col, root, steps, kinds in i["sites"]:
            if (line, col) in taken:
                continue
            found = self.chain_site(root, steps, kinds)
            if found:
                out.append((line, col) + found)
        for line, col, sym in i["imports"]:
            v = self.val(sym)
            if v is not None and v[0] in ("E", "I"):
                out.append((line, col, canonical(v[1]), "import", "facade"))
        for line, col, value, spelled in i["strings"]:
            parts = value.split(".")
            if spelled:
                first = parts.index("eventlet")
                if first and self.is_module(".".join(parts[:first + 1])):
                    # the project's own package named eventlet (neutron.cmd.eventlet): not eventlet
                    direct = [r for r in direct if (r[0], r[1], r[3]) != (line, col, "string")]
                continue
            symbol = self.string_site(parts)
            if symbol == "eventlet" and parts[-1] == "eventlet":
                # 'proj.run.eventlet' spells eventlet, as 'proj.run.eventlet.sleep' does: direct
                direct.append((line, col, symbol, "string"))
            elif symbol:
                out.append((line, col, symbol, "string", "facade-string"))
        return direct, out

    def string_site(self, parts):
        for end in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:end])
            if module in self.modules:
                v = ("M", module)
                for p in parts[end:]:
                    v = self.attr(v, p)
                    if v is None:
                        return None
                return canonical(v[1]) if v[0] in ("E", "I") else None
        return None


def analyse_path(job):
    """(interface, None) for one file, or (None, why it does not parse)."""
    full, module, is_package = job
    from usage_oracle import decode
    try:
        with open(full, "rb") as f:
            raw = f.read()
        return analyse(raw, module, is_package, decode(raw)), None
    except SyntaxError as e:
        return None, e.msg + (f" (line {e.lineno})" if e.lineno else "")
    except (ValueError, RecursionError, MemoryError) as e:
        return None, f"{type(e).__name__}: {e}"


def scan_project(root, errors, jobs=1, max_depth=2):
    """Both layers over a tree: (rows sorted by path, line, col, symbol; files; files with usages; syntax errors)."""
    from usage_oracle import python_files, quiet
    paths = list(python_files(root))
    names = module_names([rel for _, rel in paths])
    work = [(full,) + names[rel] for full, rel in paths]
    if jobs > 1 and len(paths) > 50:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(jobs, initializer=quiet) as pool:
            results = list(pool.map(analyse_path, work, chunksize=16))
    else:
        results = [analyse_path(w) for w in work]
    interfaces, failed = [], 0
    for (_, rel), (interface, why) in zip(paths, results):
        if why is not None:
            failed += 1
            print(f"oracle: {rel}: syntax error: {why}", file=errors)
            continue
        interface["path"] = rel
        interfaces.append(interface)
    project = Project(interfaces, console_functions(root) if os.path.isdir(root) else set(), max_depth)
    rows, with_usage = [], 0
    for i in interfaces:
        direct, indirect = project.sites(i)
        if direct or indirect:
            with_usage += 1
        for line, col, symbol, kind in direct:
            rows.append({"path": i["path"], "line": line, "col": col, "symbol": symbol, "kind": kind, "layer": "direct"})
        for line, col, symbol, kind, construct in sorted(set(indirect)):
            rows.append({"path": i["path"], "line": line, "col": col, "symbol": symbol, "kind": kind,
                         "layer": "indirect", "construct": construct})
    rows.sort(key=lambda r: (r["path"], r["line"], r["col"], r["symbol"], r["layer"]))
    return rows, len(paths), with_usage, failed
