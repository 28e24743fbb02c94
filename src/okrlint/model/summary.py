"""What one file offers to and asks of the other files, kept small enough to cache per file.

A file's summary names its kind, the kinds it leaves incomplete (a broken file), the key
results it defines (``team, objective, kr``) and the KPIs they are linked to, and, for a
check-in log, the key results and KPIs its rows name, and for an OKR set its outline, its
team and the teams its objectives align to. The engine uses summaries to decide which files
a file's findings can depend on without loading the others, and outlines stand in for the
OKR sets an edited set is only compared with.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from okrlint.model.build import RepositoryBuilder
from okrlint.model.outline import encode_outlines
from okrlint.model.resolve import split_reference
from okrlint.model.rows import rows_of

KrKey = str  # team, objective and key result ids joined by NUL (``kr_key``)


def kr_key(team: str, objective: str, kr: str) -> KrKey:
    """Return the key of a key result in summaries: one string, which marshal loads and sets hash fast.

    Distinct ids that join alike (a NUL inside an id) only make a file look related: never a miss.
    """
    return f"{team}\0{objective}\0{kr}"


class FileSummary(NamedTuple):
    """What other files may ask of one file (see the module docstring); a tuple, as a hook run reads one per file."""

    kind: str | None
    incomplete: frozenset[str] = frozenset()
    defines: frozenset[KrKey] = frozenset()
    refers: frozenset[KrKey] = frozenset()
    kpis: frozenset[str] = frozenset()
    linked_kpis: frozenset[str] = frozenset()  # the KPIs named by the ``kpi`` of the key results it defines
    outlines: bytes = b""  # its OKR sets as the rules comparing sets read them (``okrlint.model.outline``)
    teams: frozenset[str] = frozenset()  # the teams of its OKR sets
    aligns_to: frozenset[str] = frozenset()  # the teams its objectives' ``aligns`` entries name

    def encode(self, shared: dict[str, str] | None = None) -> tuple[Any, ...]:
        """Return the summary as plain data (for marshal, which keeps frozensets as they are).

        With ``shared``, equal keys across the summaries encoded with it become one string object,
        which marshal writes once and loads once (a log names the key results its OKR set defines).
        """
        sets: tuple[frozenset[str], ...] = (
            self.incomplete,
            self.defines,
            self.refers,
            self.kpis,
            self.linked_kpis,
            self.teams,
            self.aligns_to,
        )
        if shared is not None:
            sets = tuple(frozenset(shared.setdefault(key, key) for key in part) for part in sets)
        return (self.kind, *sets[:5], self.outlines, *sets[5:])

    @classmethod
    def decode(cls, data: Any) -> FileSummary:
        """Return the summary ``encode`` gave (a signed cache entry); raise TypeError or ValueError for other shapes."""
        kind, incomplete, defines, refers, kpis, linked_kpis, outlines, teams, aligns_to = data
        if kind is not None and not isinstance(kind, str):
            raise TypeError("kind")
        if not isinstance(outlines, bytes):
            raise TypeError("outlines")
        sets = (incomplete, defines, refers, kpis, linked_kpis, teams, aligns_to)
        if not all(type(part) is frozenset for part in sets):
            raise TypeError("sets")
        return cls(kind, *sets[:5], outlines, *sets[5:])


BuilderMark = tuple[int, int, int, int]


def builder_mark(builder: RepositoryBuilder) -> BuilderMark:
    """Return how many teams, OKR sets, KPIs and logs ``builder`` holds, to summarise what comes next."""
    return (len(builder.teams), len(builder.sets), len(builder.kpis), len(builder.logs))


def summarize_added(
    builder: RepositoryBuilder, mark: BuilderMark, kind: str | None, broken: bool, suppressed: bool = False
) -> FileSummary:
    """Return the summary of the file whose objects ``builder`` gained since ``mark``.

    ``broken`` says the file could not be loaded (so its kind is incomplete in the model); ``suppressed``
    that it holds ``okrlint:`` directives, which its findings need: such a set has no outline.
    """
    sets = builder.sets[mark[1] :]
    logs = builder.logs[mark[3] :]
    incomplete = {kind} if kind is not None and (broken or (kind == "objectives" and not sets)) else set()
    defines = {kr_key(s.team, o.id, kr.id) for s in sets for o in s.objectives for kr in o.key_results}
    linked = {kr.kpi for s in sets for o in s.objectives for kr in o.key_results if kr.kpi is not None}
    refers: set[KrKey] = set()
    kpis: set[str] = set()
    for log in logs:
        rows = rows_of(log)
        kpis |= rows.distinct("kpi")
        for kr, team in rows.references():
            parts = split_reference(kr, team or log.team)
            if parts is not None:
                refers.add(kr_key(*parts))
    outlines = encode_outlines(sets) if kind == "objectives" and not incomplete and not suppressed else b""
    teams = frozenset(s.team for s in sets)
    aligns_to = frozenset(ref.partition("/")[0] for s in sets for o in s.objectives for ref in o.aligns)
    return FileSummary(
        kind,
        frozenset(incomplete),
        frozenset(defines),
        frozenset(refers),
        frozenset(kpis),
        frozenset(linked),
        outlines,
        teams,
        aligns_to,
    )
