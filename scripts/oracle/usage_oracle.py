#!/usr/bin/env python3
"""An independent check of eventlet-scan's Python detection.

Lists every eventlet (and greenlet) usage site in a tree of Python files,
using only CPython's own ``ast`` module, so the Java scanner's tree-sitter
based name resolution can be compared with it site by site. One JSON object
per line: path, line, col (1-based, code points), symbol (canonical dotted
name) and kind. See README.md in this folder for what counts as a site.

Usage: usage_oracle.py ROOT [--out FILE]
"""
import argparse
import ast
import json
import os
import re
import sys

TRACKED = ("eventlet", "greenlet")
SKIP_DIRS = {".git", ".tox", ".nox", "__pycache__", "build", "dist", "venv", ".venv", "node_modules"}

# Re-exports, restated from eventlet 0.33's own source (eventlet/__init__.py,
# greenthread.py, greenio/__init__.py, support/greenlets.py, db_pool.py):
# every spelling of one API maps to where it is defined.
REEXPORTS = {
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
    "eventlet.TimeoutError": "eventlet.timeout.Timeout",
    "eventlet.exc_after": "eventlet.greenthread.exc_after",
    "eventlet.call_after_global": "eventlet.greenthread.call_after_global",
    "eventlet.getcurrent": "greenlet.getcurrent",
    "eventlet.greenlet": "greenlet",
    "eventlet.greenthread.getcurrent": "greenlet.getcurrent",
    "eventlet.greenthread.call_after": "eventlet.greenthread.call_after_local",
    "eventlet.support.greenlets.getcurrent": "greenlet.getcurrent",
    "eventlet.support.greenlets.greenlet": "greenlet.greenlet",
    "eventlet.support.greenlets.GreenletExit": "greenlet.GreenletExit",
    "greenlet.greenlet.getcurrent": "greenlet.getcurrent",
    "greenlet.greenlet.GreenletExit": "greenlet.GreenletExit",
    "eventlet.greenio.GreenSocket": "eventlet.greenio.base.GreenSocket",
    "eventlet.greenio.shutdown_safe": "eventlet.greenio.base.shutdown_safe",
    "eventlet.greenio.set_nonblocking": "eventlet.greenio.base.set_nonblocking",
    "eventlet.greenio.socket_timeout": "eventlet.greenio.base.socket_timeout",
    "eventlet.greenio.GreenPipe": "eventlet.greenio.py3.GreenPipe",
    "eventlet.db_pool.ConnectionPool": "eventlet.db_pool.TpooledConnectionPool",
}

STRING_PATH = re.compile(r"^([A-Za-z_]\w*\.)*eventlet(\.[A-Za-z_]\w*)+$", re.ASCII)
DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$", re.ASCII)


def canonical(name):
    for _ in range(8):
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            prefix = ".".join(parts[:end])
            if prefix in REEXPORTS:
                name = ".".join([REEXPORTS[prefix]] + parts[end:])
                break
        else:
            return name
    return name


def is_tracked(dotted):
    return dotted.split(".")[0] in TRACKED


class Scope:
    def __init__(self, node, parent, is_class):
        self.node, self.parent, self.is_class = node, parent, is_class
        self.tracked = {}  # name -> dotted target, first binding wins
        self.local = set()
        self.globals = set()
        self.nonlocals = set()


