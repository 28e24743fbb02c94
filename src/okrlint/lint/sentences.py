"""Judge a key-result title that does not lead with a known verb: a done-state, a wish or a noun phrase (SPEC S201).

:mod:`okrlint.lint.deliverables` reads the title's lead verb; this module reads the clause as a
sentence ("The EU data centre is live", "People continue to talk about our brand") or as a bare
noun phrase ("Image diffing", "Useful clusters"), and holds the clause helpers both share.
Every scan is a single pass over the title's words.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from okrlint.lint.deliverable_words import (
    ABSTRACT_NOUNS,
    AUX,
    BE,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    COMPARATIVES,
    DELIVERY_VERBS,
    DONE_WORDS,
    EVALUATIVE,
    EXTRA_VAGUE_IN_SENTENCES,
    METRIC_LEADS,
    METRICS,
    OBJECT_STOPS,
    PEOPLE_SUBJECTS,
    ROLE_VERBS,
    SENTENCE_CUES,
    SUPPLY_VERBS,
    UNBOUNDED,
    VAGUE_CUES,
    VAGUE_VERBS,
    VERB_PARTICLES,
    lemma,
    participle,
    quality_noun,
)
from okrlint.lint.spelling import word_set
from okrlint.util.lazyre import lazy_compile

__all__ = [
    "Verdict",
    "at",
    "judge_sentence",
    "main_clause",
    "noun_phrase_cues",
    "statement",
    "trimmed",
    "verb_form",
    "verb_phrase",
]


class Verdict(NamedTuple):
    """What a quantity-free title is ("deliverable" or "vague") and the words that decided it."""

    kind: str
    words: tuple[str, ...]


ABLE_RE = lazy_compile(r"\b(?:is|are|was|were)\s+able\s+to\b", re.IGNORECASE)  # "are able to register" = "can …"
_CAN_RE = lazy_compile(r"\bcan\b", re.IGNORECASE)


def as_written(verdict: Verdict, title: str) -> Verdict:
    """Quote an ability as the title writes it: "are able to register", judged as "can register"."""
    able = ABLE_RE.search(title)
    if able is None or "can" not in verdict.words or _CAN_RE.search(title):
        return verdict
    i = verdict.words.index("can")
    return Verdict(verdict.kind, (*verdict.words[:i], *able.group().split(), *verdict.words[i + 1 :]))


_TRAILING = frozenset({"and", "or", "&", "that", "which", "who", "of", "to", "for", "with", "in", "on", "at", "by"})
_ARTICLES = frozenset({"a", "an", "the", "our", "their", "its"})
# states a thing is in, or not, after "is"/"are" (before a noun they only describe it: "Public organizations")
_STATES = word_set("up online private public mandatory enforced sticky ga self-serve self-service compliant")
_READ = frozenset({"learn", "read", "find"})  # "Users can learn more about the node": an idiom, not a comparison
_BETWEEN = frozenset({"now", "also", "already", "then", "fully", "all"})  # words between a verb and its state
# adverbs of an extent nobody bounds: "The Standard is widely used", "Docs are frequently updated"
_EXTENT = frozenset({"widely", "broadly", "commonly", "extensively", "heavily", "frequently", "increasingly"})
_DANGLING = _TRAILING | _ARTICLES | {"from", "as"}  # words a quoted or suggested phrase cannot end on


def trimmed(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Return words without a dangling end: "Semantic Clustering and" → "Semantic Clustering", "time to" → "time"."""
    kept = [w.rstrip(",;:") for w in words]
    while len(kept) > 1 and (kept[-1].lower() in _DANGLING or not kept[-1]):
        kept.pop()
    return tuple(kept)


def verb_phrase(words: list[str], start: int) -> tuple[str, ...]:
    """Return a verb and its object: up to five words, stopping at a preposition or clause mark."""
    end = start + 1
    if end < len(words) and words[end].lower() in VERB_PARTICLES:
        end += 1  # "Decide with Firely", "Report on usage": the verb's own preposition
    while end < min(start + 5, len(words)) and words[end].lower() not in OBJECT_STOPS:
        end += 1
    return trimmed(words[start:end])


