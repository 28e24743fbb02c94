"""Would a linear model over words and grammar judge unseen titles better than the grammar? (issue 12)

Usage: ``python benchmarks/title_model.py [--kind K] [--orgs] [--list] [--holdout]``, from the
repository root.

For S201 (``vague``) and Q301 (``activity``) this trains a logistic regression (pure Python,
AdaGrad with an L2 penalty) on the tuned sets of the labelled corpus (``TUNED_SETS`` in
``tests/lint/test_corpus.py``) and measures it **leave one organisation out**: each
organisation's titles are judged by a model trained on the other organisations only. Its
features are the grammar's verdict (``judge_wording``, ``find_activity``), the leading verb and
its class, word stems and word pairs, and the words around each count; ``vague-words`` is the
S201 model without anything the grammar decided (words, pairs, lead verb, length only). Printed
per mode of issue 12 (``pasted``: no fields; ``milestones``: deliverables exempt): the grammar
alone, the model alone and "grammar OR model probability >= t" for a few t. ``choose`` picks,
on these cross-validated numbers only, the candidate with the best recall whose precision
clears the ship bar plus a margin; ``--holdout`` then measures that one rule on the holdout
set with a model fitted on every tuned set, printing precision and recall only, never titles.

The grammar's word lists were written while reading the tuned titles, so its share of every
number here is not cross-validated. The holdout was read this way once, on 2026-11-28; the
rule did not meet the bar (benchmarks/README.md), so okrlint ships the grammar and no weights.
Do not use ``--holdout`` to choose between rules: that would make the holdout a tuned set.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from okrlint.lint.activities import find_activity  # noqa: E402
from okrlint.lint.activity_words import OUTCOME_NOUNS, OUTPUT_NOUNS, STAFF_NOUNS, STRONG_VERBS, WEAK_VERBS  # noqa: E402
from okrlint.lint.deliverables import DELIVERY_VERBS, VAGUE_CUES, VAGUE_VERBS, judge_wording, lemma, word_set  # noqa: E402
from okrlint.lint.measurable import measures  # noqa: E402
from okrlint.lint.quantities import quantities, title_numbers  # noqa: E402
from okrlint.util.lazyre import lazy_compile  # noqa: E402

sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "lint")]
from test_corpus import BLIND_SETS, TUNED_SETS  # noqa: E402

CORPUS = ROOT / "tests" / "lint" / "corpus"
SETS = TUNED_SETS
KINDS = ("vague", "vague-words", "activity")
POSITIVE = {"vague": "vague", "vague-words": "vague", "activity": "activity"}
_TOKEN_RE = lazy_compile(r"[^\W\d_][\w'’-]*|\d[\d.,/:]*%?|[$€£%]")
_STOP = word_set("a an the of to for and or in on with by at from as our we is are be into its their")
_SKIP = word_set("stretch kr key result we we'll we've i also then fully first let's")
_QUALIFIERS = word_set("at least over more than up to another additional a an total the top new roughly about")
_UNIT_NAMES = frozenset({"%", "$", "x", "k", "m", "ms", "s", "h", "d", "days", "hours", "weeks", "minutes", "cadence"})


def stem(word: str) -> str:
    """Return a crude stem that folds plurals and tenses together (improves, improved, improving -> improv)."""
    word = word.lower().strip("'’-")
    for suffix in ("ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith(("ss", "us", "is")):
            word = word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _tokens(title: str) -> list[str]:
    """Return the title's words, numbers and money or percent signs, lowercased."""
    return [t.lower() for t in _TOKEN_RE.findall(unicodedata.normalize("NFKC", title).replace("’", "'"))]


def _head(words: list[str]) -> str:
    """Return the first word that can carry the title's verb, past prefixes such as "Stretch:" or "We"."""
    return next((w for w in words if w[0].isalpha() and w not in _SKIP), "")


def _word_class(word: str) -> str:
    """Return the grammar's class of a word: delivery verb, vague verb, vague cue or other."""
    if word in VAGUE_CUES:
        return "cue"
    if lemma(word, VAGUE_VERBS):
        return "vague-verb"
    return "delivery-verb" if lemma(word, DELIVERY_VERBS) else "other"


def _bag(words: list[str]) -> list[str]:
    """Return word-stem and word-pair features of a run of words (stop words left out of stems)."""
    stems = ["#" if w[0].isdigit() else stem(w) for w in words if w[0].isalnum()]
    bag = [f"w:{s}" for s in stems if s not in _STOP]
    bag += [f"b:{a}_{b}" for a, b in itertools.pairwise(stems)]
    return bag


