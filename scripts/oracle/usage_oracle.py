#!/usr/bin/env python3
"""List the eventlet (and greenlet) usage sites of a tree of Python files.

An independent check for eventlet-scan, built on nothing but CPython's own
``ast`` module: one JSON object per usage site and line, sorted by (path,
line, col, symbol), e.g.
  {"col": 8, "kind": "call", "line": 12, "path": "nova/utils.py", "symbol": "eventlet.greenthread.spawn"}
line is 1-based, col 1-based in code points. README.md says what counts.

With the indirect layer (the default), each record also says its "layer",
"direct" or "indirect", and an indirect one its "construct"; --direct-only
gives the direct records alone, without the field.

Usage: usage_oracle.py ROOT [--out FILE] [--jobs N] [--direct-only] [--wrapper-depth N]
"""
import argparse
import ast
import io
import json
import os
import re
import sys
import tokenize
import warnings

TRACKED = ("eventlet", "greenlet")
SKIP_DIRS = {".git", ".tox", "__pycache__", "build", "dist", "venv", ".venv"}

# Re-exports, restated from eventlet 0.33.1's source (Debian's python3-eventlet):
# every spelling of one API maps to where it is defined. canonical() follows
# them repeatedly, so an entry may point at another entry.
REEXPORTS = {
    # eventlet/__init__.py
    "eventlet.connect": "eventlet.convenience.connect",
    "eventlet.listen": "eventlet.convenience.listen",
    "eventlet.serve": "eventlet.convenience.serve",
    "eventlet.StopServe": "eventlet.convenience.StopServe",
    "eventlet.wrap_ssl": "eventlet.convenience.wrap_ssl",
    "eventlet.Event": "eventlet.event.Event",
    "eventlet.GreenPool": "eventlet.greenpool.GreenPool",
    "eventlet.GreenPile": "eventlet.greenpool.GreenPile",
    "eventlet.sleep": "eventlet.greenthread.sleep",
    "eventlet.spawn": "eventlet.greenthread.spawn",
    "eventlet.spawn_n": "eventlet.greenthread.spawn_n",
    "eventlet.spawn_after": "eventlet.greenthread.spawn_after",
    "eventlet.kill": "eventlet.greenthread.kill",
    "eventlet.import_patched": "eventlet.patcher.import_patched",
    "eventlet.monkey_patch": "eventlet.patcher.monkey_patch",
    "eventlet.Queue": "eventlet.queue.Queue",
    "eventlet.Semaphore": "eventlet.semaphore.Semaphore",
    "eventlet.CappedSemaphore": "eventlet.semaphore.CappedSemaphore",
    "eventlet.BoundedSemaphore": "eventlet.semaphore.BoundedSemaphore",
    "eventlet.Timeout": "eventlet.timeout.Timeout",
    "eventlet.with_timeout": "eventlet.timeout.with_timeout",
    "eventlet.wrap_is_timeout": "eventlet.timeout.wrap_is_timeout",
    "eventlet.is_timeout": "eventlet.timeout.is_timeout",
    "eventlet.getcurrent": "greenlet.greenlet.getcurrent",
    "eventlet.TimeoutError": "eventlet.timeout.Timeout",  # deprecated wrappers
    "eventlet.exc_after": "eventlet.greenthread.exc_after",
    "eventlet.call_after_global": "eventlet.greenthread.call_after_global",
    "eventlet.greenlet": "greenlet",  # `import greenlet`
    # eventlet/greenio/__init__.py: `from eventlet.greenio.base import *` and `...py3 import *` (their __all__)
    "eventlet.greenio.GreenSocket": "eventlet.greenio.base.GreenSocket",
    "eventlet.greenio._GLOBAL_DEFAULT_TIMEOUT": "eventlet.greenio.base._GLOBAL_DEFAULT_TIMEOUT",
    "eventlet.greenio.set_nonblocking": "eventlet.greenio.base.set_nonblocking",
    "eventlet.greenio.SOCKET_BLOCKING": "eventlet.greenio.base.SOCKET_BLOCKING",
    "eventlet.greenio.SOCKET_CLOSED": "eventlet.greenio.base.SOCKET_CLOSED",
    "eventlet.greenio.CONNECT_ERR": "eventlet.greenio.base.CONNECT_ERR",
    "eventlet.greenio.CONNECT_SUCCESS": "eventlet.greenio.base.CONNECT_SUCCESS",
    "eventlet.greenio.shutdown_safe": "eventlet.greenio.base.shutdown_safe",
    "eventlet.greenio.SSL": "eventlet.greenio.base.SSL",
    "eventlet.greenio.socket_timeout": "eventlet.greenio.base.socket_timeout",
    "eventlet.greenio._fileobject": "eventlet.greenio.py3._fileobject",
    "eventlet.greenio.GreenPipe": "eventlet.greenio.py3.GreenPipe",
    # eventlet/greenthread.py, eventlet/db_pool.py: public module-level aliases
    "eventlet.greenthread.getcurrent": "eventlet.support.greenlets.getcurrent",
    "eventlet.greenthread.call_after": "eventlet.greenthread.call_after_local",
    "eventlet.db_pool.ConnectionPool": "eventlet.db_pool.TpooledConnectionPool",
    # eventlet/support/greenlets.py, a shim over greenlet
    "eventlet.support.greenlets.getcurrent": "greenlet.greenlet.getcurrent",
    "eventlet.support.greenlets.GreenletExit": "greenlet.greenlet.GreenletExit",
    "eventlet.support.greenlets.greenlet": "greenlet.greenlet",
    # greenlet itself: the class's static getcurrent and GreenletExit are the module's
    "greenlet.greenlet.getcurrent": "greenlet.getcurrent",
    "greenlet.greenlet.GreenletExit": "greenlet.GreenletExit",
}