def noun_phrase_cues(words: list[str]) -> list[str]:
    """Return the words that make a bare noun phrase a quality: "Useful clusters", "CI optimization"."""
    phrase = main_clause(words)
    lower = [w.lower() for w in phrase]
    if not lower:
        return []
    first = 1 if lower[0] in ("a", "an", "the", "our") else 0
    if tuple(lower[:2]) in UNBOUNDED:
        return phrase[:2]  # "World class query experience", "Pay down tech debt"
    if at(lower, first) in EVALUATIVE:
        return phrase[first : first + 1]
    heads = []
    for i, low in enumerate(lower):
        if low in OBJECT_STOPS and low != ",":
            break
        if at(lower, i + 1) in ("and", "or", "&", ",", "") or at(lower, i + 1) in OBJECT_STOPS:
            heads.append(i)
    generic = ("activities", "efforts", "initiatives")
    quality = [lower[i] in ABSTRACT_NOUNS or lower[i] in generic or quality_noun(lower[i], CHANGE_VERBS) for i in heads]
    return [phrase[i] for i, q in zip(heads, quality, strict=True) if q]


def _metric(words: list[str]) -> list[str]:
    """Return the words of a bare noun phrase that names a metric with no value: "App load time", "Cloud cost",
    "Number of incidents", "Mean time to repair, e.g. time to detect" (its head, before any aside or preposition)."""
    lower = [w.lower() for w in words]
    if at(lower, 0) == "no":
        return []  # "No gitter.im downtime": none is a value
    first = 1 if at(lower, 0) in ("a", "an", "the", "our") else 0
    if at(lower, first) in _STATISTICS and at(lower, first + 1).isalpha() and at(lower, first + 1) not in OBJECT_STOPS:
        return words[first : first + 2]  # "Average Number of Prompts per Session": a statistic names a metric
    if at(lower, first) in METRIC_LEADS and at(lower, first + 1) == "of":
        return words[first : first + 2]
    end = first
    while end < len(lower) and lower[end].isalpha() and lower[end] not in _METRIC_STOPS:
        end += 1  # "e" opens "e.g."
    head = at(lower, end - 1) if end > first else ""
    stop = at(lower, end)
    deadline = stop == "by" and _DEADLINE_RE.match(at(lower, end + 1)) is not None  # "App load time by end of Q3"
    return [words[end - 1]] if head in METRICS and (stop in _AFTER_METRIC or deadline) else []


def _direction(words: list[str]) -> list[str]:
    """Return a noun phrase's direction with no amount: "Replies-per-post up in forum", "Total new posts down" (by how
    much?); not a verb's particle ("Clean up", "show up") or a state ("is up", "up and running", "thumbs up")."""
    main = main_clause(words)
    lower = [w.lower() for w in main]
    for i in range(1, len(lower)):
        before = lower[i - 1]
        if lower[i] not in ("up", "down") or at(lower, i + 1) not in _AFTER_DIRECTION or before in _NOT_MOVED:
            continue
        if (
            not before.endswith(("ing", "ed", "en"))
            and not participle(before)
            and lemma(before, DELIVERY_VERBS | VAGUE_VERBS | CHANGE_VERBS) is None
        ):
            return main[i - 1 : i + 1]
    return []


_AFTER_DIRECTION = frozenset({"", "in", "on", "for", "across", "among", "at", "by", "from", "vs", "versus"})
# a particle's verb ("Clean up", "Wind down") or what names no metric ("thumbs up") before "up"/"down"
_PARTICLE_VERBS = word_set(
    """thumbs it them this that clean tidy follow sign spin shut break wind slow back catch pick level double nail
    lock warm cool boot scale ramp step stand speed pay write take come show go turn sum call mark tone hold"""
)
_NOT_MOVED = AUX | BE | _PARTICLE_VERBS
# what may follow a bare metric's name ("e" opens "e.g."), and what ends it: "Usage Rate Among Users"
_AFTER_METRIC = frozenset({"", ",", "(", ":", "e", "to", "for", "of", "in", "among", "across", "per"})
_METRIC_STOPS = OBJECT_STOPS | {"e", "among", "per"}
_STATISTICS = frozenset({"average", "avg", "mean", "median"})
_DEADLINE_RE = lazy_compile(
    r"(?:end|eo[qmy]|the|next|mid|[qh][1-4]|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|fy)", re.IGNORECASE
)


