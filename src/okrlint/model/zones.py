"""Stretch zones of a metric KR (SPEC §4): the points baseline → commit → target → stretch must be in order."""

from __future__ import annotations

_ORDER = "baseline → commit → target → stretch"


def zone_order_problem(
    baseline: float | None, target: float, direction: str | None, commit: float | None, stretch: float | None
) -> tuple[str, str] | None:
    """Return (field, message) for the first zone point out of order in the KR's direction, else None.

    Target anchors the order: commit must lie between baseline and target, stretch beyond target.
    """
    up = target > baseline if baseline is not None and baseline != target else direction != "decrease"
    sign = 1.0 if up else -1.0
    ahead, behind = ("above", "below") if up else ("below", "above")
    if commit is not None and not sign * commit < sign * target:
        return "commit", f"commit: {commit:g} must be {behind} target ({target:g}); the points go {_ORDER}"
    if commit is not None and baseline is not None and not sign * commit > sign * baseline:
        return "commit", f"commit: {commit:g} must be {ahead} baseline ({baseline:g}); the points go {_ORDER}"
    if stretch is not None and not sign * stretch > sign * target:
        return "stretch", f"stretch: {stretch:g} must be {ahead} target ({target:g}); the points go {_ORDER}"
    return None
