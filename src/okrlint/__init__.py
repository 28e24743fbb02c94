"""okrlint: lint OKRs and KPIs kept as YAML, and render scorecards from check-ins."""

__version__ = "0.1.0"
