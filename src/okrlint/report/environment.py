"""Build the sandboxed Jinja environment for scorecards and turn template failures into UserErrors."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from okrlint.source.files import is_inside
from okrlint.util.errors import UserError
from okrlint.util.resources import data_dir

__all__ = ["make_environment", "render_template"]

# Errors a template expression can raise by itself ({{ 1 / 0 }}, {{ "a" + 1 }}, {{ x[9] }}).
_EXPRESSION_ERRORS = (TemplateError, ArithmeticError, TypeError, ValueError, LookupError, RecursionError)


class _FolderLoader(FileSystemLoader):
    """A FileSystemLoader that refuses a template reached through a symbolic link out of its folder (SPEC §7)."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        folder = Path(self.searchpath[0])
        path = folder.joinpath(*split_template_path(template))
        if path.exists() and not is_inside(path, folder):
            raise UserError(f"{path}: is a symbolic link out of the templates folder; okrlint does not read it")
        return super().get_source(environment, template)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with ``item.key`` on a plain dict looked up without first trying an attribute.

    Jinja's ``getattr`` tries ``getattr(obj, name)`` and, on AttributeError, ``obj[name]``. For a
    dict and a name that is not one of dict's attributes the first step always fails, so the
    item is read directly: the same value, without raising and catching an exception for each
    of the hundreds of thousands of lookups a large scorecard makes.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Return ``obj.attribute`` as the sandbox does (items of plain dicts read directly)."""
        if type(obj) is dict and type(attribute) is str and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _loader(templates: Path | None) -> BaseLoader:
    """Look up templates in ``templates`` first, then the built-ins (also reachable as ``okrlint/NAME``)."""
    builtin = FileSystemLoader(str(data_dir("templates")))
    loaders: list[BaseLoader] = []
    if templates is not None:
        if not templates.is_dir():
            raise UserError(f"{templates}: --templates must name an existing folder")
        loaders.append(_FolderLoader(str(templates)))
    loaders += [builtin, PrefixLoader({"okrlint": builtin})]
    return ChoiceLoader(loaders)


def make_environment(
    templates: Path | None = None,
    *,
    finalize: Callable[[Any], Any] | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals_: Mapping[str, Any] | None = None,
) -> ImmutableSandboxedEnvironment:
    """Return an immutable-sandbox environment with autoescape, StrictUndefined and the template search path.

    Only an environment with ``templates`` checks its files for changes: the built-in templates
    never change while okrlint runs, and a scorecard includes one for each of its key results.
    """
    env = _Sandbox(
        loader=_loader(templates),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=templates is not None,
    )
    env.filters.update(filters or {})
    env.globals.update(globals_ or {})
    return env


@dataclass(frozen=True, eq=False)
class Profile:
    """How one kind of report renders: its filters, globals and ``finalize`` (compared by identity)."""

    filters: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    globals_: Mapping[str, Any] = field(default_factory=dict)
    finalize: Callable[[Any], Any] | None = None


def environment_for(profile: Profile, templates: Path | None) -> ImmutableSandboxedEnvironment:
    """Return the environment of ``profile``: the built-in one (compiled once per process) or with ``templates``."""
    return _builtin(profile) if templates is None else _make(profile, templates)


@lru_cache(maxsize=8)
def _builtin(profile: Profile) -> ImmutableSandboxedEnvironment:
    return _make(profile, None)


def _make(profile: Profile, templates: Path | None) -> ImmutableSandboxedEnvironment:
    return make_environment(templates, finalize=profile.finalize, filters=profile.filters, globals_=profile.globals_)


def render_template(env: ImmutableSandboxedEnvironment, name: str, context: Mapping[str, Any]) -> str:
    """Render template ``name``; a template error or sandbox violation becomes a one-line UserError."""
    try:
        return env.get_template(name).render(context)
    except _EXPRESSION_ERRORS as error:
        raise UserError(describe_error(error, name)) from None


def describe_error(error: BaseException, name: str) -> str:
    """Say in one line which template failed, where, and why."""
    if isinstance(error, TemplateNotFound):
        missing = error.name or name
        return f"template {missing!r} not found (neither in --templates nor among the built-in templates)"
    where = _where(error, name)
    if isinstance(error, SecurityError):
        return f"{where}: the template sandbox refused it: {_one_line(error)}"
    if isinstance(error, TemplateSyntaxError):
        return f"{where}: template syntax error: {_one_line(error.message or error)}"
    if isinstance(error, UndefinedError):
        return f"{where}: template error: {_one_line(error)}"
    if isinstance(error, TemplateError):
        return f"{where}: template error: {_one_line(error)}"
    return f"{where}: template error: {type(error).__name__}: {_one_line(error)}"


def _where(error: BaseException, name: str) -> str:
    """Return ``template FILE:LINE`` for the innermost template frame of the error."""
    if isinstance(error, TemplateSyntaxError):
        return f"template {error.name or error.filename or name}:{error.lineno}"
    found = ""
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or "/templates/" in filename:
            found = f"{Path(filename).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return f"template {found or name}"


def _one_line(error: object) -> str:
    """Collapse a message onto one line."""
    return re.sub(r"\s+", " ", str(error)).strip() or "unknown error"
