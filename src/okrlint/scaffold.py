"""The files ``okrlint init`` writes: a small organisation for the current quarter that lints clean."""

from __future__ import annotations

import posixpath
from datetime import date, timedelta
from pathlib import Path

from okrlint import __version__
from okrlint.model.periods import Period, parse_period_id, period_containing
from okrlint.util.atomic import link_on_the_way, write_atomic
from okrlint.util.errors import UserError
from okrlint.util.records import record
from okrlint.util.resources import schema_path

SCHEMA_DIR = ".okrlint/schema"
SCHEMA_KINDS = ("objectives", "kpis", "checkins", "teams", "config")
HOOK_REPO = "https://github.com/okrlint/okrlint"
PRE_COMMIT_SCHEMA = "https://json.schemastore.org/pre-commit-config.json"
OWNER = "ceo@example.com"


@record
class ScaffoldFile:
    """One file to write: its ``/``-separated path inside the target folder and its text."""

    path: str
    text: str


@record
class Kr:
    """A key result of the example: id, title, YAML fields, and (baseline, target) for check-ins."""

    id: str
    title: str
    fields: str
    start: float
    end: float
    milestone: bool = False


OBJECTIVES: tuple[tuple[str, str, str, tuple[Kr, ...]], ...] = (
    (
        "grow-revenue",
        "Grow revenue from the customers who love the product",
        "committed",
        (
            Kr(
                "paying-customers",
                "Grow paying customers from 400 to 520",
                "baseline: 400\ntarget: 520\nunit: customers\nkpi: paying-customers",
                400,
                520,
            ),
            Kr(
                "monthly-churn",
                "Cut monthly churn from 3% to 2%",
                'baseline: 3\ntarget: 2\nunit: "%"\nkpi: monthly-churn',
                3,
                2,
            ),
            Kr("pricing-page", "Launch the new pricing page in 2 markets", "milestone: true", 0, 1, milestone=True),
        ),
    ),
    (
        "delight-customers",
        "Make support something customers recommend",
        "aspirational",
        (
            Kr(
                "nps",
                "Raise NPS from 35 to 45 (commit 40, stretch 50)",
                "# stretch zones: reaching commit scores 0.3, target 0.7, stretch 1.0\n"
                "baseline: 35\ncommit: 40\ntarget: 45\nstretch: 50\nunit: points\nkpi: nps",
                35,
                45,
            ),
            Kr(
                "first-response",
                "Cut median first-response time from 8 to 2 hours",
                "baseline: 8\ntarget: 2\nunit: hours",
                8,
                2,
            ),
            Kr(
                "satisfaction",
                "Keep support satisfaction between 90% and 100%",
                'range: {min: 90, max: 100}\nbaseline: 86\nunit: "%"',
                86,
                92,
            ),
        ),
    ),
    (
        "great-place-to-work",
        "Be a team people are proud to join",
        "aspirational",
        (
            Kr(
                "engagement",
                "Lift the team engagement score from 70 to 78 (stretch 82)",
                "baseline: 70\ntarget: 78\nstretch: 82\nunit: points",
                70,
                78,
            ),
            Kr("time-to-hire", "Cut time to hire from 45 to 30 days", "baseline: 45\ntarget: 30\nunit: days", 45, 30),
            Kr("career-ladder", "Roll out the career ladder to all 4 teams", "milestone: true", 0, 1, milestone=True),
        ),
    ),
)

KPIS = """\
kpis:
  - id: paying-customers
    name: Paying customers
    unit: customers
    direction: increase
    category: financial
    source: Billing system, count of active paid subscriptions on the last day of the week
    owner: finance@example.com
    cadence: weekly
    target: 500
  - id: monthly-churn
    name: Monthly churn
    unit: "%"
    direction: decrease
    category: customer
    source: Billing system, cancelled subscriptions / active subscriptions at the start of the month
    owner: finance@example.com
    cadence: monthly
    target: 2.5
  - id: nps
    name: Net Promoter Score
    unit: points
    direction: increase
    category: customer
    source: In-app NPS survey export, all active customers
    owner: support@example.com
    cadence: monthly
    range: {min: 40, max: 100}
"""
KPI_VALUES = {"paying-customers": (400, 520), "monthly-churn": (3, 2), "nps": (35, 45)}

