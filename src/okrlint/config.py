"""Configuration: discovery, validation against ``schema/config.schema.json``, one frozen object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from okrlint.source.files import is_inside
from okrlint.source.schemas import validate
from okrlint.source.yamlload import Limits, YMap, YSeq, load_yaml
from okrlint.util.errors import UserError
from okrlint.util.records import record
from okrlint.util.severity import Severity
from okrlint.util.tomlmarks import TomlMarks, toml_marks

CONFIG_FILE = ".okrlint.yaml"


class ConfigError(UserError):
    """A configuration file that cannot be used; the message says where and why."""


@record
class Bounds:
    """An inclusive min/max count."""

    min: int
    max: int


@record
class SelectorSite:
    """A rule selector written in a configuration file, and where: ``setting`` names the setting."""

    line: int
    column: int
    setting: str
    selector: str


@record
class Config:
    """Every setting of SPEC §3, with its default; ``root`` is the repository root."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    paths: tuple[str, ...] = ("okrs",)
    root_team: str = "company"
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    objectives: Bounds = Bounds(3, 5)
    key_results: Bounds = Bounds(3, 5)
    vague_words_extend: tuple[str, ...] = ()
    vague_words_remove: tuple[str, ...] = ()
    max_change_factor: float = 10.0
    stale_after_days: int = 14
    grace_days: int = 14
    aspirational_goal: float = 0.7
    fiscal_year_start_month: int = 1
    fail_on: Severity = Severity.ERROR
    max_file_bytes: int = 5_000_000
    max_nodes: int = 100_000
    max_depth: int = 64
    selector_sites: tuple[SelectorSite, ...] = ()

    @property
    def limits(self) -> Limits:
        """Return the loader limits this configuration sets."""
        return Limits(max_nodes=self.max_nodes, max_depth=self.max_depth, max_chars=self.max_file_bytes)

    def fingerprint(self) -> str:
        """Return a stable text of every setting that can change lint results (for caches)."""
        return repr([(f.name, getattr(self, f.name)) for f in fields(self) if f.name not in ("root", "source")])


def from_mapping(data: Mapping[str, Any], root: Path, source: Path | None = None) -> Config:
    """Build a Config from an already validated mapping of SPEC §3 keys."""
    values: dict[str, Any] = {"root": root, "source": source}
    for key in (
        "root_team",
        "max_change_factor",
        "stale_after_days",
        "grace_days",
        "aspirational_goal",
        "fiscal_year_start_month",
        "max_file_bytes",
        "max_nodes",
        "max_depth",
    ):
        if key in data:
            values[key] = data[key]
    for key in ("paths", "select", "ignore"):
        if key in data:
            values[key] = tuple(str(item) for item in data[key])
    if "severity" in data:
        values["severity"] = MappingProxyType({k: Severity.parse(v) for k, v in data["severity"].items()})
    if "per_file_ignores" in data:
        values["per_file_ignores"] = MappingProxyType({k: tuple(v) for k, v in data["per_file_ignores"].items()})
    for key in ("objectives", "key_results"):
        if key in data:
            default: Bounds = Config.__dataclass_fields__[key].default
            values[key] = Bounds(data[key].get("min", default.min), data[key].get("max", default.max))
    vague = data.get("vague_words", {})
    values["vague_words_extend"] = tuple(vague.get("extend", ()))
    values["vague_words_remove"] = tuple(vague.get("remove", ()))
    if "fail_on" in data:
        values["fail_on"] = Severity.parse(data["fail_on"])
    return Config(**values)


def _to_located(value: Any, marks: TomlMarks, path: tuple[str | int, ...], mark: tuple[int, int]) -> Any:
    """Wrap plain TOML data in located nodes, each at the line and column where the TOML text writes it."""
    if isinstance(value, dict):
        node = YMap(mark)
        for key, item in value.items():
            here = (*path, key)
            at = marks.values.get(here, mark)
            node[key] = _to_located(item, marks, here, at)
            node.key_marks[key] = marks.keys.get(here, at)
            node.value_marks[key] = at
        return node
    if isinstance(value, list):
        seq = YSeq(mark)
        for index, item in enumerate(value):
            at = marks.values.get((*path, index), mark)
            seq.append(_to_located(item, marks, (*path, index), at))
            seq.item_marks.append(at)
        return seq
    return value


