"""The package's layers, as the folder tree shows them, and the imports between them: only
downward (or within a layer), and no cycle, counting the imports inside functions too (a cycle
hidden behind a function-level import is still a cycle)."""
from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"

# lowest first; a module may import from its own layer and the ones before it
LAYERS = (
    ("kg", "kg.model", "kg.refs", "kg.keys", "kg.formats", "kg.resources", "kg.data"),  # the dataclasses, keys, file formats and shipped files
    ("kg.io",),
    ("kg.extract",),
    ("kg.corpus",),
    ("kg.rdf",),
    ("kg.app",),  # with the library's build (kg.app.build; kg.build and kg.extract load lazily)
)


def module_name(path: Path, root: Path = KG) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    best, rank = -1, -1
    for i, names in enumerate(LAYERS):
        for n in names:
            if (module == n or module.startswith(n + ".")) and len(n) > best:
                best, rank = len(n), i
    assert rank >= 0, f"{module} is in no layer: add its package to LAYERS"
    return rank


def imports(path: Path, root: Path = KG) -> set[str]:
    """Every kg module this file imports, anywhere in it (relative imports resolved)."""
    me = module_name(path, root)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "kg"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != "kg":
                continue
            out.add(mod)
            for a in node.names:  # `from kg.extract import article` imports a module
                if (root.parent / (mod + "." + a.name).replace(".", "/")).with_suffix(".py").exists():
                    out.add(mod + "." + a.name)
    out.discard(me)
    return out


def graph(root: Path = KG) -> dict[str, set[str]]:
    return {module_name(p, root): imports(p, root) for p in sorted(root.rglob("*.py"))}


def upward(g: dict[str, set[str]]) -> list[str]:
    return sorted(f"{m} (layer {layer(m)}) imports {t} (layer {layer(t)})"
                  for m, ts in g.items() for t in ts if t != "kg" and layer(t) > layer(m))


def cycles(g: dict[str, set[str]]) -> list[str]:
    modules = {m: {t for t in ts if t in g and t != "kg"} for m, ts in g.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    found: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(modules[m]):
            if state.get(t) == 1:
                found.append(" -> ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(modules):
        if m not in state:
            visit(m)
    return found


def test_every_module_is_in_a_layer_and_imports_only_downward():
    g = graph()
    assert len(g) > 25 and "kg.extract.article" in g and "kg.app.cli" in g  # the walk found the package
    assert not upward(g), "\n".join(upward(g))


def test_the_package_root_imports_nothing_eagerly():
    # kg/__init__ runs before any submodule: the API it offers is loaded when first used
    tree = ast.parse((KG / "__init__.py").read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert all(not (isinstance(n, ast.ImportFrom) and (n.level or (n.module or "").startswith("kg"))) for n in top)


def test_no_import_cycle():
    assert not cycles(graph()), "\n".join(cycles(graph()))


def test_the_checks_can_fail(tmp_path):
    # a package written here: read imports resolve (upward, inside a function), resolve imports read
    root = tmp_path / "kg"
    for d in ("io", "extract"):
        (root / d).mkdir(parents=True)
        (root / d / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "io" / "read.py").write_text("def f():\n    from ..extract.resolve import g\n")
    (root / "extract" / "resolve.py").write_text("from kg.io import read\n")
    g = graph(root)
    assert g["kg.io.read"] == {"kg.extract.resolve"} and g["kg.extract.resolve"] == {"kg.io", "kg.io.read"}
    assert upward(g) == ["kg.io.read (layer 1) imports kg.extract.resolve (layer 2)"]
    assert cycles(g) == ["kg.extract.resolve -> kg.io.read -> kg.extract.resolve"]
