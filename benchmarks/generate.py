"""Generate a synthetic, deterministic OKR repository of N teams for benchmarks.

The organisation is valid and mostly clean so that every rule does real work: a root team
``company`` with 4 objectives, N teams under it with 4–5 objectives of 4–5 key results each
(quantities in the titles, baselines, units, owners, objectives aligned to the root team),
a KPI catalogue, and weekly check-ins for the quarter 2026-Q4, in order, with comments.

Usage: ``python benchmarks/generate.py OUT_DIR --teams 1000 [--seed 7]``.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PERIOD = "2026-Q4"
AS_OF = "2026-12-31"
FIRST_MONDAY = date(2026, 10, 5)
WEEKS = 13

# (verb, what, unit, low baseline, high baseline, change factor low, high); factor < 1 decreases.
Metric = tuple[str, str, str, int, int, float, float]
METRICS: tuple[Metric, ...] = (
    ("Raise", "weekly active merchants", "merchants", 1000, 9000, 1.2, 1.6),
    ("Cut", "p95 API latency", "ms", 300, 1500, 0.4, 0.8),
    ("Lift", "trial-to-paid conversion", "%", 10, 30, 1.2, 1.5),
    ("Reduce", "monthly logo churn", "%", 4, 9, 0.5, 0.8),
    ("Grow", "monthly recurring revenue", "USD", 20000, 200000, 1.1, 1.5),
    ("Shorten", "median first-response time", "hours", 8, 30, 0.4, 0.8),
    ("Raise", "NPS among active merchants", "points", 20, 45, 1.2, 1.6),
    ("Cut", "open P1 bugs older than a week", "bugs", 20, 80, 0.2, 0.5),
    ("Lift", "checkout completion rate", "%", 50, 70, 1.1, 1.3),
    ("Reduce", "cost per acquired merchant", "USD", 200, 600, 0.6, 0.9),
    ("Grow", "qualified pipeline", "USD", 100000, 900000, 1.2, 1.8),
    ("Raise", "self-serve setup rate", "%", 30, 60, 1.2, 1.5),
    ("Cut", "failed deployments per month", "deployments", 10, 40, 0.3, 0.6),
    ("Lift", "weekly retention of new merchants", "%", 30, 55, 1.2, 1.4),
    ("Reduce", "support tickets per 100 orders", "tickets", 5, 15, 0.5, 0.8),
    ("Grow", "marketplace app installs per month", "installs", 500, 5000, 1.3, 2.0),
    ("Raise", "share of orders paid by card", "%", 40, 70, 1.1, 1.3),
    ("Cut", "mean time to recovery", "minutes", 60, 240, 0.3, 0.7),
    ("Lift", "feature adoption among paying merchants", "%", 10, 40, 1.3, 1.8),
    ("Reduce", "refund rate", "%", 3, 8, 0.5, 0.8),
    ("Grow", "partner-sourced revenue", "USD", 10000, 90000, 1.3, 2.0),
    ("Raise", "on-time payout rate", "%", 80, 90, 1.05, 1.1),
    ("Cut", "infrastructure cost per order", "cents", 20, 80, 0.6, 0.9),
    ("Lift", "docs search success rate", "%", 40, 70, 1.1, 1.3),
    ("Reduce", "onboarding drop-off", "%", 30, 60, 0.5, 0.8),
    ("Grow", "enterprise accounts", "accounts", 50, 400, 1.1, 1.4),
    ("Raise", "employee engagement score", "points", 60, 75, 1.05, 1.2),
    ("Cut", "time to hire", "days", 30, 60, 0.6, 0.85),
)

MILESTONES = (
    "Launch the new billing page to all 12 markets",
    "Migrate 100% of merchants to the new ledger",
    "Roll out two-factor sign-in to every staff account",
    "Move all 4 regional data centres to the new cluster",
    "Retire the 3 legacy reporting jobs",
    "Publish the public status page for all 5 regions",
)

OBJECTIVES = (
    ("effortless-onboarding", "Make onboarding effortless for new merchants"),
    ("reliable-platform", "Run a platform merchants never have to think about"),
    ("loyal-customers", "Turn satisfied merchants into loyal advocates"),
    ("efficient-growth", "Grow revenue without growing waste"),
    ("delightful-support", "Make every support conversation feel personal"),
    ("fast-delivery", "Ship changes safely and often"),
    ("trusted-payments", "Be the payments partner merchants trust most"),
    ("great-place", "Make this the best place our people have worked"),
)

COMPANY_OBJECTIVES = (
    ("grow-revenue", "Grow revenue with merchants who love us"),
    ("delight-merchants", "Delight merchants at every step"),
    ("operate-well", "Operate a reliable and efficient business"),
    ("great-team", "Build a team people want to join"),
)

KPIS = tuple((f"kpi-{i:02d}", name, unit) for i, (_, name, unit, *_rest) in enumerate(METRICS[:12], start=1))


@dataclass(frozen=True)
class Generated:
    """What was written: the repository root, its files, and the as-of date to lint with."""

    root: Path
    files: tuple[Path, ...]
    as_of: str

    @property
    def bytes(self) -> int:
        """Return the total size of the generated files."""
        return sum(path.stat().st_size for path in self.files)


def _number(value: float, unit: str) -> int | float:
    """Round a metric value the way a person would write it."""
    if unit == "%" or value < 100:
        return round(value, 1) if value < 20 else round(value)
    return round(value)


def _shown(value: int | float, unit: str) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def _key_results(rng: random.Random, owner: str, milestones: list[str], deck: list[Metric]) -> list[dict[str, object]]:
    """Return 4–5 key results, drawing metrics from the OKR set's ``deck`` so no title repeats."""
    results: list[dict[str, object]] = []
    for verb, what, unit, low, high, f_low, f_high in [deck.pop() for _ in range(rng.choice((4, 5)))]:
        baseline = _number(rng.uniform(low, high), unit)
        target = _number(baseline * rng.uniform(f_low, f_high), unit)
        if unit == "%":
            target = min(target, 99)
        if target == baseline:
            target = baseline + (1 if f_low > 1 else -1)
        kr: dict[str, object] = {
            "id": re.sub(r"[^a-z0-9]+", "-", what.lower())[:40].strip("-"),
            "title": f"{verb} {what} from {_shown(baseline, unit)} to {_shown(target, unit)}",
            "baseline": baseline,
            "target": target,
            "unit": unit,
        }
        if rng.random() < 0.3:
            kr["owner"] = owner
        results.append(kr)
    if milestones and rng.random() < 0.25:
        results[-1] = {"id": "milestone", "title": milestones.pop(), "milestone": True}
    return results