def at(words: list[str], i: int) -> str:
    """Return the word at ``i``, or an empty string past the end."""
    return words[i] if i < len(words) else ""


def main_clause(words: list[str]) -> list[str]:
    """Return the words before the first subordinate clause, aside or dash, without parentheses."""
    kept: list[str] = []
    depth = 0
    for i, word in enumerate(words):
        low = word.lower()
        if low == "(":
            depth += 1
        elif low == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if (low in CLAUSE_BREAKS and i > 0) or word in (" - ", "—", "–", ";", "."):
                break
            if low == "," and at(words, i + 1).lower().endswith("ing"):
                break
            if low in ("how", "what", "why", "whether") and i > 1 and at(words, i - 1).lower() in _ABOUT:
                break  # "Procedure on how managers should check up": the topic of a document, not its claim
            verb = at(words, i + 2 if at(words, i + 1).lower().endswith("ly") else i + 1).lower()  # "to easily track"
            if low == "to" and i > 0 and lemma(verb, DELIVERY_VERBS | VAGUE_VERBS):
                break  # "Restructure Marketo to allow for better tracking": the purpose is a side clause
            if low != ",":
                kept.append(word)
    return kept


def changed(word: str) -> bool:
    """Return True for a change verb's past participle: "improved", "reduced", "grown" (a change, not a done-state)."""
    return word.endswith(("ed", "wn")) and word not in CHANGE_VERBS and lemma(word, CHANGE_VERBS) is not None


def changed_subject(text: str) -> tuple[str, str] | None:
    """Return what a change reported done moved, and its verb, else None: "Revenue has grown" → ("Revenue", "grown"),
    "DSD has enhanced system security" → ("system security", "enhanced"), "Churn was reduced" → ("Churn", "reduced")."""
    every = text.split()
    words = [w.lower().strip(".,;:!") for w in every[:10]]
    for i in range(1, len(words) - 1):
        after = i + 3 if words[i + 1] == "been" else i + 2
        verb = words[after - 1] if after - 1 < len(words) else ""
        if words[i] in ("has", "have", "is", "are", "was", "were") and changed(verb):
            transitive = words[i] in ("has", "have") and after < len(words) and words[after] not in OBJECT_STOPS
            return " ".join(every[after:] if transitive else every[:i]), verb
    return None


def _done_state(lower: list[str], i: int) -> bool:
    """Return True when the word at ``i`` starts a done-state: "is live", "has a spec", "there is", "can do"."""
    low, nxt = lower[i], at(lower, i + 1)
    if low in DONE_WORDS or _dropped_dependency(lower, i):
        return True  # "is live", "email no longer depends on Mailgun"
    if low in BE and nxt == "in" and at(lower, i + 2) in ("place", "production"):
        return True  # "Disclosure programs are in place"
    if low in BE:
        while nxt.endswith("ly") or nxt in _BETWEEN:
            if nxt in _EXTENT:
                return False  # "is widely used": how widely? an extent, not a done-state
            i += 1
            nxt = at(lower, i + 1)
        if low == "being" or nxt == "being" or (low == "be" and lemma(nxt, SUPPLY_VERBS)):
            return False  # work in progress ("are being evaluated") or a service promised ("will be provided")
        if low != "be" and nxt in _STATES:
            return True  # "The portal is up by the 25th of June": live; "Peerpad is private", "Product is GA"
        done = participle(nxt)  # "are set", "have been set", "is built"
        return nxt in ("a", "an", "the") or (done and nxt not in VAGUE_CUES and not changed(nxt))
    if low in ("has", "have", "gets", "get", "got") and i > 0:
        return (
            nxt not in ("to", "been", "not", "no")
            and nxt not in VAGUE_CUES
            and nxt not in EVALUATIVE
            and not changed(nxt)
        )
    promised = low == "will" and nxt == "be" and (at(lower, i + 2) == "being" or lemma(at(lower, i + 2), SUPPLY_VERBS))
    return (
        (low == "there" and nxt in BE)
        or (low == "support" and nxt == "for")
        or (low in ("can", "will") and i > 0 and not promised)
    )