def _read_yaml_config(path: Path) -> Any:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    result = load_yaml(text)
    if result.problems:
        problem = result.problems[0]
        raise ConfigError(f"{path}:{problem.line}:{problem.column}: {problem.message}")
    return result.root if result.root is not None else YMap((1, 1))


def _read_pyproject(path: Path) -> Any | None:
    import tomllib  # only a pyproject.toml configuration needs it

    try:
        text = path.read_text(encoding="utf-8")
        table = tomllib.loads(text).get("tool", {}).get("okrlint")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    if table is None:
        return None
    marks = toml_marks(text)
    top = ("tool", "okrlint")
    return _to_located(table, marks, top, marks.values.get(top) or marks.keys.get(top) or (1, 1))


def load_config(path: Path) -> Config:
    """Read and validate the configuration file ``path`` (YAML or pyproject.toml)."""
    data = _read_pyproject(path) if path.name == "pyproject.toml" else _read_yaml_config(path)
    if data is None:
        data = YMap((1, 1))
    if not isinstance(data, YMap):
        raise ConfigError(f"{path}:1:1: the configuration must be a mapping of settings")
    problems = validate("config", data)
    if problems:
        lines = [f"{path}:{p.line}:{p.column}: {p.message}" for p in problems]
        raise ConfigError("invalid configuration:\n" + "\n".join(lines))
    bounds = [(key, data[key]) for key in ("objectives", "key_results") if key in data]
    for key, value in bounds:
        low, high = value.get("min", 0), value.get("max", 1 << 30)
        if low > high:
            line, column = data.value_marks.get(key, (1, 1))
            raise ConfigError(f"{path}:{line}:{column}: {key}.min ({low}) is greater than {key}.max ({high})")
    return replace(from_mapping(data, path.absolute().parent.resolve(), path), selector_sites=_selector_sites(data))


def _selector_sites(data: YMap) -> tuple[SelectorSite, ...]:
    """Return where each rule selector of the settings is written (the lint stage checks they name rules)."""
    found: list[SelectorSite] = []
    for key in ("select", "ignore"):
        items = data.get(key) or YSeq((1, 1))
        found += [
            SelectorSite(mark[0], mark[1], key, str(item)) for item, mark in zip(items, items.item_marks, strict=False)
        ]
    severity = data.get("severity") or YMap((1, 1))
    for name in severity:
        line, column = severity.key_marks[name]
        found.append(SelectorSite(line, column, "severity", name))
    ignores = data.get("per_file_ignores") or YMap((1, 1))
    for pattern, items in ignores.items():
        where = f"per_file_ignores[{pattern!r}]"
        found += [
            SelectorSite(mark[0], mark[1], where, str(item))
            for item, mark in zip(items, items.item_marks, strict=False)
        ]
    return tuple(found)


def find_config(start: Path) -> Path | None:
    """Return the nearest ``.okrlint.yaml``, else ``pyproject.toml`` with ``[tool.okrlint]``."""
    folders = [start, *start.parents]
    for folder in folders:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
    for folder in folders:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _read_pyproject(candidate) is not None:
            return candidate
    return None


def find_git_root(start: Path) -> Path | None:
    """Return the nearest folder holding ``.git``, without running git."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def discover_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """Return the configuration in force: ``explicit``, else discovered, else defaults."""
    here = (start or Path.cwd()).resolve()
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        return load_config(explicit)
    found = find_config(here)
    if found is not None:
        if found.is_symlink() and not is_inside(found, found.parent):  # SPEC §7: no input through a link out
            raise ConfigError(f"{found}: is a symbolic link out of the repository; okrlint does not read it")
        return load_config(found)
    return Config(root=find_git_root(here) or here)


def with_overrides(config: Config, **changes: Any) -> Config:
    """Return ``config`` with command-line overrides applied (None values are ignored)."""
    return replace(config, **{key: value for key, value in changes.items() if value is not None})
