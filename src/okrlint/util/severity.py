"""How serious a finding is: set by rules, overridden and thresholded by the configuration."""

from __future__ import annotations

import enum


class Severity(enum.IntEnum):
    """How serious a finding is; higher is worse, so severities compare naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Return the severity named by ``text`` (``error``, ``warning`` or ``info``)."""
        return cls[text.strip().upper()]