def _dropped_dependency(lower: list[str], i: int) -> bool:
    """Return True for the verb of a dependency removed: "no longer depends on", "no longer requires" (done or not)."""
    return i >= 2 and lower[i - 2 : i] == ["no", "longer"] and at(lower, i) in _DEPENDING


_DEPENDING = word_set("depends depend relies rely requires require needs need uses use calls call runs run blocks")


def judge_sentence(words: list[str]) -> Verdict:
    """Judge a title that does not lead with a known verb: a done-state, a wish or a noun phrase."""
    stated = statement(words)
    if stated is not None and (stated.kind == "vague" or stated.words[0].lower() not in ("can", "will")):
        return stated
    quality = noun_phrase_cues(words) or _metric(words) or _direction(words)  # "A reliable agent runtime"
    if quality:
        return Verdict("vague", tuple(quality))
    return stated if stated is not None else Verdict("deliverable", trimmed(main_clause(words)[:3]))


def _compared_object(lower: list[str], verb: int, cues: list[int]) -> int | None:
    """Return where a done-state's object opens with a bare comparative ("The sandbox supports more topics", "The
    website has a better information architecture"): more or better than what, by how much? Else None."""
    i = verb + 2 if at(lower, verb + 1) in ("a", "an") else verb + 1
    return i if i in cues and lower[i] in COMPARATIVES and "than" not in lower[i + 1 : i + 4] else None


def verb_form(words: list[str]) -> bool:
    """Return True when a clause reads as having a verb: "validates", "incorporated", or a lowercase lead ("show")."""
    if words and words[0].isalpha() and words[0].islower() and words[0] not in ("a", "an", "the", "and", "or"):
        return True
    return any(w.islower() and w.isalpha() and w.endswith(("ed", "s")) and not w.endswith(("ss", "us", "is"))
               for w in main_clause(words)[1:])  # fmt: skip


