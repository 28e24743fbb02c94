"""Time okrlint against a bare libyaml parse, yamllint and check-jsonschema on generated organisations.

For each size it generates the organisation (``generate.py``), then, on the same files, runs
every measurement as a child process and records wall time and peak memory (``wait4``: the
largest process of the child's tree). Ratios are to the floor: a bare
``yaml.load(..., Loader=yaml.CSafeLoader)`` of every file, interpreter start-up included as
it is for every other row.

The history rows report on a second organisation with ``--history-periods`` quarters (8 by
default) of the same teams: the HTML site of every period, and ``--history`` as JSON and Markdown.

Usage: ``python benchmarks/run.py --teams 100 1000 5000 [--json out.json] [--work DIR]``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import Generated, generate

SCHEMAS = Path(__file__).resolve().parents[1] / "schema"
FLOOR = """
import sys, yaml
for name in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(name, encoding="utf-8") as stream:
        yaml.load(stream.read(), Loader=yaml.CSafeLoader)
"""


def _tool(name: str) -> str | None:
    """Return the path of a comparison tool: beside this Python first (a venv not activated), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


@dataclass
class Row:
    """One measurement: what ran, how long it took, its peak memory and exit code."""

    teams: int
    name: str
    seconds: float | None
    peak_mb: float | None
    exit_code: int | None
    note: str = ""
    cpu_seconds: float | None = None
    group: str = ""  # "small files" for the organisation of small files; ratios are to its own floor


ENV: dict[str, str] = {}


def measure(command: list[str], cwd: Path, timeout: float) -> Measured:
    """Run ``command``; return wall seconds, peak RSS in MB, exit code, a note and CPU seconds."""
    env = {**os.environ, "NO_COLOR": "1", **ENV}
    env.pop("GITHUB_ACTIONS", None)
    with tempfile.TemporaryFile() as errors:
        return _measure(command, cwd, timeout, env, errors)


Measured = tuple[float | None, float | None, int | None, str, float | None]


def _measure(command: list[str], cwd: Path, timeout: float, env: dict[str, str], errors: IO[bytes]) -> Measured:
    start = time.perf_counter()
    try:
        child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, env=env)
    except OSError as error:
        return None, None, None, f"cannot run: {error.strerror}", None
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            os.wait4(child.pid, 0)
            return None, None, None, f"timed out after {timeout:.0f} s", None
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    child.returncode = code
    errors.seek(0)
    error = errors.read().decode(errors="replace").strip()
    note = error.splitlines()[-1][:160] if code not in (0, 1) and error else ""
    return seconds, usage.ru_maxrss / 1024, code, note, usage.ru_utime + usage.ru_stime


class Bench:
    """Runs and records the measurements of one organisation."""

    def __init__(self, org: Generated, teams: int, timeout: float, group: str = "") -> None:
        self.org = org
        self.teams = teams
        self.timeout = timeout
        self.group = group
        self.rows: list[Row] = []

    def run(self, name: str, command: list[str], cwd: Path | None = None) -> Row:
        """Measure one command in the organisation's folder and print its line."""
        row = Row(self.teams, name, *measure(command, cwd or self.org.root, self.timeout), group=self.group)
        self.add(row)
        return row

    def add(self, row: Row) -> None:
        """Record a row and print its line."""
        self.rows.append(row)
        shown = "n/a" if row.seconds is None else f"{row.seconds:8.2f} s"
        cpu = "" if row.cpu_seconds is None else f"cpu {row.cpu_seconds:7.2f} s"
        print(
            f"  {row.name:<44} {shown:>10}  {cpu}  {row.peak_mb or 0:7.0f} MB  exit {row.exit_code}  {row.note}",
            flush=True,
        )


