"""The report formats: each writes the report data where the options say (a file, stdout or a folder)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrlint.report import DEFAULT_HTML_FOLDER
from okrlint.util.errors import UserError
from okrlint.util.jsontext import indented_json
from okrlint.util.output import refuse_links, write_output
from okrlint.util.records import record

if TYPE_CHECKING:
    from okrlint.report.pagecache import PageStore


@record
class WriteOptions:
    """Where and how to write a report: ``out`` (file, ``-`` or folder), Markdown summary only, templates, progress.

    ``root``: the repository, inside which no symbolic link on the way to ``out`` is written through.
    ``history``: Markdown prints the history of every period instead of the scorecard.
    ``others``: the report data of the other periods, for the HTML site's ``periods/<period>/``.
    ``pages``: where the HTML report keeps rendered team pages between runs (the cache), or None.
    """

    out: str | None = None
    summary: bool = False
    templates: Path | None = None
    progress: bool = False
    root: Path | None = None
    history: bool = False
    others: Iterable[Mapping[str, Any]] = ()
    pages: PageStore | None = None


def render_json(data: dict[str, Any]) -> str:
    """Return the report data as indented JSON text with a final newline."""
    return indented_json(data) + "\n"  # json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False), faster


def write_markdown(data: dict[str, Any], options: WriteOptions) -> None:
    """Write the report as Markdown to ``options.out`` (a file, or stdout)."""
    try:
        from okrlint.report.markdown import render_history_markdown, render_markdown
    except ImportError as error:
        raise UserError(f"--format md is not available in this installation ({error})") from None
    if options.history:
        text = render_history_markdown(data, templates=options.templates)
    else:
        text = render_markdown(data, summary=options.summary, templates=options.templates)
    write_output(text, options.out, options.root)


def write_html_folder(data: dict[str, Any], options: WriteOptions) -> None:
    """Write the report as an HTML folder at ``options.out`` (default: ``scorecard/``)."""
    out = options.out
    try:
        from okrlint.report.html import write_html
    except ImportError as error:
        raise UserError(f"--format html is not available in this installation ({error})") from None
    if out == "-":
        raise UserError("--format html writes a folder: give --out FOLDER, not '-'")
    folder = Path(out or DEFAULT_HTML_FOLDER)
    if options.root is not None:
        refuse_links(folder, options.root)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder}: --out for --format html must be a folder, and this is a file")
    write_html(
        data,
        folder,
        templates=options.templates,
        progress=options.progress,
        others=options.others,
        store=options.pages,
    )


def write_json(data: dict[str, Any], options: WriteOptions) -> None:
    """Write the report data as JSON to ``options.out`` (a file, or stdout)."""
    write_output(render_json(data), options.out, options.root)