STRING_PATH = re.compile(r"([A-Za-z_]\w*\.)*eventlet(\.[A-Za-z_]\w*)+")  # used with fullmatch
DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")
NEWLINE = re.compile(r"\r\n|\r|\n")  # what the tokenizer counts as a line break
MATCH_AS, MATCH_STAR, MATCH_MAPPING = (getattr(ast, n, None) for n in ("MatchAs", "MatchStar", "MatchMapping"))
STAR_MODULE = re.compile(r"from(?:[ \t\f]|\\\r?\n|\\\r)+")


def canonical(name):
    """Replace the longest dotted prefix found in REEXPORTS, repeatedly."""
    for _ in range(10):
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            target = REEXPORTS.get(".".join(parts[:end]))
            if target is not None:
                name = ".".join([target] + parts[end:])
                break
        else:
            return name
    return name


def is_tracked(dotted):
    return dotted.split(".", 1)[0] in TRACKED


def dotted_text(node):
    """'a.b.c' for a Name/Attribute chain, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def chain_root(node):
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


def patch_object_arguments(call):
    """(object, attribute name constant) of `<...>patch.object(X, 'attr')` or `MockPatchObject(X, 'attr')`, else None."""
    func = call.func
    patch_object = type(func) is ast.Attribute and func.attr == "object" and (
        (type(func.value) is ast.Name and func.value.id == "patch")
        or (type(func.value) is ast.Attribute and func.value.attr == "patch"))
    fixture = (type(func) is ast.Name and func.id == "MockPatchObject") or (
        type(func) is ast.Attribute and func.attr == "MockPatchObject")
    if not (patch_object or fixture) or len(call.args) < 2:
        return None
    first, second = call.args[0], call.args[1]
    if type(second) is not ast.Constant or type(second.value) is not str:
        return None
    return first, second


class Scope:
    __slots__ = ("kind", "parent", "tracked", "local", "bound", "globals", "nonlocals")

    def __init__(self, kind, parent):
        self.kind = kind  # module, function, class, comprehension
        self.parent = parent
        self.tracked = {}  # name -> dotted target (after resolution)
        self.local = set()  # names bound here in any other way
        self.bound = set()  # every name bound here, before global/nonlocal redirection
        self.globals = set()
        self.nonlocals = set()


class FileOracle:
    """The usage sites of one parsed file: records of (line, col, symbol, kind)."""

    def __init__(self, tree, text):
        self.tree = tree
        self.lines = NEWLINE.split(text)
        self.module = Scope("module", None)
        self.parent = {}
        self.loads = []  # (Name, scope)
        self.calls = []  # (Call, scope)
        self.strings = []  # Constant str nodes
        self.local_events = []  # (scope, name)
        self.tracked_events = []  # (scope, name, target or None, value expr or None), source order
        self.importlib_names = {"importlib"}  # modules providing import_module
        self.importutils_names = {"importutils"}  # oslo_utils.importutils
        self.import_functions = set()  # names bound to import_module / try_import
        self.records = []
        self.skip = set()  # Name nodes already reported by a mock record
        self.import_strings = set()  # string literals already reported as dynamic imports

    def run(self):
        self.visit(self.tree, self.module)
        self.resolve_bindings()
        for call, scope in self.calls:
            self.call_site(call, scope)
        for name, scope in self.loads:
            if name not in self.skip:
                self.use_site(name, scope)
        for node in self.strings:
            self.string_site(node)
        return [(line, col, canonical(symbol), kind) for line, col, symbol, kind in self.records]

    # ---- positions and records
    def col(self, lineno, col_offset):
        line = self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""
        if line.isascii():
            return col_offset + 1
        return len(line.encode("utf-8")[:col_offset].decode("utf-8", "replace")) + 1

    def record(self, node, symbol, kind):
        self.records.append((node.lineno, self.col(node.lineno, node.col_offset), symbol, kind))

    def record_alias(self, statement, alias, symbol):
        if getattr(alias, "lineno", None) is not None:
            self.record(alias, symbol, "import")
        else:  # Python < 3.10: ast.alias has no position
            line, col = self.alias_positions(statement)[id(alias)]
            self.records.append((line, col, symbol, "import"))

    def alias_positions(self, statement):
        """{id(alias): (line, col)} found by tokenizing the statement (Python < 3.10)."""
        cached = getattr(statement, "_positions", None)
        if cached is not None:
            return cached
        start = self.col(statement.lineno, statement.col_offset) - 1
        text = "\n".join(self.lines[statement.lineno - 1:statement.end_lineno])[start:] + "\n"
        names = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.NAME]
        i = 0
        if type(statement) is ast.ImportFrom:
            while names[i].string != "import":
                i += 1
        positions = {}
        for a in statement.names:
            first = a.name.split(".")[0]
            while i < len(names) and names[i].string != first:
                i += 1
            (row, col), i = names[min(i, len(names) - 1)].start, i + 1
            positions[id(a)] = (statement.lineno + row - 1, (start if row == 1 else 0) + col + 1)
            if a.asname:  # skip past `as name`, which may repeat the module's name
                while i < len(names) and names[i].string != a.asname:
                    i += 1
                i += 1
        statement._positions = positions
        return positions

    def star_position(self, node):
        """(line, col) of the module name of `from M import *`."""
        col = self.col(node.lineno, node.col_offset) - 1
        text = "\n".join(self.lines[node.lineno - 1:node.end_lineno])[col:]
        m = STAR_MODULE.match(text)
        if not m:
            return node.lineno, col + 1
        before = text[:m.end()]
        newlines = len(NEWLINE.findall(before))
        if newlines == 0:
            return node.lineno, col + m.end() + 1
        return node.lineno + newlines, len(NEWLINE.split(before)[-1]) + 1

    # ---- pass 1: scopes, bindings, and what to look at later
    def bind(self, scope, name):
        scope.bound.add(name)
        self.local_events.append((scope, name))

    def bind_tracked(self, scope, name, target=None, value=None):
        scope.bound.add(name)
        self.tracked_events.append((scope, name, target, value))

    def visit(self, node, scope):
        for child in ast.iter_child_nodes(node):
            self.parent[child] = node
        t = type(node)
        if t is ast.Name:
            if type(node.ctx) is ast.Load:
                self.loads.append((node, scope))
            else:
                self.bind(scope, node.id)
            return
        if t is ast.Constant:
            if type(node.value) is str:
                self.strings.append(node)
            return
        if t is ast.FunctionDef or t is ast.AsyncFunctionDef or t is ast.Lambda:
            if t is not ast.Lambda:
                self.bind(scope, node.name)
                for d in node.decorator_list:
                    self.visit(d, scope)
                if node.returns is not None:
                    self.visit(node.returns, scope)
            inner = Scope("function", scope)
            self.arguments(node.args, scope, inner)
            for stmt in (node.body if t is not ast.Lambda else [node.body]):
                self.visit(stmt, inner)
            return
        if t is ast.ClassDef:
            self.bind(scope, node.name)
            for child in node.decorator_list + node.bases + node.keywords:
                self.visit(child, scope)
            inner = Scope("class", scope)
            for stmt in node.body:
                self.visit(stmt, inner)
            return
        if t in (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp):
            inner = Scope("comprehension", scope)
            for i, gen in enumerate(node.generators):
                for child in ast.iter_child_nodes(gen):
                    self.parent[child] = gen
                self.visit(gen.iter, scope if i == 0 else inner)
                self.visit(gen.target, inner)
                for cond in gen.ifs:
                    self.visit(cond, inner)
            for part in ((node.key, node.value) if t is ast.DictComp else (node.elt,)):
                self.visit(part, inner)
            return
        if t is ast.NamedExpr:
            target_scope = scope
            while target_scope.kind == "comprehension":
                target_scope = target_scope.parent
            self.bind(target_scope, node.target.id)
            self.visit(node.value, scope)
            return
        if t is ast.Global:
            scope.globals.update(node.names)
        elif t is ast.Nonlocal:
            scope.nonlocals.update(node.names)
        elif t is ast.Import:
            self.import_(node, scope)
            return
        elif t is ast.ImportFrom:
            self.import_from(node, scope)
            return
        elif t is ast.Assign:
            if len(node.targets) == 1 and type(node.targets[0]) is ast.Name:
                self.bind_tracked(scope, node.targets[0].id, value=node.value)
        elif t is ast.Call:
            self.calls.append((node, scope))
        elif t is ast.ExceptHandler:
            if node.name:
                self.bind(scope, node.name)
        elif t is MATCH_AS or t is MATCH_STAR:
            if node.name:
                self.bind(scope, node.name)
        elif t is MATCH_MAPPING:
            if node.rest:
                self.bind(scope, node.rest)
        for child in ast.iter_child_nodes(node):
            self.visit(child, scope)

    def arguments(self, args, outer, inner):
        """Defaults and annotations belong to the enclosing scope, parameters to the function."""
        for child in ast.iter_child_nodes(args):
            self.parent[child] = args
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d, outer)
        for a in args.posonlyargs + args.args + args.kwonlyargs + [x for x in (args.vararg, args.kwarg) if x]:
            self.bind(inner, a.arg)
            if a.annotation is not None:
                self.parent[a.annotation] = a
                self.visit(a.annotation, outer)

    def import_(self, node, scope):
        for a in node.names:
            local = a.asname or a.name.split(".")[0]
            if is_tracked(a.name):
                self.record_alias(node, a, a.name)
                self.bind_tracked(scope, local, target=a.name if a.asname else local)
            else:
                self.bind(scope, local)
                if a.name == "importlib" and a.asname:
                    self.importlib_names.add(a.asname)
                elif a.name == "oslo_utils.importutils" and a.asname:
                    self.importutils_names.add(a.asname)

    def import_from(self, node, scope):
        module = node.module or ""
        if node.level == 0 and is_tracked(module):
            for a in node.names:
                if a.name == "*":
                    line, col = self.star_position(node)
                    self.records.append((line, col, module, "import"))
                    continue
                full = module + "." + a.name
                self.record_alias(node, a, full)
                self.bind_tracked(scope, a.asname or a.name, target=full)
            return
        for a in node.names:
            if a.name == "*":
                continue
            local = a.asname or a.name
            self.bind(scope, local)
            if node.level == 0:
                if module == "importlib" and a.name == "import_module":
                    self.import_functions.add(local)
                elif module == "oslo_utils.importutils" and a.name in ("import_module", "try_import"):
                    self.import_functions.add(local)
                elif module == "oslo_utils" and a.name == "importutils":
                    self.importutils_names.add(local)

    # ---- binding resolution (flow-insensitive)
    def effective(self, scope, name):
        """The scope a binding of name in scope really binds, after global/nonlocal."""
        if name in scope.globals:
            return self.module
        if name in scope.nonlocals:
            s = scope.parent
            while s is not None and s.kind != "module":
                if s.kind != "class" and name in s.bound:
                    return self.effective(s, name)
                s = s.parent
        return scope

    def resolve_bindings(self):
        for scope, name in self.local_events:
            self.effective(scope, name).local.add(name)
        events = {}  # (scope, name) -> [(target, value, evaluation scope)] in source order
        for scope, name, target, value in self.tracked_events:
            events.setdefault((self.effective(scope, name), name), []).append((target, value, scope))
        # Aliases may depend on each other and on later bindings: iterate to a fixed point.
        for _ in range(10):
            changed = False
            for (scope, name), candidates in events.items():
                found = None
                for target, value, where in candidates:
                    found = target if target is not None else self.binding_value(value, where)
                    if found is not None:
                        break
                if scope.tracked.get(name) != found:
                    changed = True
                    if found is None:
                        del scope.tracked[name]
                    else:
                        scope.tracked[name] = found
            if not changed:
                break

    def binding_value(self, value, scope):
        """What `x = value` binds x to, if tracked: an alias or a literal dynamic import."""
        if type(value) is ast.Call:
            dyn = self.dynamic_import(value)
            if dyn is None:
                return None
            function, module = dyn
            return module.split(".")[0] if function == "__import__" else module
        return self.resolve(value, scope)

    def scopes_seen(self, name, scope):
        """The scopes a lookup of name in scope looks at, innermost first, after global and nonlocal."""
        s, innermost = scope, True
        while s is not None:
            if s.kind == "class" and not innermost:
                s = s.parent
                continue
            innermost = False
            if name in s.globals or name in s.nonlocals:
                s = self.effective(s, name)
            yield s
            s = s.parent

    def lookup(self, name, scope):
        for s in self.scopes_seen(name, scope):
            if name in s.tracked:
                return s.tracked[name]
            if name in s.local:
                return None
        return None

    def resolve(self, node, scope):
        if type(node) is ast.Name:
            return self.lookup(node.id, scope)
        if type(node) is ast.Attribute:
            base = self.resolve(node.value, scope)
            return base + "." + node.attr if base is not None else None
        return None

    # ---- pass 2: sites
    def dynamic_import(self, call):
        """(function, module) for a call importing a tracked module named by a literal, else None."""
        func = call.func
        if type(func) is ast.Name:
            if func.id == "__import__":
                function = "__import__"
            elif func.id in self.import_functions:
                function = func.id
            else:
                return None
        elif type(func) is ast.Attribute:
            base = dotted_text(func.value)
            if base is None:
                return None
            last = base.rsplit(".", 1)[-1]
            if func.attr == "import_module" and base in self.importlib_names:
                function = "import_module"
            elif func.attr in ("import_module", "try_import") and (
                    base in self.importutils_names or last == "importutils"):
                function = func.attr
            else:
                return None
        else:
            return None
        if not call.args:
            return None
        first = call.args[0]
        if type(first) is not ast.Constant or type(first.value) is not str:
            return None
        if not DOTTED.fullmatch(first.value) or not is_tracked(first.value):
            return None
        return function, first.value

    def call_site(self, call, scope):
        dyn = self.dynamic_import(call)
        if dyn is not None:
            self.record(call.args[0], dyn[1], "import")
            self.import_strings.add(call.args[0])
            return
        patched = patch_object_arguments(call)
        if patched is None:
            return
        first, second = patched
        target = self.resolve(first, scope)
        if target is None:
            return
        root = chain_root(first)
        self.skip.add(root)
        self.record(root, target + "." + second.value, "mock")

    def use_site(self, name, scope):
        target = self.lookup(name.id, scope)
        if target is None:
            return
        site, symbol, parent = name, target, self.parent.get(name)
        while type(parent) is ast.Attribute and parent.value is site:
            symbol += "." + parent.attr
            site, parent = parent, self.parent.get(parent)
        self.record(name, symbol, self.use_kind(site, parent))

    def use_kind(self, site, parent):
        called = type(parent) is ast.Call and parent.func is site
        node = parent if called else site
        holder = self.parent.get(node)
        if holder is not None:
            if any(d is node for d in getattr(holder, "decorator_list", ())):
                return "decorator"
            if type(holder) is ast.withitem and holder.context_expr is node:
                return "with"
            if type(holder) is ast.ClassDef and any(b is node for b in holder.bases):
                return "base-class"
        handler = self.parent.get(parent) if type(parent) is ast.Tuple else parent
        if type(handler) is ast.ExceptHandler and handler.type in (site, parent):
            return "except"
        return "call" if called else "reference"

    def string_site(self, node):
        if node in self.import_strings:
            return
        if type(self.parent.get(node)) in (ast.Expr, ast.JoinedStr):
            return  # docstrings and other bare string statements; f-string parts
        if not STRING_PATH.fullmatch(node.value):
            return
        parts = node.value.split(".")
        start = parts.index("eventlet")
        self.records.append((node.lineno, self.col(node.lineno, node.col_offset),
                             ".".join(parts[start:]), "string"))


def decode(raw):
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        return raw.decode(encoding, "replace")
    except (SyntaxError, LookupError):
        return raw.decode("utf-8", "replace")


def scan_source(source, filename="<string>"):
    """Records (line, col, symbol, kind) of one file's source (str or bytes).

    Raises SyntaxError or ValueError when the source does not parse."""
    text = decode(source) if isinstance(source, bytes) else source
    if "eventlet" not in text and "greenlet" not in text:
        ast.parse(source, filename=filename)  # only to report syntax errors
        return []
    tree = ast.parse(source, filename=filename)
    return FileOracle(tree, text).run()


def python_files(root):
    """(full path, path relative to root with '/') of every *.py file, sorted."""
    if os.path.isfile(root):
        yield root, os.path.basename(root)
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.endswith(".egg-info"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                full = os.path.join(dirpath, name)
                yield full, os.path.relpath(full, root).replace(os.sep, "/")


def scan_path(full):
    """(records, None) for one file, or (None, why it does not parse)."""
    try:
        with open(full, "rb") as f:
            return scan_source(f.read(), full), None
    except SyntaxError as e:
        return None, e.msg + (f" (line {e.lineno})" if e.lineno else "")
    except (ValueError, RecursionError, MemoryError) as e:
        return None, f"{type(e).__name__}: {e}"


def quiet():
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    warnings.simplefilter("ignore")  # SyntaxWarnings about the scanned code are not ours to print


def scan_tree(root, errors=sys.stderr, jobs=1):
    """(rows sorted by path, line, col, symbol; files; files with usages; syntax errors)."""
    paths = list(python_files(root))
    if jobs > 1 and len(paths) > 50:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(jobs, initializer=quiet) as pool:
            results = list(pool.map(scan_path, [full for full, _ in paths], chunksize=16))
    else:
        results = [scan_path(full) for full, _ in paths]
    rows, with_usage, failed = [], 0, 0
    for (_, rel), (records, why) in zip(paths, results):
        if why is not None:
            failed += 1
            print(f"oracle: {rel}: syntax error: {why}", file=errors)
            continue
        if records:
            with_usage += 1
        for line, col, symbol, kind in records:
            rows.append({"path": rel, "line": line, "col": col, "symbol": symbol, "kind": kind})
    rows.sort(key=lambda r: (r["path"], r["line"], r["col"], r["symbol"]))
    return rows, len(paths), with_usage, failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="a directory (or one .py file)")
    parser.add_argument("--out", help="write the JSON lines here instead of standard output")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 8),
                        help="worker processes (default: CPUs, at most 8); 1 scans in this process")
    parser.add_argument("--direct-only", action="store_true", help="the direct layer alone, as before the indirect one")
    parser.add_argument("--wrapper-depth", type=int, default=2,
                        help="wrappers followed this many levels deep (default 2, as eventlet-scan)")
    args = parser.parse_args(argv)
    quiet()
    if args.direct_only:
        rows, files, with_usage, failed = scan_tree(args.root, jobs=args.jobs)
    else:
        import indirect_layer
        rows, files, with_usage, failed = indirect_layer.scan_project(args.root, sys.stderr, args.jobs, args.wrapper_depth)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        for r in rows:
            out.write(json.dumps(r, sort_keys=True) + "\n")
    finally:
        if args.out:
            out.close()
    print(f"oracle: {files} files, {with_usage} with usages, {len(rows)} usage sites, {failed} syntax errors",
          file=sys.stderr)


if __name__ == "__main__":
    main()