def bench_history(bench: Bench, work: Path, teams: int, seed: int, periods: int, report: list[str]) -> None:
    """Measure the history report on an organisation with ``periods`` quarters (the site has a folder per period).

    The note gives the CPU time per period relative to the one-period HTML row (CPU, so a busy
    machine does not blur it): about 1 when the cost grows linearly with periods × teams.
    """
    root = work / f"org-{teams}-history"
    shutil.rmtree(root, ignore_errors=True)
    org = generate(root, teams, seed, periods=periods)
    print(f"  ({periods} periods: {len(org.files)} files, {org.bytes / 1e6:.1f} MB)", flush=True)
    site = work / f"html-{teams}-history"
    shutil.rmtree(site, ignore_errors=True)
    one = next((r for r in bench.rows if r.name == "okrlint report --format html"), None)
    html = Row(
        teams,
        f"okrlint report --format html, {periods} periods",
        *measure([*report, "--format", "html", "--out", str(site)], root, bench.timeout),
    )
    if html.cpu_seconds and one and one.cpu_seconds:
        per_period = html.cpu_seconds / periods / one.cpu_seconds
        html.note = html.note or f"CPU per period {per_period:.2f} × the 1-period html row"
    bench.add(html)
    out = str(work / "history.json")
    bench.run(
        f"okrlint report --format json --history, {periods} periods",
        [*report, "--format", "json", "--history", "--out", out],
        cwd=root,
    )
    bench.run(
        f"okrlint report --format md --history, {periods} periods",
        [*report, "--format", "md", "--history", "--out", str(work / "history.md")],
        cwd=root,
    )


def _change_last_value(log: Path) -> None:
    """Change the last numeric check-in value of ``log`` (a digit put before it), so its team's scores change."""
    text = log.read_text(encoding="utf-8")
    found = list(re.finditer(r"value: (?=\d)", text))
    if found:
        text = f"{text[: found[-1].end()]}1{text[found[-1].end() :]}"
        log.write_text(text, encoding="utf-8")


def bench_one(
    teams: int,
    work: Path,
    seed: int,
    compare: bool,
    timeout: float,
    full: bool = True,
    jsonschema: bool = True,
    history_periods: int = 8,
) -> list[Row]:
    """Generate one organisation and measure everything on it."""
    root = work / f"org-{teams}"
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    org = generate(root, teams, seed)
    print(
        f"\n{teams} teams: {len(org.files)} files, {org.bytes / 1e6:.1f} MB "
        f"(generated in {time.perf_counter() - started:.1f} s)",
        flush=True,
    )
    bench = Bench(org, teams, timeout)
    names = work / f"files-{teams}.txt"
    names.write_text("\n".join(str(p) for p in org.files) + "\n", encoding="utf-8")
    okrlint = [sys.executable, "-m", "okrlint"]
    lint = [*okrlint, "lint", "--as-of", org.as_of, "--format", "json"]
    one = org.root / "okrs" / "2026-Q4" / "checkins" / f"team-{max(1, teams // 2):04d}.yaml"
    cache = org.root / ".okrlint_cache"

    bench.run("floor: libyaml CSafeLoader parse", [sys.executable, "-c", FLOOR, str(names)])
    bench.run("okrlint --version", [*okrlint, "--version"])
    bench.run("import of the lint path", [sys.executable, "-c", "import okrlint.commands.lint, okrlint.lint.rules"])
    bench.run("okrlint lint --no-cache", [*lint, "--no-cache"])
    shutil.rmtree(cache, ignore_errors=True)
    bench.run("okrlint lint, cold (empty cache)", lint)
    bench.run("okrlint lint, warm (cache)", lint)
    bench.run("okrlint lint 1 file, repo unchanged (cache)", [*lint, str(one)])
    with one.open("a", encoding="utf-8") as stream:
        stream.write("# edited\n")
    bench.run("okrlint lint 1 file, just edited (cache)", [*lint, str(one)])
    okr_set = one.parent.parent / one.name  # that team's OKR set
    with okr_set.open("a", encoding="utf-8") as stream:
        stream.write("# edited\n")
    bench.run("okrlint lint 1 OKR set, just edited (cache)", [*lint, str(okr_set)])
    with okr_set.open("a", encoding="utf-8") as stream:
        stream.write("# edited again\n")
    bench.run("okrlint lint, whole repo after an edit (cache)", lint)
    if full:
        bench.run("okrlint lint 1 file --no-cache", [*lint, "--no-cache", str(one)])
    html = work / f"html-{teams}"
    shutil.rmtree(html, ignore_errors=True)
    report = [*okrlint, "report", "--as-of", org.as_of]
    if full:
        html_command = [*report, "--format", "html", "--out", str(html)]
        bench.run("okrlint report --format html --no-cache", [*html_command, "--no-cache"])
        shutil.rmtree(cache, ignore_errors=True)
        bench.run("okrlint lint, cold (before the report)", lint)
        bench.run("okrlint report --format html", html_command)  # the cache as lint just left it
        bench.run("okrlint report --format html again (pages cached)", html_command)
        _change_last_value(one)  # that team's page (and scores) change; every other page comes from the cache
        bench.run("okrlint report --format html, 1 log changed (cache)", html_command)
        bench.run("okrlint report --format json", [*report, "--format", "json", "--out", str(work / "report.json")])
    yamllint = _tool("yamllint")
    if yamllint:  # one file is quick: always measured, it is what the pre-commit rows compare with
        bench.run("yamllint 1 file", [yamllint, "-f", "parsable", str(one)])
        bench.run("yamllint 1 OKR set", [yamllint, "-f", "parsable", str(okr_set)])
    if full and history_periods > 1:
        bench_history(bench, work, teams, seed, history_periods, report)
    if compare:
        if yamllint:
            bench.run("yamllint (default config)", [yamllint, "-f", "parsable", "okrs"])
        checker = _tool("check-jsonschema")
        if checker and jsonschema:
            total = [0.0, 0.0, 0.0]
            for kind, pattern in (
                ("objectives", "2026-Q4/*.yaml"),
                ("checkins", "2026-Q4/checkins/*.yaml"),
                ("teams", "teams.yaml"),
                ("kpis", "kpis.yaml"),
            ):
                files = [str(p) for p in sorted((org.root / "okrs").glob(pattern))]
                seconds, peak, _, _, cpu = measure(
                    [checker, "--schemafile", str(SCHEMAS / f"{kind}.schema.json"), *files], org.root, timeout
                )
                total = [total[0] + (seconds or 0), max(total[1], peak or 0), total[2] + (cpu or 0)]
            bench.add(Row(bench.teams, "check-jsonschema (4 schemas)", total[0], total[1], 0, "", total[2]))
    return bench.rows