def _okr_set(
    team: str, rng: random.Random, root: bool, period: str = PERIOD
) -> tuple[str, list[tuple[str, dict[str, object]]]]:
    """Return the YAML text of a team's OKR set and its (objective id, KR) pairs."""
    owner = f"lead.{team}@example.com"
    lines = [
        "# yaml-language-server: $schema=../../schema/objectives.schema.json",
        f"# OKRs of {team} for {period}; generated for benchmarks.",
        f"team: {team}",
        f"period: {period}",
        f"owner: {owner}",
        "objectives:",
    ]
    chosen = COMPANY_OBJECTIVES if root else rng.sample(OBJECTIVES, rng.choice((4, 5)))
    pairs: list[tuple[str, dict[str, object]]] = []
    milestones = rng.sample(MILESTONES, len(MILESTONES))
    deck = rng.sample(METRICS, len(METRICS))
    for objective_id, title in chosen:
        lines += [f"  # --- {title.lower()}", f"  - id: {objective_id}", f"    title: {title}"]
        lines.append(f"    type: {rng.choice(('committed', 'aspirational'))}")
        if not root:
            lines.append(f"    aligns: company/{rng.choice(COMPANY_OBJECTIVES)[0]}")
        lines.append("    key_results:")
        for kr in _key_results(rng, f"owner.{team}.{objective_id}@example.com", milestones, deck):
            pairs.append((objective_id, kr))
            first = True
            for key, value in kr.items():
                shown = f'"{value}"' if value == "%" else "true" if value is True else value
                lines.append(f"      {'- ' if first else '  '}{key}: {shown}")
                first = False
    return "\n".join(lines) + "\n", pairs


def _checkins(
    team: str,
    pairs: list[tuple[str, dict[str, object]]],
    rng: random.Random,
    first_monday: date = FIRST_MONDAY,
    period: str | None = None,
    weeks: int = WEEKS,
) -> str:
    """Return the YAML text of a team's weekly check-ins for the quarter (``period`` pins an earlier one)."""
    lines = [
        "# yaml-language-server: $schema=../../../schema/checkins.schema.json",
        f"# Weekly check-ins of {team}; append new rows at the end.",
        f"team: {team}",
        *([f"period: {period}"] if period else []),
        "checkins:",
    ]
    pace = {id(kr): rng.uniform(0.6, 1.1) for _, kr in pairs}
    for week in range(weeks):
        day = first_monday + timedelta(weeks=week)
        lines.append(f"  # week {week + 1} ({day.isoformat()})")
        done = (week + 1) / WEEKS
        for objective_id, kr in pairs:
            progress = min(1.0, done * pace[id(kr)])
            if kr.get("milestone"):
                value: object = round(progress, 2)
            else:
                base, target = float(kr["baseline"]), float(kr["target"])  # type: ignore[arg-type]
                value = _number(base + (target - base) * progress, str(kr["unit"]))
            confidence = round(rng.uniform(0.5, 0.95), 2)
            lines += [
                f"  - date: {day.isoformat()}",
                f"    kr: {objective_id}/{kr['id']}",
                f"    value: {value}",
                f"    confidence: {confidence}",
                f"    author: lead.{team}@example.com",
            ]
            if rng.random() < 0.1:
                lines.append(f"    note: Week {week + 1} review; see the team notes")
    return "\n".join(lines) + "\n"


