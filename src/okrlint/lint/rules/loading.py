"""Rules whose findings come from reading files: E001, E002, E003, E006, E007, E011."""

from __future__ import annotations

from okrlint.lint.findings import Severity
from okrlint.lint.registry import declare

declare(
    "E001",
    "yaml-syntax",
    Severity.ERROR,
    "The file is not well-formed YAML.",
    """
    ## What it does
    Reports a file the YAML parser cannot read, at the position of the parser error.

    ## Why is this bad?
    Nothing in a file that does not parse can be checked or scored.

    ## Example
    ```yaml
    objectives: [
      - id: growth
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives: []
    ```
""",
)

declare(
    "E002",
    "schema",
    Severity.ERROR,
    "A document breaks its JSON Schema.",
    """
    ## What it does
    Checks each document against the JSON Schema of its kind (`okrlint schema KIND`) and reports
    one finding per violation at the offending node: unknown keys (with the nearest known key),
    missing keys, wrong types, impossible dates, non-string keys.

    ## Why is this bad?
    A misspelt key (`titel:`) is silently ignored by most tools; here it would hide data from
    every check and from the scorecard.

    ## Example
    ```yaml
    team: payments
    period: 2026-Q4
    objectives:
      - id: growth
        titel: Grow the business
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives: []
    ```
""",
)

declare(
    "E003",
    "duplicate-key",
    Severity.ERROR,
    "A mapping repeats a key.",
    """
    ## What it does
    Reports a key that appears twice in one mapping.

    ## Why is this bad?
    YAML parsers disagree on which value wins, so the file means different things to different tools.

    ## Example
    ```yaml
    team: payments
    team: growth
    period: 2026-Q4
    objectives: []
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives: []
    ```
""",
)

declare(
    "E006",
    "unsafe-yaml",
    Severity.ERROR,
    "Unsafe or oversized YAML.",
    """
    ## What it does
    Refuses tags outside the YAML core schema (such as `!!python/object`), anchors and aliases
    that expand past `max_nodes`, nesting deeper than `max_depth` and files larger than
    `max_file_bytes`. Nothing in such a file is constructed or executed.

    ## Why is this bad?
    OKR files come from pull requests by anyone; a tag that constructs objects or an alias bomb
    must never run or exhaust the CI machine.

    ## Example
    ```yaml
    team: !!python/object/apply:os.system ["echo pwned"]
    period: 2026-Q4
    objectives: []
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives: []
    ```
""",
)

declare(
    "E007",
    "unreadable",
    Severity.ERROR,
    "The file cannot be read as an okrlint document.",
    """
    ## What it does
    Reports a file that is not UTF-8 (a BOM is fine), is empty, holds more than one YAML
    document, whose top level is not a mapping, or that has none of the top-level keys
    `objectives`, `kpis`, `checkins`, `teams`.

    ## Why is this bad?
    okrlint decides what a file is from its top-level key; a file it cannot classify is
    silently left out of every check and report.

    ## Example
    ```yaml
    goals:
      - grow
    ```

    ## Use instead
    ```yaml
    team: payments
    period: 2026-Q4
    objectives: []
    ```
""",
)

declare(
    "E011",
    "bad-suppression",
    Severity.WARNING,
    "An `okrlint:` comment names an unknown rule or is malformed.",
    """
    ## What it does
    Reports an `# okrlint: disable=...` or `# okrlint: disable-file=...` comment that names a
    code or rule name no rule has (`S2O1` with the letter O) or that is not written as
    `disable=CODE[,CODE]` / `disable-file=CODE[,CODE]`. Such a comment suppresses nothing.
    Only real comments are directives: the same text inside a title or note is just text.

    ## Why is this bad?
    A typo in a suppression silently does nothing, so the finding it was meant to silence
    keeps failing the build, or a reader believes a finding is waived when it is not.

    ## Example
    ```yaml
    teams:
      - id: payments  # okrlint: disable=S2O1
        name: Payments
    ```

    ## Use instead
    ```yaml
    teams:
      - id: payments  # okrlint: disable=S201
        name: Payments
    ```
""",
)
