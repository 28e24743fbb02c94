"""The package tree reads as the pipeline: imports run one way down the stages, modules and functions stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "okrlint"
# Lower stages first; a module may import its own stage and any stage before it, never one after.
STAGES = (
    "util",
    "source",
    "config",
    "model",
    "scoring",
    "lint",
    "reporters",
    "report",
    "diff",
    "checkin",
    "fix",
    "scaffold",
    "engine",
    "commands",
    "cli",
    "__main__",
)
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def modules() -> list[Path]:
    """Return every module of the package."""
    return sorted(PACKAGE.rglob("*.py"))


def stage_of(dotted: str) -> str:
    """Return the stage (first package below ``okrlint``) of the dotted module name ``dotted``."""
    return dotted.split(".")[1] if dotted.count(".") else ""


def module_name(path: Path) -> str:
    """Return the dotted name of the module at ``path``."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.Module) -> list[ast.AST]:
    """Return every node of ``tree`` except those under ``if TYPE_CHECKING:`` (not imported at run time)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    return [node for node in ast.walk(tree) if id(node) not in skipped]


def imported(path: Path) -> list[tuple[int, str]]:
    """Return ``(line, module)`` for every okrlint module ``path`` imports at run time, lazily or not."""
    found = []
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    known = {module_name(p) for p in modules()}
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("okrlint.")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            if base != "okrlint" and not base.startswith("okrlint."):
                continue
            for alias in node.names:
                name = f"{base}.{alias.name}"
                if name in known:
                    found.append((node.lineno, name))  # `from package import module`
                elif base != "okrlint":
                    found.append((node.lineno, base))
    return found


def test_stage_list_covers_the_package() -> None:
    names = {stage_of(module_name(path)) for path in modules()} - {""}
    assert names <= set(STAGES), f"add {names - set(STAGES)} to STAGES"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_run_down_the_stages(path: Path) -> None:
    here = stage_of(module_name(path))
    if not here:
        return
    upward = [
        f"line {line}: {name}"
        for line, name in imported(path)
        if stage_of(name) in STAGES and STAGES.index(stage_of(name)) > STAGES.index(here)
    ]
    assert upward == [], f"{here} must not import a later stage"


def test_no_import_cycle_between_modules() -> None:
    graph = {module_name(p): {n for _, n in imported(p)} for p in modules()}
    graph = {name: {d for d in deps if d in graph and d != name} for name, deps in graph.items()}
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for dep in sorted(graph[name]):
            if state.get(dep) == 1 and not dep.startswith(name):
                pytest.fail("import cycle: " + " -> ".join([*trail[trail.index(dep) :], dep]) if dep in trail else dep)
            if dep not in state:
                visit(dep, [*trail, dep])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def function_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Return the lines of a function's code: a rule's docstring is its user documentation, not code."""
    length = (node.end_lineno or node.lineno) - node.lineno + 1
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        length -= (first.end_lineno or first.lineno) - first.lineno + 1
    return length


def test_modules_and_functions_stay_small() -> None:
    too_long = []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = function_lines(node)
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}() {length} lines")
    assert too_long == []


def test_tests_mirror_the_stage_packages() -> None:
    tests = Path(__file__).resolve().parent
    stages = [p.name for p in PACKAGE.iterdir() if p.is_dir() and any(m.name != "__init__.py" for m in p.glob("*.py"))]
    missing = [name for name in stages if not list((tests / name).glob("test_*.py"))]
    assert missing == [], "each stage package has its tests in tests/<stage>/"