def _vague_features(title: str) -> list[str]:
    """Return the features of a title for the vague model: grammar verdict, lead verb, stems, pairs."""
    verdict = judge_wording(title)
    words = _tokens(title)
    head = _head(words)
    found = [f"g:{verdict.kind}", f"lead:{stem(head)}", f"leadclass:{_word_class(head)}"]
    found += [f"gw:{stem(w)}" for w in verdict.words[:3]]
    found += ["cue"] * any(w in VAGUE_CUES for w in words)
    found += ["sentences"] * (". " in title.strip().rstrip(".")) + ["colon"] * (":" in title)
    found += [f"len:{min(len(words) // 4, 5)}"]
    return found + _bag(words)


def _count_features(words: list[str], i: int) -> list[str]:
    """Return the features of the words around one count: the word before it and the noun after it."""
    j = i - 1
    while j >= 0 and words[j] in _QUALIFIERS:
        j -= 1
    before = words[j] if j >= 0 else "^"
    k = i + 1
    while k < len(words) and words[k] in _QUALIFIERS | {"+", "of"}:
        k += 1
    after = words[k : k + 3]
    nouns = [w for w in after if w[0].isalpha()]
    found = [f"prev:{stem(before)}", f"verb:{_verb_class(before)}"]
    found += [f"next:{stem(n)}" for n in nouns[:2]]
    found += [f"noun:{_noun_class(n)}" for n in nouns[:2]]
    return found


def _verb_class(word: str) -> str:
    """Return the activity grammar's class of the word before a count."""
    if word == "^":
        return "opens"
    if lemma(word, STRONG_VERBS):
        return "strong"
    return "weak" if lemma(word, WEAK_VERBS) else "other"


def _noun_class(word: str) -> str:
    """Return the activity grammar's class of a noun after a count: output, staff, outcome or other."""
    for name, nouns in (("output", OUTPUT_NOUNS), ("staff", STAFF_NOUNS), ("outcome", OUTCOME_NOUNS)):
        if word in nouns or word.rstrip("s") in nouns or (word.endswith("ies") and word[:-3] + "y" in nouns):
            return name
    return "other"


def _activity_features(title: str) -> list[str]:
    """Return the features of a title for the activity model: grammar verdict, counts, units, stems."""
    words = _tokens(title)
    found = ["g:activity" if find_activity(title) is not None else "g:none"]
    found += ["g:from-to"] * (title_numbers(title)[0] is not None)
    units = {q.unit if q.unit in _UNIT_NAMES else "unit" for q in quantities(title) if q.unit}
    found += [f"unit:{u}" for u in sorted(units)]
    plain = {q.start for q in quantities(title) if q.value is not None and not q.unit and q.per is None}
    offsets = _offsets(title, words)
    for i, start in enumerate(offsets):
        if start in plain:
            found += _count_features(words, i)
    found += [f"lead:{stem(_head(words))}"]
    return found + _bag(words)


def _offsets(title: str, words: list[str]) -> list[int]:
    """Return where each token starts in the NFKC title, to line tokens up with quantities."""
    text = unicodedata.normalize("NFKC", title).replace("’", "'").lower()
    offsets, at = [], 0
    for word in words:
        at = text.find(word, at)
        offsets.append(at)
        at += len(word)
    return offsets


@lru_cache(maxsize=8192)
def features(kind: str, title: str) -> tuple[str, ...]:
    """Return the features the ``kind`` model reads in a title, once each, in order."""
    found = _activity_features(title) if kind == "activity" else _vague_features(title)
    if kind == "vague-words":  # the words alone: nothing the grammar (written on these titles) decided
        found = [f for f in found if not f.startswith(("g:", "gw:", "leadclass:", "cue"))]
    return tuple(dict.fromkeys(found))


GATES: dict[str, Callable[[str], bool]] = {
    "vague": lambda t: not measures(t),
    "activity": lambda t: any(q.unit == "cadence" or (q.value is not None and not q.unit) for q in quantities(t)),
}
GATES["vague-words"] = GATES["vague"]
GRAMMAR: dict[str, Callable[[str], bool]] = {
    "vague": lambda t: judge_wording(t).kind == "vague",
    "activity": lambda t: find_activity(t) is not None,
}
GRAMMAR["vague-words"] = GRAMMAR["vague"]
ORGS = {"ipfs": "protocol-labs", "ipld": "protocol-labs", "libp2p": "protocol-labs", "ipfs-shipyard": "protocol-labs",
        "spicysoft": "gitlab", "https": "chromium", "nodejs": "nodejs"}  # fmt: skip
MIN_COUNT = 2
MODES = ("pasted", "milestones")
COMBO_CUTS = (0.5, 0.6, 0.7, 0.8, 0.9)
MARGIN = 0.03
Decider = Callable[[int], bool]
Numbers = dict[str, tuple[float, float, int, int, int]]
L2 = 0.01
EPOCHS = 40
RATE = 0.3