def _teams(ids: list[str]) -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/teams.schema.json",
        "# Org chart: the root team and every team under it.",
        "teams:",
        "  - id: company",
        "    name: Example Corp",
        "    owner: ceo@example.com",
    ]
    for team in ids:
        lines += [
            f"  - id: {team}",
            f"    name: Team {team[5:]}",
            "    parent: company",
            f"    owner: lead.{team}@example.com",
        ]
    return "\n".join(lines) + "\n"


def _kpis() -> str:
    lines = ["# KPI catalogue, measured monthly.", "kpis:"]
    for kpi_id, name, unit in KPIS:
        lines += [
            f"  - id: {kpi_id}",
            f"    name: {name[0].upper()}{name[1:]}",
            f"    unit: {chr(34)}%{chr(34)}" if unit == "%" else f"    unit: {unit}",
            "    category: operational",
            f"    source: Warehouse table metrics.{kpi_id.replace('-', '_')}",
            "    owner: data@example.com",
            "    cadence: monthly",
        ]
    return "\n".join(lines) + "\n"


def _kpi_measurements(rng: random.Random) -> str:
    lines = ["# Monthly KPI measurements.", "checkins:"]
    for month in (10, 11, 12):
        lines.append(f"  # {date(2026, month, 28):%B}")
        for kpi_id, _, _ in KPIS:
            lines += [f"  - date: 2026-{month}-28", f"    kpi: {kpi_id}", f"    value: {rng.randint(10, 90)}"]
    return "\n".join(lines) + "\n"


def _earlier_quarters(count: int) -> list[tuple[str, date]]:
    """Return the ``count`` quarters before 2026-Q4, latest first, each with its first Monday."""
    quarters = []
    for back in range(1, count + 1):
        index = 2026 * 4 + 3 - back
        year, quarter = divmod(index, 4)
        start = date(year, 3 * quarter + 1, 1)
        quarters.append((f"{year}-Q{quarter + 1}", start + timedelta(days=(7 - start.weekday()) % 7)))
    return quarters


def _write_earlier(okrs: Path, teams: list[str], seed: int, periods: int, write: Callable[[Path, str], None]) -> None:
    """Write the closed quarters before 2026-Q4: every team's OKR set and check-ins (the history)."""
    for back, (period, monday) in enumerate(_earlier_quarters(periods - 1), start=1):
        rng = random.Random(seed * 1_000_003 + len(teams) * 7_919 + back)
        folder = okrs / period
        (folder / "checkins").mkdir(parents=True, exist_ok=True)
        for team in teams:
            text, pairs = _okr_set(team, rng, root=team == "company", period=period)
            write(folder / f"{team}.yaml", text)
            write(folder / "checkins" / f"{team}.yaml", _checkins(team, pairs, rng, monday, period))


def generate(root: Path, teams: int, seed: int = 7, weeks: int = WEEKS, periods: int = 1) -> Generated:
    """Write a repository of ``teams`` teams under ``root`` (deterministic for a seed).

    ``weeks`` of check-ins per KR (13, the quarter, by default; 2 makes small files of about
    250 lines, as many real repositories have). ``periods`` > 1 adds that many quarters minus
    one before 2026-Q4, closed, for the history.
    """
    rng = random.Random(seed * 1_000_003 + teams)
    okrs = root / "okrs"
    quarter = okrs / PERIOD
    (quarter / "checkins").mkdir(parents=True, exist_ok=True)
    files: list[Path] = []

    def write(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        files.append(path)

    (root / ".okrlint.yaml").write_text("paths: [okrs]\nroot_team: company\n", encoding="utf-8")
    ids = [f"team-{i:04d}" for i in range(1, teams + 1)]
    write(okrs / "teams.yaml", _teams(ids))
    write(okrs / "kpis.yaml", _kpis())
    write(quarter / "checkins" / "kpis.yaml", _kpi_measurements(rng))
    for team in ["company", *ids]:
        text, pairs = _okr_set(team, rng, root=team == "company")
        write(quarter / f"{team}.yaml", text)
        write(quarter / "checkins" / f"{team}.yaml", _checkins(team, pairs, rng, weeks=weeks))
    _write_earlier(okrs, ["company", *ids], seed, periods, write)
    return Generated(root, tuple(files), AS_OF)


def main() -> None:
    """Command line: generate one organisation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--teams", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--weeks", type=int, default=WEEKS, help="Weeks of check-ins (2: small files).")
    parser.add_argument("--periods", type=int, default=1, help="Quarters to write, 2026-Q4 and the ones before it.")
    args = parser.parse_args()
    result = generate(args.out, args.teams, args.seed, weeks=args.weeks, periods=args.periods)
    print(f"{len(result.files)} files, {result.bytes / 1e6:.1f} MB in {result.root} (lint with --as-of {result.as_of})")


if __name__ == "__main__":
    main()
