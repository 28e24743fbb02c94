"""Frozen, slotted dataclasses whose methods are compiled on first use, so importing a module of them costs little.

Python 3.11's ``@dataclass`` compiles ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` (and with
``order`` four comparisons) with ``exec`` as the class is made: ~0.6 ms a class, a third of what
importing the lint path cost. :func:`record` makes the same class — fields, ``__slots__``,
``__match_args__``, :func:`dataclasses.fields` and :func:`dataclasses.replace` work as before — and
leaves those methods to ``@dataclass`` itself, run on a stand-in class the first time one is called.
The methods then installed are the very ones ``@dataclass(frozen=True, slots=True)`` would have made.
"""

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


def _materialize(cls: type, order: bool) -> None:
    """Install on ``cls`` the methods ``@dataclass`` makes for a stand-in class with the same fields."""
    namespace: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__annotations__": {}}
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
    stand_in: type = dataclasses.dataclass(type(cls.__name__, (), namespace), frozen=True, order=order)
    for name in (*_LAZY, *(_ORDER if order else ())):
        setattr(cls, name, stand_in.__dict__[name])


def _lazy(cls: type, name: str, order: bool) -> Callable[..., Any]:
    """Return a method that installs ``cls``'s real methods, then runs the real ``name``."""

    def first_call(self: Any, *args: Any, **kwargs: Any) -> Any:
        _materialize(cls, order)
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