def organisation(source: str) -> str:
    """Return the organisation a source belongs to (its repository owner, grouped as in the README)."""
    owner = source.split(":")[0].split("/")[0]
    return ORGS.get(owner, owner.lower())


def load(names: Sequence[str]) -> list[dict[str, Any]]:
    """Return every labelled title of the named sets, with the set it comes from and its organisation."""
    entries = []
    for name in names:
        for entry in yaml.safe_load((CORPUS / f"{name}.yaml").read_text("utf-8")):
            entries.append(entry | {"set": name, "org": organisation(entry["source"])})
    return entries


def fit(rows: Sequence[tuple[tuple[str, ...], int]]) -> tuple[float, dict[str, float]]:
    """Return the bias and weights of a logistic regression fitted to (features, label) rows."""
    seen = Counter(f for feats, _ in rows for f in feats)
    kept = [([f for f in feats if seen[f] >= MIN_COUNT], y) for feats, y in rows]
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(kept)))
    rng = random.Random(12)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y = kept[i]
            score = bias + sum(weights.get(f, 0.0) for f in feats)
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score)))) - y
            bias_sq += error * error
            bias -= RATE * error / math.sqrt(bias_sq)
            for f in feats:
                w = weights.get(f, 0.0)
                grad = error + L2 * w
                squares[f] = squares.get(f, 1e-8) + grad * grad
                weights[f] = w - RATE * grad / math.sqrt(squares[f])
    return bias, {f: w for f, w in weights.items() if abs(w) >= 0.02}


def probability(model: tuple[float, dict[str, float]], feats: Sequence[str]) -> float:
    """Return the probability a fitted model gives a title."""
    bias, weights = model
    score = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def out_of_fold(kind: str, entries: list[dict[str, Any]]) -> dict[int, float]:
    """Return each gated title's probability from a model trained without its organisation."""
    gated = [i for i, e in enumerate(entries) if GATES[kind](e["title"])]
    rows = {i: (features(kind, entries[i]["title"]), int(entries[i]["label"] == POSITIVE[kind])) for i in gated}
    result: dict[int, float] = {}
    for org in sorted({entries[i]["org"] for i in gated}):
        model = fit([rows[i] for i in gated if entries[i]["org"] != org])
        result |= {i: probability(model, rows[i][0]) for i in gated if entries[i]["org"] == org}
    return result


def scores(said: Sequence[bool], truth: Sequence[bool]) -> tuple[float, float, int, int, int]:
    """Return precision, recall, true positives, false positives and false negatives."""
    tp = sum(s and t for s, t in zip(said, truth, strict=True))
    fp = sum(s and not t for s, t in zip(said, truth, strict=True))
    fn = sum(t and not s for s, t in zip(said, truth, strict=True))
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp, fn


def rule_says(kind: str, entries: list[dict[str, Any]], fires: Callable[[int], bool], mode: str) -> list[bool]:
    """Return whether the rule fires on each title in a mode (milestones exempt deliverables)."""
    return [
        not (mode == "milestones" and e["label"] == "deliverable") and GATES[kind](e["title"]) and fires(i)
        for i, e in enumerate(entries)
    ]


def f1(p: float, r: float) -> float:
    """Return the harmonic mean of a precision and a recall."""
    return 2 * p * r / (p + r) if p + r else 0.0


def best_threshold(kind: str, entries: list[dict[str, Any]], oof: dict[int, float]) -> float:
    """Return the threshold with the best out-of-fold F1 of the rule on pasted titles."""
    truth = [e["label"] == POSITIVE[kind] for e in entries]
    best, chosen = -1.0, 0.5
    for step in range(20, 81):
        cut = step / 100
        p, r, *_ = scores(rule_says(kind, entries, lambda i, cut=cut: oof.get(i, 0.0) >= cut, "pasted"), truth)
        if f1(p, r) > best + 1e-9:
            best, chosen = f1(p, r), cut
    return chosen


def deciders(kind: str, entries: list[dict[str, Any]], prob: dict[int, float], cut: float) -> dict[str, Decider]:
    """Return the candidate rules: the grammar, the model alone, and the grammar OR the model at a few thresholds."""
    grammar = {i for i, e in enumerate(entries) if GRAMMAR[kind](e["title"])}
    found: dict[str, Decider] = {"grammar": grammar.__contains__}
    for t in sorted({cut, *COMBO_CUTS}):
        found[f"model>={t:.2f}"] = lambda i, t=t: prob.get(i, 0.0) >= t
    for t in COMBO_CUTS:
        found[f"grammar|model>={t:.2f}"] = lambda i, t=t: i in grammar or prob.get(i, 0.0) >= t
    return found


def measure(kind: str, entries: list[dict[str, Any]], fires: Decider) -> dict[str, tuple[float, float, int, int, int]]:
    """Return precision, recall and counts of a rule in each mode."""
    truth = [e["label"] == POSITIVE[kind] for e in entries]
    return {mode: scores(rule_says(kind, entries, fires, mode), truth) for mode in MODES}


