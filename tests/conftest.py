"""Shared pytest options.

``--update-golden`` rewrites golden files instead of comparing with them; ``--fuzz-long`` runs
the fuzz tests with many more examples (so does ``OKRLINT_FUZZ_EXAMPLES=N``) and lets every property test explore at
random (otherwise hypothesis is derandomised: the same examples every run).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

pytest_plugins = ["generated_org"]  # the ``org`` fixture: a generated organisation

FUZZ_EXAMPLES_CI = 30
FUZZ_EXAMPLES_LONG = 2_000


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--update-golden``."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from the current output",
    )
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        default=False,
        help="fuzz with many more examples (also: OKRLINT_FUZZ_EXAMPLES=N, OKRLINT_FUZZ_VARIANTS=N)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the hypothesis profiles: every property test derandomised (a run, and CI, fails or passes the same
    way each time) unless ``--fuzz-long`` asks for random exploration; the fuzz tests bounded as well."""
    long_run = bool(config.getoption("--fuzz-long", default=False))
    settings.register_profile("okrlint", derandomize=not long_run, database=None)
    settings.load_profile("okrlint")
    examples = int(os.environ.get("OKRLINT_FUZZ_EXAMPLES") or (FUZZ_EXAMPLES_LONG if long_run else FUZZ_EXAMPLES_CI))
    settings.register_profile(
        "okrlint-fuzz",
        max_examples=examples,
        deadline=None,
        derandomize=not long_run,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