def bench_small(teams: int, work: Path, seed: int, timeout: float) -> list[Row]:
    """Measure lint on an organisation of small files (2 weeks of check-ins, about 250 lines a file)."""
    root = work / f"org-{teams}-small"
    shutil.rmtree(root, ignore_errors=True)
    org = generate(root, teams, seed, weeks=2)
    print(f"\n{teams} teams, small files: {len(org.files)} files, {org.bytes / 1e6:.1f} MB", flush=True)
    bench = Bench(org, teams, timeout, group="small files")
    names = work / f"files-{teams}-small.txt"
    names.write_text("\n".join(str(p) for p in org.files) + "\n", encoding="utf-8")
    lint = [sys.executable, "-m", "okrlint", "lint", "--as-of", org.as_of, "--format", "json"]
    one = org.root / "okrs" / "2026-Q4" / "checkins" / f"team-{max(1, teams // 2):04d}.yaml"
    bench.run("floor: libyaml CSafeLoader parse", [sys.executable, "-c", FLOOR, str(names)])
    bench.run("okrlint lint --no-cache", [*lint, "--no-cache"])
    bench.run("okrlint lint, cold (empty cache)", lint)
    bench.run("okrlint lint 1 file, repo unchanged (cache)", [*lint, str(one)])
    with one.open("a", encoding="utf-8") as stream:
        stream.write("# edited\n")
    bench.run("okrlint lint 1 file, just edited (cache)", [*lint, str(one)])
    yamllint = _tool("yamllint")
    if yamllint:
        bench.run("yamllint 1 file", [yamllint, "-f", "parsable", str(one)])
    return bench.rows


def ratios(rows: list[Row]) -> None:
    """Print each row as a ratio to the floor of its size."""
    floors = {(r.teams, r.group): r.seconds for r in rows if r.name.startswith("floor") and r.seconds}
    print("\nteams  measurement                                   seconds  × floor  cpu s  peak MB")
    for r in rows:
        floor = floors.get((r.teams, r.group))
        ratio = f"{r.seconds / floor:7.2f}" if r.seconds is not None and floor else "    n/a"
        seconds = f"{r.seconds:8.2f}" if r.seconds is not None else "     n/a"
        cpu = f"{r.cpu_seconds:6.2f}" if r.cpu_seconds is not None else "   n/a"
        name = f"{r.group}: {r.name}" if r.group else r.name
        print(f"{r.teams:5}  {name:<44} {seconds} {ratio} {cpu}  {r.peak_mb or 0:7.0f}  {r.note}")