def statement(words: list[str]) -> Verdict | None:
    """Judge a sentence by its done-state or its wish; None for a bare noun phrase ("Image diffing")."""
    words = main_clause(words)
    lower = [w.lower() for w in words]
    cues = [i for i, low in enumerate(lower) if low in SENTENCE_CUES or lemma(low, EXTRA_VAGUE_IN_SENTENCES)]
    cues += [i for i, low in enumerate(lower) if at(lower, i + 1) == "as" and lemma(low, ROLE_VERBS)]  # a role
    # a change promised with no amount: "The pipeline must grow", "Churn should decrease"
    cues += [i + 1 for i, low in enumerate(lower) if low in _MODALS and lemma(at(lower, i + 1), CHANGE_VERBS)]
    cues.sort()
    cues = [i for i in cues if not (lower[i] == "more" and at(lower, i - 1) == "no")]  # "No more Stripe UI": removed
    cues = [i for i in cues if not (lower[i] == "more" and at(lower, i - 1) in _READ and at(lower, i + 1) == "about")]
    cues = [i for i in cues if not (lower[i] == "best" and at(lower, i + 1).startswith("practice"))]  # a term
    cues = [i for i in cues if not _dropped_dependency(lower, i + 1) and not _dropped_dependency(lower, i)]
    cues = [i for i in cues if not (lower[i] in ("optimized", "optimised") and at(lower, i + 1) == "for")]  # a design
    cues = [i for i in cues if not (lower[i] in _TOPICS and at(lower, i + 1) in _THINGS)]  # "Feedback process"
    done = [i for i in range(len(lower)) if _done_state(lower, i)]
    firm = [
        i for i in done if lower[i] not in ("can", "will") and not (lower[i] in BE and at(lower, i + 1) in "a an the")
    ]
    compared = [i for i, low in enumerate(lower) if low in COMPARATIVES and "than" in lower[i + 1 :]]
    if compared:
        return Verdict("vague", (words[compared[0]], "than"))  # "get used more in Q1 than in Q4": by how much?
    if cues and firm and cues[0] == 0:
        cues = cues[1:]  # "Improved tracking requirements created", "Awesome test suite exists": an adjective
    if firm and (compared_object := _compared_object(lower, firm[0], cues)) is not None:
        return Verdict("vague", tuple(words[firm[0] : compared_object + 1]))  # "supports more topics": how many?
    if (firm and (not cues or firm[0] < cues[0])) or (done and not cues):
        i = (firm or done)[0]
        first = i - 1 if lower[i] in DONE_WORDS and i > 0 and lower[i - 1] in BE else i
        if lower[i] not in ("can", "will"):  # judge_sentence reads a modal lead: keep it first
            first = min(first, max(0, i - 4))  # with its subject: "Goals for Q3 have been set", not "been set"
        step = i + 1  # past adverbs: "The API is fully documented"
        while lower[i] in BE and (at(lower, step).endswith("ly") or at(lower, step) in _BETWEEN):
            step += 1
        end = step + 3 if at(lower, step) in ("a", "an", "the") else step + 1  # "IPNS has a streaming API"
        if lower[i] == "there":  # what there is: "There is a prototype implementation of GraphSync"
            end = i + 5 if at(lower, i + 2) in ("a", "an", "the") else i + 3
        if end < len(words) and lower[end - 1] in _TRAILING:
            end += 1  # "runbooks are in place"
        return Verdict("deliverable", trimmed(words[first:end]))
    if cues:
        return Verdict("vague", tuple(dict.fromkeys(words[i] for i in cues)))
    acting = _people_act(lower)
    if acting is not None:
        return Verdict("vague", (words[acting],))
    aux = [i for i, low in enumerate(lower) if low in AUX]
    if not aux:
        return None
    i = aux[0]  # "will be provided", "are being evaluated": the verb group decides, not the auxiliary alone
    group = i + 3 if at(lower, i + 1) in BE and at(lower, i + 2).endswith(("ed", "en", "ing")) else i + 1
    group = i + 2 if changed(at(lower, i + 1)) else group  # "We have improved": what changed, by how much?
    return Verdict("vague", tuple(words[i:group]))


def _people_act(lower: list[str]) -> int | None:
    """Return where the verb is when people act in present tense: "Users adopt new products", not "Users can"."""
    i = 0
    while at(lower, i) in ("the", "our", "all", "more", "other", "new", "every", "most", "many", "a"):
        i += 1
    if at(lower, i) not in PEOPLE_SUBJECTS:
        return None
    verb = at(lower, i + 1)
    plural = lower[i] in ("people", "folks", "staff") or (lower[i].endswith("s") and lower[i] != "everyone")
    unfit = verb in AUX or verb in DONE_WORDS or verb in OBJECT_STOPS or verb in ("and", "or", "who", "that", "must")
    # the verb must agree: "Users adopt", "Everyone knows", not "Customer support SLA metric"
    return None if unfit or not verb.isalpha() or verb.endswith("ed") or plural == verb.endswith("s") else i + 1


# a cue noun names the topic of a thing before these: "Feedback triage process", "engagement survey"
_TOPICS = frozenset({"feedback", "engagement", "awareness", "visibility", "satisfaction", "sentiment"})
_THINGS = word_set(
    """process processes form forms loop loops template templates channel channels mechanism mechanisms tool tools
    system systems widget button page pages survey surveys session sessions triage campaign campaigns board boards"""
)
_ABOUT = frozenset({"on", "about", "for", "of", "around", "explaining", "describing"})
_MODALS = frozenset({"must", "should", "will", "shall", "would", "could", "may", "might"})
