"""Records behave as frozen, slotted dataclasses do; making one compiles nothing until it is used."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from okrlint.util.records import record


@record
class Point:
    """A record with a default factory and a field left out of comparisons."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class PointDataclass:
    """The same fields as a dataclass."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False)


@record(order=True)
class Base:
    """An ordered record others extend."""

    path: str
    line: int


@record(order=True)
class Child(Base):
    """A record that extends one."""

    code: str = "E001"


def test_a_record_acts_as_the_dataclass() -> None:
    made, expected = Point(1, note="n"), PointDataclass(1, note="n")
    assert repr(made) == repr(expected).replace("PointDataclass", "Point")
    assert made == Point(1, 0, (), "other") and made != Point(2)
    assert (made == (1, 0, (), "n")) is False  # type: ignore[comparison-overlap]
    assert hash(made) == hash(Point(1)) and {made, Point(1)} == {made}
    assert Point.__match_args__ == PointDataclass.__match_args__ == ("x", "y", "tags", "note")
    assert [f.name for f in dataclasses.fields(made)] == ["x", "y", "tags", "note"]
    assert dataclasses.replace(made, y=5) == Point(1, 5)
    assert not hasattr(made, "__dict__")
    assert Point.__slots__ == PointDataclass.__slots__  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.x = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.x
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_records_pickle_copy_and_order() -> None:
    child = Child("a.yaml", 3, "E002")
    for again in (pickle.loads(pickle.dumps(child)), copy.deepcopy(child), copy.copy(child)):
        assert again == child and again is not child and repr(again) == repr(child)
    assert sorted([Child("b", 1), Child("a", 2, "E003"), Child("a", 2)]) == [
        Child("a", 2, "E001"),
        Child("a", 2, "E003"),
        Child("b", 1),
    ]
    assert Base("a", 1) < Base("a", 2) and Base("a", 1) != Child("a", 1)
    assert repr(child) == "Child(path='a.yaml', line=3, code='E002')"


def test_a_record_may_not_bring_its_own_methods() -> None:
    with pytest.raises(TypeError, match="__eq__"):

        @record
        class Mine:
            x: int

            def __eq__(self, other: object) -> bool:
                return True

            __hash__ = object.__hash__


def test_making_a_record_compiles_nothing_until_it_is_used() -> None:
    probe = """
import sys
from okrlint.util.records import record
compiled = []
sys.addaudithook(lambda event, args: compiled.append(event) if event == "compile" else None)
@record(order=True)
class Made:
    "A record with a docstring (without one, dataclasses writes its signature as the docstring)."
    x: int
    y: str = ""
made_at = len(compiled)
Made(1) < Made(2)
print(made_at, len(compiled))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    made_at, used_at = map(int, done.stdout.split())
    assert made_at == 0 and used_at > 0  # the methods are compiled on first use


def _records() -> list[type]:
    """Return every record class of okrlint (each module imported)."""
    import importlib
    import pkgutil

    import okrlint
    from okrlint.util import records

    found = []
    for info in pkgutil.walk_packages(okrlint.__path__, "okrlint."):
        if info.name == "okrlint.__main__" or info.name.startswith("okrlint.source.compiled."):
            continue  # the generated validators hold no record (and an old fastjsonschema cannot import them)
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == info.name
                and value.__dict__.get("__setattr__") is records._frozen_setattr
            ):
                found.append(value)
    return found


def _parameters(init: object) -> list[tuple[str, object, str]]:
    import inspect

    return [(p.name, p.kind, repr(p.default)) for p in inspect.signature(init).parameters.values()]  # type: ignore[arg-type]


def test_the_init_compiled_alone_is_the_dataclass_init_for_every_record() -> None:
    from okrlint.util.records import _init_of, _stand_in

    classes = _records()
    assert len(classes) > 50
    for cls in classes:
        made = _stand_in(cls, frozen=True)
        assert _parameters(_init_of(cls)) == _parameters(vars(made)["__init__"]), cls.__qualname__


def test_the_init_compiled_alone_sets_defaults_factories_and_keyword_only_fields() -> None:
    @record
    class Mixed:
        """Every kind of field ``__init__`` handles."""

        a: int
        b: list[int] = field(default_factory=list)
        c: str = field(default="c", init=False)
        d: list[int] = field(default_factory=lambda: [4], init=False)
        e: int = field(default=5, kw_only=True)

    one, two = Mixed(1), Mixed(1)
    assert (one.a, one.b, one.c, one.d, one.e) == (1, [], "c", [4], 5)
    assert one.b is not two.b and one.d is not two.d
    assert Mixed(2, [3], e=6).b == [3] and Mixed(2, e=6).e == 6
    with pytest.raises(TypeError):
        Mixed(1, [], 3)  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.a = 2  # type: ignore[misc]
