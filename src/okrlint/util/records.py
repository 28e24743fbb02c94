"""Frozen, slotted dataclasses whose methods are compiled on first use, so importing a module of them costs little.

Python 3.11's ``@dataclass`` compiles ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` (and with
``order`` four comparisons) with ``exec`` as the class is made: ~0.6 ms a class, a third of what
importing the lint path cost. :func:`record` makes the same class — fields, ``__slots__``,
``__match_args__``, :func:`dataclasses.fields` and :func:`dataclasses.replace` work as before — and
compiles each method the first time it is called: ``__repr__`` alone, and ``__eq__``, ``__hash__``
and the comparisons together, by ``@dataclass`` itself run on a stand-in class (the very methods
``@dataclass(frozen=True, slots=True)`` would have made); ``__init__`` by :func:`_init_of`, which
writes the same signature and assignments (a test compares it with ``@dataclass``'s for every record
of okrlint). Making every method of every class a pre-commit run builds cost it ~20 ms."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_LAZY = ("__init__", "__repr__", "__eq__", "__hash__")
_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: object) -> list[object]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]  # type: ignore[arg-type]


def _setstate(self: object, state: list[object]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=True):  # type: ignore[arg-type]
        object.__setattr__(self, f.name, value)


class _Factory:
    """The default of a parameter whose field has a default factory (``@dataclass`` shows it as ``<factory>``)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _init_of(cls: type) -> Callable[..., None]:
    """Return the ``__init__`` that ``@dataclass(frozen=True)`` makes for ``cls``, compiled alone."""
    names: dict[str, Any] = {"__setter": object.__setattr__, "__factory": _FACTORY}
    params: list[str] = []
    keyword_only: list[str] = []
    body: list[str] = []
    for number, f in enumerate(dataclasses.fields(cls)):
        has_default = f.default is not dataclasses.MISSING
        has_factory = f.default_factory is not dataclasses.MISSING
        names[f"__default{number}"] = f.default if has_default else _FACTORY
        names[f"__make{number}"] = f.default_factory
        if f.init:
            param = f"{f.name}=__default{number}" if has_default or has_factory else f.name
            (keyword_only if f.kw_only else params).append(param)
            value = f"__make{number}() if {f.name} is __factory else {f.name}" if has_factory else f.name
        elif has_factory or has_default:
            value = f"__make{number}()" if has_factory else f"__default{number}"
        else:
            continue
        body.append(f"__setter(self, {f.name!r}, {value})")
    signature = ", ".join(["self", *params, *(["*", *keyword_only] if keyword_only else [])])
    exec(f"def __init__({signature}):\n" + "".join(f"    {line}\n" for line in body or ["pass"]), names)
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


def _stand_in(cls: type, **options: bool) -> type:
    """Return a plain class with ``cls``'s fields made by ``@dataclass(**options)``."""
    namespace: dict[str, Any] = {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__annotations__": {},
        "__doc__": cls.__doc__ or cls.__name__,  # else ``@dataclass`` writes one from ``inspect.signature`` (~2 ms)
    }
    for f in dataclasses.fields(cls):
        namespace["__annotations__"][f.name] = f.type
        namespace[f.name] = dataclasses.field(
            default=f.default,
            default_factory=f.default_factory,
            init=f.init,
            repr=f.repr,
            hash=f.hash,
            compare=f.compare,
            metadata=f.metadata,
            kw_only=f.kw_only,
        )
    return dataclasses.dataclass(type(cls.__name__, (), namespace), **options)


def _materialize(cls: type, order: bool, name: str) -> None:
    """Install on ``cls`` the method ``name`` (with its kin) that ``@dataclass`` makes for a stand-in class.

    ``__repr__`` comes alone; ``__eq__``, ``__hash__`` and the comparisons come together, as
    ``@dataclass(frozen=True, order=order)`` makes them.
    """
    if name == "__repr__":
        setattr(cls, name, _stand_in(cls, init=False, eq=False).__dict__[name])
        return
    stand_in = _stand_in(cls, init=False, repr=False, frozen=True, order=order)
    for kin in ("__eq__", "__hash__", *(_ORDER if order else ())):
        setattr(cls, kin, stand_in.__dict__[kin])


def _lazy(cls: type, name: str, order: bool) -> Callable[..., Any]:
    """Return a method that installs ``cls``'s real methods, then runs the real ``name``."""

    def first_call(self: Any, *args: Any, **kwargs: Any) -> Any:
        if name == "__init__":
            cls.__init__ = _init_of(cls)  # type: ignore[misc]
        else:
            _materialize(cls, order, name)
        return getattr(cls, name)(self, *args, **kwargs)

    first_call.__name__ = first_call.__qualname__ = name
    return first_call


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[T] | None = None, /, *, order: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """Return ``cls`` as ``@dataclass(frozen=True, slots=True, order=order)`` makes it; methods compile on first use."""

    def wrap(cls: type[T]) -> type[T]:
        own = [n for n in (*_LAZY, *_ORDER, "__post_init__", "__setattr__", "__delattr__") if n in cls.__dict__]
        if own:
            raise TypeError(f"record {cls.__qualname__} defines {own[0]}: make it a @dataclass instead")
        made: type[T] = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=True)
        for name in (*_LAZY, *(_ORDER if order else ())):
            setattr(made, name, _lazy(made, name, order))
        for name, method in (
            ("__setattr__", _frozen_setattr),
            ("__delattr__", _frozen_delattr),
            ("__getstate__", _getstate),  # what @dataclass gives a frozen slotted class, for pickle and copy
            ("__setstate__", _setstate),
        ):
            setattr(made, name, method)
        return made

    return wrap if cls is None else wrap(cls)