def markdown(rows: list[Row]) -> str:
    """Return the results as Markdown tables, one per size, with ratios to the floor (wall and CPU)."""
    out = []
    for teams, group in dict.fromkeys((r.teams, r.group) for r in rows):
        mine = [r for r in rows if (r.teams, r.group) == (teams, group)]
        floor = next((r for r in mine if r.name.startswith("floor")), None)
        out += [
            f"#### {teams} teams" + (f", {group}" if group else ""),
            "",
            "| measurement | wall s | × floor | CPU s | CPU × floor | peak MB |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for r in mine:
            wall = f"{r.seconds:.2f}" if r.seconds is not None else "n/a"
            ratio = f"{r.seconds / floor.seconds:.2f}" if r.seconds and floor and floor.seconds else "n/a"
            cpu = f"{r.cpu_seconds:.2f}" if r.cpu_seconds is not None else "n/a"
            cpu_ratio = (
                f"{r.cpu_seconds / floor.cpu_seconds:.2f}"
                if r.cpu_seconds is not None and floor and floor.cpu_seconds
                else "n/a"
            )
            out.append(f"| {r.name} | {wall} | {ratio} | {cpu} | {cpu_ratio} | {r.peak_mb or 0:.0f} |")
        out.append("")
    return "\n".join(out)


def snapshot(work: Path) -> Path:
    """Copy okrlint's code as it is now, so edits made during a long run do not mix versions."""
    here = Path(__file__).resolve().parents[1]
    target = work / "okrlint-snapshot"
    shutil.rmtree(target, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(here / "src" / "okrlint", target / "src" / "okrlint", ignore=ignore)
    for name in ("schema", "templates"):
        shutil.copytree(here / name, target / name, ignore=ignore)
    # Byte-compile it as pip does on install (yamllint's .pyc files come from its install): with
    # PYTHONDONTWRITEBYTECODE set, every run would otherwise compile okrlint from source again.
    compileall.compile_dir(target / "src", quiet=1)
    return target / "src"


def machine() -> dict[str, str]:
    """Describe the machine and software the numbers come from."""
    import yaml

    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "pyyaml": yaml.__version__,
        "libyaml": str(yaml.__with_libyaml__),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def main() -> None:
    """Command line: generate, measure, print, optionally save JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None, help="Folder for generated files (default: temporary).")
    parser.add_argument(
        "--compare-up-to",
        type=int,
        default=1000,
        help="Run yamllint and check-jsonschema only up to this many teams (they are slow).",
    )
    parser.add_argument(
        "--check-jsonschema-up-to", type=int, default=1000, help="Run check-jsonschema only up to this many teams."
    )
    parser.add_argument(
        "--full-up-to",
        type=int,
        default=10**9,
        help="Above this many teams, skip the report, history and '1 file --no-cache' rows.",
    )
    parser.add_argument(
        "--history-periods",
        type=int,
        default=8,
        help="Quarters of the organisation the history rows report on (1 skips them).",
    )
    parser.add_argument(
        "--small-up-to",
        type=int,
        default=100,
        help="Also measure an organisation of small files up to this many teams.",
    )
    parser.add_argument("--no-compare", action="store_true", help="Skip yamllint and check-jsonschema.")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    parser.add_argument("--markdown", type=Path, default=None, help="Also write Markdown tables here.")
    parser.add_argument("--live", action="store_true", help="Run the installed okrlint, not a snapshot of src/.")
    args = parser.parse_args()
    info = machine()
    print(" | ".join(f"{k}: {v}" for k, v in info.items()))
    work = args.work or Path(tempfile.mkdtemp(prefix="okrlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.live:
        ENV["PYTHONPATH"] = str(snapshot(work.resolve()))
    rows: list[Row] = []
    try:
        for teams in args.teams:
            compare = not args.no_compare and teams <= args.compare_up_to
            rows += bench_one(
                teams,
                work.resolve(),
                args.seed,
                compare,
                args.timeout,
                teams <= args.full_up_to,
                teams <= args.check_jsonschema_up_to,
                args.history_periods,
            )
            if teams <= args.small_up_to:
                rows += bench_small(teams, work.resolve(), args.seed, args.timeout)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    ratios(rows)
    if args.markdown:
        args.markdown.write_text(markdown(rows), encoding="utf-8")
    if args.json:
        args.json.write_text(
            json.dumps({"machine": info, "rows": [asdict(r) for r in rows]}, indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
