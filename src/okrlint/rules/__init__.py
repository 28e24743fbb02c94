"""The rule catalogue; importing this package registers every rule, in this explicit list."""

from okrlint.rules import integrity, loading

__all__ = ["integrity", "loading"]