def choose(numbers: dict[str, Numbers]) -> str:
    """Return the rule to try: the best recall among those whose precision clears the bar in both modes.

    The grammar alone is the baseline, not a candidate. The bar is set above the ship bar (pasted
    0.84, milestones 0.90) by ``MARGIN``, since the grammar's part of every rule was written on
    these titles and so looks better here than blind. Ties go to the better pasted precision. When no
    candidate clears the bar, the grammar alone is the answer.
    """
    fit_for = [
        n
        for n, m in numbers.items()
        if n != "grammar" and m["pasted"][0] >= 0.84 + MARGIN and m["milestones"][0] >= 0.90 + MARGIN
    ]
    return max(fit_for, key=lambda n: (numbers[n]["pasted"][1], numbers[n]["pasted"][0]), default="grammar")


def print_numbers(kind: str, part: str, numbers: dict[str, Numbers]) -> None:
    """Print one line per rule and mode."""
    for name, by_mode in numbers.items():
        for mode, (p, r, tp, fp, fn) in by_mode.items():
            print(f"{kind:>8} {part:>14} {name:>20} {mode:>10}: P {p:.3f} R {r:.3f} (tp {tp}, fp {fp}, fn {fn})")


def cross_validated(kind: str, entries: list[dict[str, Any]], per_org: bool, listing: bool) -> tuple[str, Numbers]:
    """Print every candidate rule's out-of-organisation numbers on the tuned sets and return the chosen one."""
    oof = out_of_fold(kind, entries)
    cut = best_threshold(kind, entries, oof)
    print(f"{kind}: {len(entries)} tuned titles, model threshold of best out-of-fold F1 {cut:.2f}")
    rules = deciders(kind, entries, oof, cut)
    numbers = {name: measure(kind, entries, fires) for name, fires in rules.items()}
    print_numbers(kind, "all (CV)", numbers)
    for org in sorted({e["org"] for e in entries}) if per_org else ():
        index = [i for i, e in enumerate(entries) if e["org"] == org]
        part = [entries[i] for i in index]
        sub = {name: measure(kind, part, lambda j, f=f, index=index: f(index[j])) for name, f in rules.items()}
        print_numbers(kind, org, sub)
    chosen = choose(numbers)
    print(f"{kind}: chosen on the cross-validated numbers: {chosen}")
    for i, e in enumerate(entries) if listing else ():
        said = GATES[kind](e["title"]) and rules[chosen](i)
        if said != (e["label"] == POSITIVE[kind]):
            print(f"  {'FP' if said else 'FN'} {oof.get(i, 0):.2f} [{e['label']}] {e['title'][:110]}")
    return chosen, numbers[chosen]


def holdout(kind: str, entries: list[dict[str, Any]], chosen: str) -> None:
    """Print the grammar's and the chosen rule's numbers on the blind sets (no titles); model fitted on tuned sets."""
    gated = [e for e in entries if GATES[kind](e["title"])]
    model = fit([(features(kind, e["title"]), int(e["label"] == POSITIVE[kind])) for e in gated])
    blind = load(BLIND_SETS)
    prob = {i: probability(model, features(kind, e["title"])) for i, e in enumerate(blind) if GATES[kind](e["title"])}
    cut = float(chosen.rsplit("=", 1)[1]) if "=" in chosen else 0.5
    rules = deciders(kind, blind, prob, cut)
    numbers = {name: measure(kind, blind, rules[name]) for name in ("grammar", chosen)}
    print_numbers(kind, "blind sets", numbers)


def main(argv: list[str] | None = None) -> int:
    """Print, per judgement, the grammar's and the cross-validated model's numbers (and the holdout's, once)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--list", action="store_true", help="list the tuned titles the chosen rule judged wrongly")
    parser.add_argument("--orgs", action="store_true", help="also print the numbers per organisation")
    parser.add_argument("--kind", choices=KINDS, action="append", help="judgement(s) to measure (default: both)")
    parser.add_argument("--holdout", action="store_true", help="also measure the chosen rule on the blind sets")
    args = parser.parse_args(argv)
    entries = load(SETS)
    picks = {kind: cross_validated(kind, entries, args.orgs, args.list) for kind in args.kind or KINDS}
    vague = {k: v for k, v in picks.items() if POSITIVE[k] == "vague"}
    if args.holdout and vague:
        # S201 only: the candidate of either vague model with the best cross-validated recall (same key as choose)
        kind = max(vague, key=lambda k: (vague[k][1]["pasted"][1], vague[k][1]["pasted"][0]))
        print(f"S201 rule tried on the blind sets ({', '.join(BLIND_SETS)}): {kind} {vague[kind][0]}")
        holdout(kind, entries, vague[kind][0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
