"""Word lists written as one string, read in both spellings of -ize/-ise ("optimize", "optimise")."""

from __future__ import annotations

__all__ = ["word_set"]

# "-ize" and "-ise" with the suffixes they share, each spelling mapped to the other
_ENDINGS = {
    f"i{a}{suffix}": f"i{b}{suffix}"
    for a, b in ("sz", "zs")
    for suffix in ("e", "es", "ed", "ing", "ation", "ations", "er", "ers")
}
_ENDING_SIZES = sorted({len(ending) for ending in _ENDINGS}, reverse=True)


def word_set(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a word list written as one string, in both spellings of -ize/-ise.

    "optimized" also lists "optimised", "organisation" also "organization" (a pair that is not a word,
    such as "raize" for "raise", can never match and costs nothing).
    """
    words = text.split()
    others = []
    for word in words:
        if "iz" not in word and "is" not in word:  # most words: one scan in C
            continue
        for size in _ENDING_SIZES:
            swapped = _ENDINGS.get(word[-size:])
            if swapped is not None:
                others.append(word[:-size] + swapped)
                break
    return frozenset(words + others)