TEAMS = """\
teams:
  - id: company
    name: Example Inc.
    owner: ceo@example.com
  - id: product
    name: Product
    parent: company
    owner: product@example.com
  - id: support
    name: Customer Support
    parent: company
    owner: support@example.com
"""


def _modeline(path: str, kind: str) -> str:
    """Return the yaml-language-server modeline pointing at the copied schema, relative to ``path``."""
    target = posixpath.relpath(f"{SCHEMA_DIR}/{kind}.schema.json", posixpath.dirname(path) or ".")
    return f"# yaml-language-server: $schema={target}\n"


def _number(value: float) -> str:
    rounded = round(value, 2)
    return str(int(rounded)) if float(rounded).is_integer() else f"{rounded:g}"


def checkin_dates(period: Period, today: date) -> list[date]:
    """Return the check-in dates: the period's start, halfway to today, and today (inside the period).

    On the period's first day there is no progress to show yet: no dates, so the scorecard
    says "no data yet" until the first real check-in.
    """
    last = min(max(today, period.start), period.end)
    if last == period.start:
        return []
    halfway = period.start + timedelta(days=(last - period.start).days // 2)
    return sorted({period.start, halfway, last})


def _progress(period: Period, day: date) -> float:
    """Return how far the example has come on ``day``: 80 % of the elapsed share of the period."""
    return 0.8 * period.elapsed(day)


def okr_set_text(path: str, period: Period) -> str:
    """Return the OKR set of the root team for ``period``."""
    lines = [
        _modeline(path, "objectives").rstrip("\n"),
        f"# The company's OKRs for {period.id} ({period.start} to {period.end}).",
        "# 3 to 5 objectives, each with 3 to 5 key results that say from what to what.",
        "# Check them with `okrlint lint`; see progress with `okrlint report --format html --out scorecard/`.",
        "team: company",
        f"period: {period.id}",
        f"owner: {OWNER}",
        "objectives:",
    ]
    for objective_id, title, kind, krs in OBJECTIVES:
        lines += [f"  - id: {objective_id}", f"    title: {title}", f"    type: {kind}", "    key_results:"]
        for kr in krs:
            lines += [f"      - id: {kr.id}", f"        title: {kr.title}"]
            lines += [f"        {row}" for row in kr.fields.splitlines()]
    return "\n".join(lines) + "\n"


def checkins_text(path: str, period: Period, today: date) -> str:
    """Return the check-in log: every KR and KPI, on each check-in date, moving towards its target."""
    lines = [
        _modeline(path, "checkins").rstrip("\n"),
        "# Progress on the key results, and KPI measurements. Append a row per check-in, or run",
        "#   okrlint checkin company/<objective>/<kr> VALUE",
        "team: company",
    ]
    dates = checkin_dates(period, today)
    lines.append("checkins:" if dates else "checkins: []  # nothing yet: the quarter has just begun")
    for day in dates:
        share = _progress(period, day)
        for objective_id, _title, _kind, krs in OBJECTIVES:
            for kr in krs:
                value = round(min(share * 1.1, 1.0), 2) if kr.milestone else kr.start + (kr.end - kr.start) * share
                lines += [
                    f"  - date: {day}",
                    f"    kr: {objective_id}/{kr.id}",
                    f"    value: {_number(value)}",
                    "    confidence: 0.7",
                ]
        for kpi_id, (start, end) in KPI_VALUES.items():
            lines += [f"  - date: {day}", f"    kpi: {kpi_id}", f"    value: {_number(start + (end - start) * share)}"]
    return "\n".join(lines) + "\n"


def config_text(fiscal_year_start_month: int) -> str:
    """Return ``.okrlint.yaml``."""
    return (
        _modeline(".okrlint.yaml", "config")
        + "# okrlint settings; every key is optional (see `okrlint schema config`).\n"
        + "paths: [okrs]\nroot_team: company\n"
        + f"fiscal_year_start_month: {fiscal_year_start_month}\n"
    )


def pre_commit_text() -> str:
    """Return ``.pre-commit-config.yaml``: okrlint's hook run from the installed okrlint (works offline)."""
    return (
        f"# yaml-language-server: $schema={PRE_COMMIT_SCHEMA}\n"
        "# Lint OKRs before every commit: pip install pre-commit && pre-commit install\n"
        "# This hook runs the okrlint installed in your environment, so it works offline and with\n"
        "# any way you installed okrlint. To let pre-commit install a pinned okrlint itself instead,\n"
        "# replace the `repo: local` entry with:\n"
        f"#   - repo: {HOOK_REPO}\n"
        f"#     rev: v{__version__}\n"
        "#     hooks:\n"
        "#       - id: okrlint\n"
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: okrlint\n"
        "        name: okrlint\n"
        "        entry: okrlint lint\n"
        "        language: system\n"
        "        types_or: [yaml, csv]\n"
        "        exclude: '(^|/)\\.'\n"
        "        require_serial: true\n"
    )


def scaffold_files(today: date, fiscal_year_start_month: int = 1) -> list[ScaffoldFile]:
    """Return every file of the example, for the quarter containing ``today``."""
    period = period_containing(today, fiscal_year_start_month)
    if parse_period_id(period.id, fiscal_year_start_month) is None:  # its fiscal year lies partly outside 1–9999
        raise UserError(f"{today}: its fiscal quarter cannot be named (its fiscal year is not in 0001–9999)")
    okr_path = f"okrs/{period.id}/company.yaml"
    log_path = f"okrs/{period.id}/checkins/company.yaml"
    files = [
        ScaffoldFile(".okrlint.yaml", config_text(fiscal_year_start_month)),
        ScaffoldFile(".pre-commit-config.yaml", pre_commit_text()),
        ScaffoldFile("okrs/teams.yaml", _modeline("okrs/teams.yaml", "teams") + TEAMS),
        ScaffoldFile("okrs/kpis.yaml", _modeline("okrs/kpis.yaml", "kpis") + KPIS),
        ScaffoldFile(okr_path, okr_set_text(okr_path, period)),
        ScaffoldFile(log_path, checkins_text(log_path, period, today)),
    ]
    files += [
        ScaffoldFile(f"{SCHEMA_DIR}/{kind}.schema.json", schema_path(kind).read_text(encoding="utf-8"))
        for kind in SCHEMA_KINDS
    ]
    return files


def existing_files(target: Path, files: list[ScaffoldFile]) -> list[str]:
    """Return the paths of ``files`` that already exist under ``target``."""
    return [f.path for f in files if (target / f.path).exists() or (target / f.path).is_symlink()]


def refuse_links(target: Path, files: list[ScaffoldFile]) -> None:
    """Raise UserError naming the first symbolic link (a subfolder or file of ``target``) ``files`` would go through."""
    links = {link_on_the_way(target.joinpath(*f.path.split("/")), target) for f in files}
    found = sorted(link for link in links if link is not None)
    if found:
        raise UserError(f"{found[0]}: is a symbolic link; okrlint init writes only real files and folders of {target}")


def write_files(target: Path, files: list[ScaffoldFile]) -> None:
    """Write every file atomically under ``target``; refuse before writing any when a link lies on the way."""
    refuse_links(target, files)
    for file in files:
        write_atomic(target.joinpath(*file.path.split("/")), file.text)
