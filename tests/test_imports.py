"""The house rules of the import graph, read from the source with `ast` (nothing is imported):

- no import cycle between the package's modules;
- the rooms import only to their left: xlsx < read < check < report;
- the shared top modules (config, findings, errors, messages, schemas_io) import only each other,
  and any room may import them;
- the drivers (cli, pipeline, batch) may import anything and are imported only by cli and __main__,
  except that batch runs pipeline's build for each office (batch → pipeline, never the reverse);
- no module uses another module's private (_underscore) name.
Function-level imports count as much as module-level ones: a lazy import is still a dependency.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lkjip_xl"
ROOMS = ("xlsx", "read", "check", "report")
SHARED = {"config", "findings", "errors", "messages", "schemas_io", "__init__"}
DRIVERS = {"cli", "pipeline", "batch", "__main__"}
IMPORTERS_OF_DRIVERS = {"lkjip_xl.cli", "lkjip_xl.__main__"}
_BATCH_BUILDS = ("lkjip_xl.batch", "lkjip_xl.pipeline")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(current: str, is_package: bool, level: int, module: str | None) -> str:
    if not level:
        return module or ""
    base = current.split(".") if is_package else current.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _ours(name: str) -> str | None:
    """The package module `name` is, or the module that holds `name` (a.b.Thing → a.b)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports(name: str) -> list[tuple[str, str | None, int]]:
    """(module imported, private name taken from it or None, line) for every import in `name`."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    out = []
    bound: dict[str, str] = {}        # local name → package module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _ours(alias.name)
                if target:
                    out.append((target, None, node.lineno))
                    if alias.asname:
                        bound[alias.asname] = target
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, is_package, node.level, node.module)
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                if sub in MODULES:                       # from lkjip_xl.xlsx import grid
                    out.append((sub, None, node.lineno))
                    bound[alias.asname or alias.name] = sub
                elif _ours(source):
                    private = alias.name.startswith("_") and not alias.name.startswith("__")
                    out.append((_ours(source), alias.name if private else None, node.lineno))
    for node in ast.walk(tree):            # grid._private: a private name reached through a module
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
            if node.attr.startswith("_") and not node.attr.startswith("__"):
                out.append((bound[node.value.id], node.attr, node.lineno))
    return [(m, p, line) for m, p, line in out if m != name]


GRAPH = {name: imports(name) for name in MODULES}


def place(name: str) -> tuple[str, int | None]:
    """("room", rank) for a module in a room, ("shared"|"driver", None) at the top."""
    parts = name.split(".")
    if len(parts) >= 2 and parts[1] in ROOMS:
        return "room", ROOMS.index(parts[1])
    last = parts[-1] if len(parts) > 1 else "__init__"
    if last in DRIVERS:
        return "driver", None
    assert last in SHARED, f"{name}: a top-level module that is neither shared nor a driver; add it to a room " \
                           f"or to SHARED/DRIVERS in {Path(__file__).name}"
    return "shared", None


def test_every_module_is_found():
    assert {"lkjip_xl.cli", "lkjip_xl.xlsx.grid", "lkjip_xl.read.sheets", "lkjip_xl.report.workbook"} <= set(MODULES)
    assert any(m == "lkjip_xl.xlsx.cells" for targets in GRAPH.values() for m, _, _ in targets)


def test_no_import_cycle():
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str):
        state[n] = 1
        stack.append(n)
        for m, _, _ in GRAPH[n]:
            if state.get(m) == 1:
                pytest.fail("import cycle: " + " → ".join(stack[stack.index(m):] + [m]))
            if m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(GRAPH):
        if n not in state:
            visit(n)


def test_rooms_import_only_to_their_left():
    wrong = []
    for name, targets in GRAPH.items():
        kind, rank = place(name)
        for m, _, line in targets:
            tkind, trank = place(m)
            if tkind == "driver" and name not in IMPORTERS_OF_DRIVERS and (name, m) != _BATCH_BUILDS:
                wrong.append(f"{name}:{line} imports the driver {m}")
            elif kind == "room" and tkind == "room" and trank > rank:
                wrong.append(f"{name}:{line} imports {m}, a room to its right")
            elif kind == "shared" and tkind == "room":
                wrong.append(f"{name}:{line} (shared) imports the room module {m}")
    assert not wrong, "\n".join(wrong)


def test_no_private_names_across_modules():
    wrong = [f"{name}:{line} uses {m}.{p}" for name, targets in GRAPH.items() for m, p, line in targets if p]
    assert not wrong, "\n".join(wrong)


def test_the_rules_catch_what_they_should(tmp_path):
    # the rules themselves: resolution of relative imports and the ranks they compare
    assert _resolve("lkjip_xl.read.sheets", False, 2, "xlsx.grid") == "lkjip_xl.xlsx.grid"
    assert _resolve("lkjip_xl.read", True, 1, "sheets") == "lkjip_xl.read.sheets"
    assert _ours("lkjip_xl.xlsx.cells.Unreadable") == "lkjip_xl.xlsx.cells"
    assert place("lkjip_xl.report.tables") == ("room", 3) and place("lkjip_xl.xlsx.guard") == ("room", 0)
    assert place("lkjip_xl.pipeline") == ("driver", None) and place("lkjip_xl.findings") == ("shared", None)


def test_pip_install_packages_every_subpackage_and_the_data():
    """`pip install .` (not editable) installs what pyproject.toml names: every folder of the package
    that holds an __init__.py, schemas/ as lkjip_xl.schemas with its YAML, and the report assets."""
    import tomllib

    root = PACKAGE.parent
    tool = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {_module_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")}
    assert folders <= set(tool["packages"]), folders - set(tool["packages"])
    assert "lkjip_xl.schemas" in tool["packages"] and tool["package-dir"]["lkjip_xl.schemas"] == "schemas"
    assert "*.yaml" in tool["package-data"]["lkjip_xl.schemas"]
    assert list((root / "schemas").glob("*.yaml")) and all(
        f.suffix in (".yaml", ".py") for f in (root / "schemas").iterdir() if f.is_file())
    for package, patterns in tool["package-data"].items():
        folder = root / tool.get("package-dir", {}).get(package, package.replace(".", "/"))
        assert all(list(folder.glob(p)) for p in patterns), (package, patterns)
