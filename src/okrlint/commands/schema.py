"""``okrlint schema [KIND]``."""

from __future__ import annotations

import json

import click

from okrlint.util.resources import SCHEMA_KINDS, load_schema


@click.command("schema")
@click.argument("kind", type=click.Choice(SCHEMA_KINDS), default="objectives")
def command(kind: str) -> int:
    """Print the JSON Schema of a document kind (objectives, kpis, checkins, teams, config, report)."""
    click.echo(json.dumps(load_schema(kind), indent=2, ensure_ascii=False))
    return 0