def dynamic_import(call):
    """(module, what an assignment from it binds) for a literal dynamic import, else None."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name not in ("__import__", "import_module", "try_import"):
        return None
    if name == "__import__" and not isinstance(func, ast.Name):
        return None
    if not call.args or isinstance(call.args[0], ast.Starred):
        return None
    first = call.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str) and DOTTED.match(first.value)):
        return None
    module = first.value
    return module, (module.split(".")[0] if name == "__import__" else module)


class FileOracle:
    def __init__(self, tree, lines):
        self.tree, self.lines = tree, lines
        self.parent = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node
        self.scope_of_node = {}
        self.module = Scope(tree, None, False)
        self.records = []
        self.aliases = []  # (scope, name, value expression)
        self.skip_names = set()  # Name nodes reported as part of a mock record
        self.import_strings = set()

    # ---- positions
    def col(self, node):
        line = self.lines[node.lineno - 1] if node.lineno - 1 < len(self.lines) else ""
        return len(line.encode("utf-8")[: node.col_offset].decode("utf-8", "replace")) + 1

    def record(self, node, symbol, kind):
        self.records.append((node.lineno, self.col(node), canonical(symbol), kind))

    # ---- pass 1: scopes and bindings
    def bind_scope(self, scope, name):
        if name in scope.globals:
            return self.module
        return scope

    def visit(self, node, scope):
        self.scope_of_node[node] = scope
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.bind_scope(scope, node.name).local.add(node.name)
            for d in node.decorator_list:
                self.visit(d, scope)
            if isinstance(node, ast.ClassDef):
                for b in node.bases + [k.value for k in node.keywords]:
                    self.visit(b, scope)
                inner = Scope(node, scope, True)
            else:
                self.visit_arguments_outer(node.args, scope)
                if node.returns is not None:
                    self.visit(node.returns, scope)
                inner = Scope(node, scope, False)
                self.bind_arguments(node.args, inner)
            for stmt in node.body:
                self.visit(stmt, inner)
            return
        if isinstance(node, ast.Lambda):
            self.visit_arguments_outer(node.args, scope)
            inner = Scope(node, scope, False)
            self.bind_arguments(node.args, inner)
            self.visit(node.body, inner)
            return
        if isinstance(node, ast.Global):
            scope.globals.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            scope.nonlocals.update(node.names)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if is_tracked(a.name):
                    self.record(a, a.name, "import")
                    local = a.asname or a.name.split(".")[0]
                    target = a.name if a.asname else a.name.split(".")[0]
                    self.bind_scope(scope, local).tracked.setdefault(local, target)
                else:
                    local = a.asname or a.name.split(".")[0]
                    self.bind_scope(scope, local).local.add(local)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and is_tracked(node.module):
                for a in node.names:
                    if a.name == "*":
                        self.record(node, node.module, "import")
                        continue
                    full = node.module + "." + a.name
                    self.record(a, full, "import")
                    local = a.asname or a.name
                    self.bind_scope(scope, local).tracked.setdefault(local, full)
            else:
                for a in node.names:
                    if a.name != "*":
                        local = a.asname or a.name
                        self.bind_scope(scope, local).local.add(local)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            self.aliases.append((scope, node.targets[0].id, node.value))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self.bind_scope(scope, node.name).local.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            self.bind_scope(scope, node.id).local.add(node.id)
        elif isinstance(node, ast.alias):
            return
        elif hasattr(ast, "MatchAs") and isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            self.bind_scope(scope, node.name).local.add(node.name)
        elif hasattr(ast, "MatchMapping") and isinstance(node, ast.MatchMapping) and node.rest:
            self.bind_scope(scope, node.rest).local.add(node.rest)
        if isinstance(node, ast.Call):
            dyn = dynamic_import(node)
            if dyn and is_tracked(dyn[0]):
                self.record(node.args[0], dyn[0], "import")
                self.import_strings.add(node.args[0])
        for child in ast.iter_child_nodes(node):
            self.visit(child, scope)

    def visit_arguments_outer(self, args, scope):
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d, scope)
        for a in args.posonlyargs + args.args + args.kwonlyargs + [x for x in (args.vararg, args.kwarg) if x]:
            if a.annotation is not None:
                self.visit(a.annotation, scope)

    def bind_arguments(self, args, inner):
        for a in args.posonlyargs + args.args + args.kwonlyargs + [x for x in (args.vararg, args.kwarg) if x]:
            inner.local.add(a.arg)

    def resolve_aliases(self):
        # Flow-insensitive: an alias may refer to a binding made later in the file.
        for _ in range(3):
            for scope, name, value in self.aliases:
                target_scope = self.bind_scope(scope, name)
                if name in target_scope.tracked:
                    continue
                dyn = dynamic_import(value) if isinstance(value, ast.Call) else None
                target = (dyn[1] if dyn and is_tracked(dyn[0]) else None) if dyn else self.resolve_expr(value, scope)
                if target:
                    target_scope.tracked[name] = target

    # ---- name resolution
    def lookup(self, name, scope):
        innermost = True
        s = scope
        while s is not None:
            if s.is_class and not innermost:
                s = s.parent
                continue
            innermost = False
            if name in s.globals and s is not self.module:
                s = self.module
            if name in s.tracked:
                return s.tracked[name]
            if name in s.local:
                return None
            s = s.parent
        return None

    def resolve_expr(self, node, scope):
        if isinstance(node, ast.Name):
            return self.lookup(node.id, scope)
        if isinstance(node, ast.Attribute):
            base = self.resolve_expr(node.value, scope)
            return base + "." + node.attr if base else None
        return None

    # ---- pass 2: uses, mocks, strings
    def uses(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                self.patch_object(node)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node not in self.skip_names:
                target = self.lookup(node.id, self.scope_of_node[node])
                if target is None:
                    continue
                site, symbol = node, target
                parent = self.parent.get(site)
                while isinstance(parent, ast.Attribute) and parent.value is site:
                    symbol += "." + parent.attr
                    site, parent = parent, self.parent.get(parent)
                self.record(node, symbol, "use")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                self.string(node)

    def patch_object(self, call):
        func = call.func
        is_patch_object = (isinstance(func, ast.Attribute) and func.attr == "object" and (
            (isinstance(func.value, ast.Name) and func.value.id == "patch")
            or (isinstance(func.value, ast.Attribute) and func.value.attr == "patch")))
        is_fixture = (isinstance(func, ast.Attribute) and func.attr == "MockPatchObject") or (
            isinstance(func, ast.Name) and func.id == "MockPatchObject")
        if not (is_patch_object or is_fixture) or len(call.args) < 2:
            return
        first, second = call.args[0], call.args[1]
        if not (isinstance(second, ast.Constant) and isinstance(second.value, str) and re.match(r"^[A-Za-z_]\w*$", second.value)):
            return
        if not isinstance(first, (ast.Name, ast.Attribute)):
            return
        target = self.resolve_expr(first, self.scope_of_node[first])
        if target is None:
            return
        root = first
        while isinstance(root, ast.Attribute):
            root = root.value
        self.skip_names.add(root)
        self.record(root, target + "." + second.value, "mock")

    def string(self, node):
        if node in self.import_strings:
            return
        parent = self.parent.get(node)
        if isinstance(parent, (ast.Expr, ast.JoinedStr)) or isinstance(parent, ast.FormattedValue):
            return
        if not STRING_PATH.match(node.value):
            return
        parts = node.value.split(".")
        for i, part in enumerate(parts[:-1]):
            if part in TRACKED:
                self.record(node, ".".join(parts[i:]), "string")
                return


def scan_file(path):
    with open(path, "rb") as f:
        raw = f.read()
    tree = ast.parse(raw, filename=path)
    text = raw.decode("utf-8", "replace")
    oracle = FileOracle(tree, text.splitlines())
    oracle.visit(tree, oracle.module)
    oracle.resolve_aliases()
    oracle.uses()
    return oracle.records


def python_files(root):
    if os.path.isfile(root):
        yield root, os.path.basename(root)
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.endswith(".egg-info"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                full = os.path.join(dirpath, name)
                yield full, os.path.relpath(full, root).replace(os.sep, "/")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--out", help="write JSON lines here instead of standard output")
    args = parser.parse_args()
    rows, files, with_usage, errors = [], 0, 0, 0
    for full, rel in python_files(args.root):
        files += 1
        try:
            records = scan_file(full)
        except (SyntaxError, ValueError) as e:
            errors += 1
            print(f"oracle: {rel}: syntax error: {e}", file=sys.stderr)
            continue
        if records:
            with_usage += 1
        for line, col, symbol, kind in records:
            rows.append({"path": rel, "line": line, "col": col, "symbol": symbol, "kind": kind})
    rows.sort(key=lambda r: (r["path"], r["line"], r["col"], r["symbol"]))
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for r in rows:
        out.write(json.dumps(r, sort_keys=True) + "\n")
    if args.out:
        out.close()
    print(f"oracle: {files} files, {with_usage} with usages, {len(rows)} usage sites, {errors} syntax errors",
          file=sys.stderr)


if __name__ == "__main__":
    main()
