"""Suggest a measurable rewrite of a vague key-result title, built from the title's own subject (S201).

"Improve onboarding significantly" → 'say from what to what, e.g. "Raise onboarding completion
from 40% to 60%"'. The subject is what follows the leading verb, without adverbs and dates;
when it names no metric, a metric that fits its topic is added (latency for speed, readers
for content, active users for adoption, ...). A title that is a sentence ("Team members rely
on the handbook") is turned into a share to survey.
"""

from __future__ import annotations

import re
import unicodedata

from okrlint.lint.change_verbs import DOWN_PATTERN, UP_PATTERN
from okrlint.lint.deliverable_words import (
    AUX,
    CHANGE_VERBS,
    DELIVERY_VERBS,
    DONE_WORDS,
    PEOPLE_SUBJECTS,
    VAGUE_VERBS,
    lemma,
)
from okrlint.lint.quantities import PLACEHOLDER_LETTERS_RE, placeholder
from okrlint.lint.sentences import changed_subject, trimmed
from okrlint.lint.spelling import word_set
from okrlint.util.lazyre import lazy_compile

__all__ = ["suggest_rewrite"]

_UP, _DOWN = UP_PATTERN, DOWN_PATTERN  # the verbs of change marked R in okrlint.lint.change_verbs
_EVEN = "optimi[sz]e|streamline|stabili[sz]e|moderni[sz]e|rework|refine|fix|address|polish|make\\s+progress\\s+on"
_KEEP = "maintain|keep|sustain|hold|protect|preserve"
_DONE = "launch|ship|deliver|complete|finish|migrate|roll\\s+out|release|implement|build"
_DOWN_RE = lazy_compile(_DOWN, re.IGNORECASE)
_LEAD_RE = lazy_compile(
    r"\s*(?:(?:stretch:|significantly|substantially|dramatically|further|continuously|continue\s+to"
    r"|work\s+to|aim\s+to|strive\s+to|help|drive\s+to|make|we|we['’]ve|have|has)\s+)*"
    rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<keep>{_KEEP})|(?P<done>{_DONE})|(?P<even>{_EVEN}))"
    r"(?:e?s|e?d|ing|n)?\s+(?P<subject>.+)",  # "grown": "We have grown the community"
    re.IGNORECASE,
)
# an exploration (at the start or after a dash) is better written as a decision: "Look into pricing models"
_EXPLORE_RE = lazy_compile(
    r"\s*(?:look\s+(?:into|at)|figure\s+out|think\s+(?:about|through)|(?:dig|delve)\s+into|explor(?:e|ing)"
    r"|investigat(?:e|ing)|research|experiment\s+with|lay\s+the\s+(?:groundwork|foundations?)\s+for"
    r"|(?:move|work)\s+towards?)\s+(?P<subject>\S.*)",
    re.IGNORECASE,
)
# ongoing outreach to people: "Proactively reaching out to diverse communities"
_REACH_RE = lazy_compile(r"\s*(?:proactively\s+)?reach(?:ing)?\s+out\s+to\s+(?P<people>\S.*)", re.IGNORECASE)
# a direction or a change promised, with no amount: "Replies-per-post up in forum", "The pipeline must grow"
_MOVED_RE = lazy_compile(
    rf"\s*(?P<subject>[\w'/ -]{{1,60}}?)\s+(?:(?P<up>up)|(?P<down>down)|(?:must|should|will|shall)\s+"
    rf"(?:(?P<grow>{_UP})|(?P<cut>{_DOWN}))\w*)(?=\s*(?:$|[(,.;]|(?:in|on|for|across|among|at|by)\b))",
    re.IGNORECASE,
)
_SAMPLES = ("40", "60", "80")
_DASHES = ("–", "—", ":", " - ")
# people served rather than a thing made: "Support the sales team with enablement"
_SERVE_RE = lazy_compile(
    r"\s*(?:support|serve|assist|equip|enable|empower|help)\s+(?P<people>(?:(?:the|our|all|every)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:team|teams|users|customers|developers|engineers|people|members|partners|staff))\b",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WHEN = (
    r"(?:the\s+)?(?:(?:end|start|beginning|middle|first\s+half|second\s+half)\s+of\s+"
    r"(?:the\s+)?)?(?:mid-?)?(?:[qh][1-4]\S*|fy\s*\S+|eo[qy]\S*|\d[\d/.-]*(?:st|nd|rd|th)?"
    rf"|{_MONTH}(?:\s+\d+\w*)?|(?:next|this|the)\s+(?:quarter|year|half|month|sprint)"
    r"|year|quarter|week\s+\d+)(?:,?\s+(?:of\s+)?(?:\d{4}|" + _MONTH + r")|\s*['’]\d\d)?"
)
# One trailing chunk (" significantly", " by the end of Q2", ...); a title's tail is a run of
# them up to its end. _strip_tail finds that run in linear time: a regex ending in
# "(?:chunk)+$" tried at every position backtracks quadratically on a long title (SPEC §7).
_TAIL_CHUNK_RE = lazy_compile(
    r"\s+(?:significantly|substantially|dramatically|as\s+much\s+as\s+possible"
    rf"|where\s+possible|across\s+the\s+board|(?:by|before|in|during|until|for|on)\s+"
    rf"{_WHEN})",
    re.IGNORECASE,
)
_TAIL_LAST_RE = lazy_compile(rf"(?:{_TAIL_CHUNK_RE.pattern})[\s.!]*", re.IGNORECASE)
_TAIL_SPAN = 16  # more words than one chunk can span
_GAP_RE = lazy_compile(r"\s+")
_WORDS_RE = lazy_compile(r"\S+")
_ADVERB_RE = lazy_compile(
    r"\b(?:significantly|greatly|dramatically|substantially|considerably|massively|drastically|"
    r"a lot|much|further|continuously|overall|more|better|world-class|best-in-class)\b",
    re.IGNORECASE,
)
_NO_SUBJECT = 'name the number that would show it and say from what to what, e.g. "Raise X from A to B"'
_OTHER_VERBS = frozenset({"publicize", "publicise", "nail", "foster", "become", "be", "win", "own", "lead"})
_SPACE_RE = lazy_compile(r"\s+")
# Where a subordinate clause starts; _cut drops it and what follows (a leading "\s*" tried at every
# position of a long run of spaces would make this quadratic).
_CUT_RE = lazy_compile(
    r"[(:;,]|\s-\s|—|–|\bas\s+\w+\s+as\b|(?<!\btime\s)(?<!\btakes\s)\bto\s+(?=\w+\b)"  # not "time to …"
    r"|\bby\s+(?!\d)|\bthrough\b|\bso\s+that\b|\bwhich\b"
)
# topic words → (metric added to the subject, direction, from, to)
_TOPICS: tuple[tuple[tuple[str, ...], str, str, str, str], ...] = (
    (("onboard", "activation", "signup", "sign-up", "trial", "setup"), "completion", "up", "40%", "60%"),
    (("latenc", "speed", "fast", "slow", "performance", "render", "load", "push", "build", "diff", "search"),
     "p95 latency", "down", "800 ms", "400 ms"),
    (("flak", "bug", "error", "incident", "crash", "stabil", "reliab", "quality", "outage"),
     "failure rate", "down", "4%", "1%"),
    (("doc", "content", "blog", "newsletter", "handbook", "guide", "visibility", "awareness", "brand", "messag",
      "video", "social"), "monthly readers", "up", "10,000", "15,000"),
    (("adoption", "usage", "engagement", "user", "community", "customer", "plugin", "feature", "api"),
     "weekly active users", "up", "1,200", "1,800"),
    (("revenue", "sales", "pipeline", "deal", "growth", "arr", "lead"), "", "up", "$1.2M", "$1.5M"),
    (("cost", "spend", "overhead", "time", "effort", "toil", "churn", "backlog", "debt"), "", "down", "12", "4"),
)  # fmt: skip
_VAGUE_TOPIC_NOUNS = frozenset({"performance", "speed", "quality", "experience", "state", "health", "scalability"})
_DOWN_METRICS = lazy_compile(
    r"\b(?:latency|times?|duration|overhead|cost|errors?|churn|backlog|failures?|incidents?|outages?|bugs?|downtime)\b",
    re.IGNORECASE,
)
_ARTICLE_RE = lazy_compile(r"^(?:a|an|the|our|their|its)\s+", re.IGNORECASE)
_METRIC_WORDS = lazy_compile(
    r"\b(?:nps|csat|rate|ratio|score|times?|latency|coverage|count|number|share|percentage|revenue|arr|mrr|churn"
    r"|retention|conversion|satisfaction|ranking|rankings|uptime|downtime|availability|usage|cost|spend|accuracy"
    r"|throughput|frequency|duration|percentage|(?<!-)volume|p\d\d)\b",
    re.IGNORECASE,
)


def _subject(text: str, article: bool = False) -> str:
    """Return the words after the verb, without adverbs, dates, subordinate clauses and trailing dots."""
    text = _cut(_strip_tail(text))
    text = _SPACE_RE.sub(" ", _ADVERB_RE.sub(" ", text)).strip(" .,;:!")
    words = (text if article else _ARTICLE_RE.sub("", text)).split()
    if len(words) > 6:  # back to a phrase's end: "time to discovering regressions in major" → "… regressions"
        words = words[:6]
        last = max((i for i, w in enumerate(words) if i > 3 and w.lower() in _LINKS), default=len(words))
        words = words[:last]
    return " ".join(trimmed(words))


_MAKE_RE = lazy_compile(r"\s*make\s+(?P<rest>\S.*)", re.IGNORECASE | re.DOTALL)
_FASTER = word_set("fast faster quick quicker performant snappy snappier efficient responsive speedy")
_SAFER = word_set("reliable stable robust resilient safe safer secure solid dependable")
_EASIER = word_set(
    "easy easier simple simpler usable smooth smoother intuitive obvious clear clearer accessible discoverable"
)
_FEELINGS = word_set("happy happier satisfied successful productive confident comfortable")
_MADE_QUALITIES = (_FASTER, _SAFER, _EASIER, _FEELINGS, word_set("better great good nice nicer prettier greater"))
_INTENSIFIERS = word_set("more less even slightly super much really very far a lot bit little way")
_PRONOUNS = word_set("it this that things everything them")
_ACTORS = PEOPLE_SUBJECTS | word_set("we they i you he she llms llm agents")
_FINITE = DELIVERY_VERBS | VAGUE_VERBS | CHANGE_VERBS | word_set("reflect adopt use provide want need know")
# a topic noun before a preposition names what to count: "adoption of the CLI" → active users of the CLI
_NOUN_TOPICS = {
    "adoption": "weekly active users",
    "engagement": "weekly active users",
    "awareness": "monthly readers",
    "visibility": "monthly readers",
    "reach": "monthly readers",
}
_TOPIC_LINKS = frozenset({"of", "on", "with", "in", "for", "among", "across", "around", "within"})
_LINKS = _TOPIC_LINKS | {"at", "from", "through", "via", "into"}


def _cut(text: str) -> str:
    """Return ``text`` up to its first subordinate clause, spaces before it dropped (linear time).

    As ``re.sub(r"\\s*(?:CLAUSE).*$", "", text)`` would: the clause must reach past the last
    line break that is not final, so only a clause from just before that break's whitespace on counts.
    """
    body = text[:-1] if text.endswith("\n") else text
    last = body.rfind("\n")
    position = max(0, len(text[:last].rstrip()) - 2) if last >= 0 else 0  # "to", "by", "so" before that run
    while (m := _CUT_RE.search(text, position)) is not None:
        if m.end() > last:
            return text[: m.start()].rstrip()
        position = m.start() + 1
    return text


def _strip_tail(text: str) -> str:
    """Return ``text`` without its trailing run of tail chunks (adverbs, "by <when>"), in linear time.

    Works from the end: a gap (start of a whitespace run) begins a tail when one chunk
    spans from it to a gap that begins a tail, or to where only spaces, dots and ``!`` are
    left. A chunk spans at most ``_TAIL_SPAN`` words, so each gap tries a bounded number of ends.
    """
    rest = len(text.rstrip()) if text else 0
    while rest and text[rest - 1] in ".!":
        rest = len(text[: rest - 1].rstrip())
    ends = [m.end() for m in _WORDS_RE.finditer(text)]
    gaps = [m.start() for m in _GAP_RE.finditer(text)]
    tails: set[int] = set()
    word = len(ends)
    cut = len(text)
    for gap in reversed(gaps):
        while word and ends[word - 1] > gap:
            word -= 1
        window = ends[word : word + _TAIL_SPAN]
        reaches_rest = not window or window[-1] >= rest
        if (reaches_rest and _TAIL_LAST_RE.fullmatch(text, gap)) or any(
            end in tails and _TAIL_CHUNK_RE.fullmatch(text, gap, end) for end in window
        ):
            tails.add(gap)
            cut = gap
    return text[:cut]


def _topic(subject: str) -> tuple[str, str, str, str]:
    """Return the metric to add to a subject, its direction and example numbers."""
    low = subject.lower()
    found = [row for row in _TOPICS if any(stem in low for stem in row[0])]
    if not found:
        return "score", "up", "60", "75"
    head = low.rsplit(" ", 1)[-1]  # the head noun first: "error tracking docs" are docs
    _, metric, way, a, b = next((row for row in found if any(stem in head for stem in row[0])), found[0])
    return metric, way, a, b


def _measured(subject: str, down: bool) -> str:
    """Return 'say from what to what, e.g. "Raise X metric from A to B"' for a subject."""
    if _METRIC_WORDS.search(subject):
        metric, way, a, b = "", "down" if down else "up", "4", "12" if down else "75"
        a = a if down else "60"
    else:
        metric, way, a, b = _topic(subject)
        way = "down" if down else way
        words = subject.split()
        if len(words) > 2 and words[0].lower() in _NOUN_TOPICS and words[1].lower() in _TOPIC_LINKS:
            metric, subject = _NOUN_TOPICS[words[0].lower()], " ".join(words[2:])  # "engagement with the forum"
            a, b = next((a, b) for _, named, _, a, b in _TOPICS if named == metric)
        elif metric and len(words) > 1 and words[-1].lower() in _VAGUE_TOPIC_NOUNS:
            subject = " ".join(words[:-1])
    if not metric and _DOWN_METRICS.search(subject):  # "Improve the bug backlog": fewer is better
        way = "down"
    lo, hi = sorted((a, b), key=_num)
    a, b = (hi, lo) if way == "down" else (lo, hi)
    phrase = f"{subject} {metric}" if " " not in subject + metric else f"{metric} of {subject}"
    phrase = phrase.strip().removeprefix("of ")
    verb = "Cut" if way == "down" else "Raise"
    return f'say from what to what, e.g. "{verb} {phrase} from {a} to {b}"'


def _num(text: str) -> float:
    """Return the number in an example value ("$1.2M" → 1.2, "10,000" → 10000)."""
    digits = re.sub(r"[^\d.]", "", text)
    return float(digits) if digits else 0.0


def suggest_rewrite(title: str) -> str:
    """Return a concrete rewrite hint for a vague key-result title, built from its own words."""
    text = unicodedata.normalize("NFKC", title)
    if placeholder(text) is not None:  # "increases by X%": the title is written, only its numbers are missing
        numbers = iter(_SAMPLES)
        filled = PLACEHOLDER_LETTERS_RE.sub(lambda _: next(numbers, "80"), text.strip())
        return f'write the numbers in place of the placeholders, e.g. "{filled}"'
    special = _explored_or_served(text) or _made(text)
    if special is not None:
        return special
    moved = _MOVED_RE.match(text)
    if moved is not None and not lemma(moved["subject"].split()[0], _FINITE):  # not "Speed up", "Level up"
        subject = _uncapitalised(_subject(moved["subject"]))
        if moved["up"] or moved["down"]:  # the noun phrase before "up" or "down" names the metric itself
            verb, a, b = ("Cut", "12", "4") if moved["down"] else ("Raise", "60", "75")
            return f'say from what to what, e.g. "{verb} {subject} from {a} to {b}"'
        return _measured(subject, bool(moved["cut"]))
    done = changed_subject(text)  # "Revenue has grown": its subject, moved the same way ("We have …": _LEAD_RE)
    if done is not None and text.split()[0].lower() not in _ACTORS:
        return _measured(_uncapitalised(_subject(done[0])), _DOWN_RE.match(done[1]) is not None)
    m = _LEAD_RE.match(text)
    first, _, rest = text.strip().partition(" ")
    if not m and rest and lemma(first, VAGUE_VERBS | DELIVERY_VERBS | _OTHER_VERBS):
        subject = _subject(rest)
        return _measured(subject, False) if subject else _NO_SUBJECT
    if not m:
        clause = _subject(text)
        if not clause:
            return _NO_SUBJECT
        clause = _uncapitalised(clause)
        words = clause.split()
        if _METRIC_WORDS.search(" ".join(words[:3] + words[-1:])):  # "Ranking for product keywords", "Cloud cost"
            return _measured(clause, False)
        if not _stated(text):  # a noun phrase: "Usable API reference docs"
            return f'say how you will count it, e.g. "Raise the share of people who rate {clause} good from 40% to 60%"'
        return f'say how you will count it, e.g. "Raise the share of people who say that {clause} from 40% to 60%"'
    subject = _subject(m["subject"], article=bool(m["done"]))
    if not subject:
        return _NO_SUBJECT
    if m["keep"]:
        return f'say which level to hold, e.g. "Keep {subject} at or above 95%"'
    if m["done"]:
        verb = m["done"].capitalize()
        return (
            "make it a milestone KR (milestone: true) or say what it must move,"
            f' e.g. "{verb} {subject}, lifting activation from 30% to 40%"'
        )
    if m["even"] or (len(subject.split()) == 1 and subject.lower().endswith("ing") and not _topic(subject)[0]):
        return f"name the metric of {subject} and " + _measured(subject, False)
    return _measured(subject, bool(m["down"]))


def _uncapitalised(clause: str) -> str:
    """Return a clause that starts a sentence as it reads inside one: "Team members" → "team members"; "CI" stays."""
    head = clause.split()[0] if clause.strip() else ""
    return clause[0].lower() + clause[1:] if head[1:].islower() or len(head) == 1 else clause


def _stated(text: str) -> bool:
    """Return True when a title reads as a sentence (it has an auxiliary, or people act in it), not a noun phrase."""
    words = [w.lower().strip(".,;:!?") for w in text.split()[:12]]
    if any(w in AUX for w in words[1:]) or (words and words[0] in _ACTORS):
        return True
    if any(w.endswith(("s", "ed")) and (w in DONE_WORDS or lemma(w, _FINITE)) for w in words[1:6]):
        return True  # "Call participation includes …", "The agent improves itself"
    return any(w in _ACTORS and words[i + 1 : i + 2] and words[i + 1][:1].isalpha() for i, w in enumerate(words[:3]))


def _explored_or_served(text: str) -> str | None:
    """Return the hint for an exploration (make it a decision) or for people served (say what changes for them)."""
    starts = [0] + [i + len(d) for d in _DASHES if (i := text.find(d)) >= 0]  # the title or its first dash clause
    explored = next((m for i in starts if (m := _EXPLORE_RE.match(text, i))), None)
    subject = _subject(explored["subject"]) if explored else ""
    if subject:
        return (
            f'make it a decision or a number, e.g. "Decide on {subject} by the end of the quarter" '
            "(milestone: true), or say what it must move from what to what"
        )
    reached = _REACH_RE.match(text)
    people = _subject(reached["people"]) if reached else ""
    if people:
        return f'say what it should change for them, e.g. "Grow active members from {people} from 40 to 60"'
    served = _SERVE_RE.match(text)
    if served is None:
        return None
    people = _ARTICLE_RE.sub("", _SPACE_RE.sub(" ", served["people"]))
    return f'say what changes for them, e.g. "Raise the share of {people} who say it helps their work from 40% to 60%"'


def _made(text: str) -> str | None:
    """Return the hint for "make <thing> <quality>": the metric of that quality, for that thing.

    "Make the product faster" → latency of the product; "Make it easy to deploy" → the time to deploy;
    a quality that names no metric ("better", "great") takes the thing's topic. None for other titles.
    """
    m = _MAKE_RE.match(text)
    if m is None:
        return None
    words = m["rest"].split()[:12]
    plain = [w.lower().strip(".,;:!") for w in words]
    j = next((i for i, w in enumerate(plain) if i and any(w in kind for kind in _MADE_QUALITIES)), None)
    if j is None:
        return None
    thing = _subject(" ".join(w for w, p in zip(words[:j], plain, strict=False) if p not in _INTENSIFIERS))
    if thing.lower() in _PRONOUNS or not thing:
        after = _subject(" ".join(words[j + 2 :])) if plain[j + 1 : j + 2] == ["to"] else ""
        if not after or plain[j] not in _EASIER:
            return None
        return f'say from what to what, e.g. "Cut the time to {after} from 10 to 3 minutes"'
    if plain[j] in _FEELINGS:
        example = f"Raise the share of {thing} who say they are {plain[j]} from 40% to 60%"
        return f'say what they would report, e.g. "{example}"'
    if plain[j] in _FASTER:
        return f'say from what to what, e.g. "Cut p95 latency of {thing} from 800 ms to 400 ms"'
    if plain[j] in _SAFER:
        return f'say from what to what, e.g. "Cut the failure rate of {thing} from 4% to 1%"'
    if plain[j] in _EASIER:
        return f'say from what to what, e.g. "Raise the share of people who finish {thing} unaided from 60% to 80%"'
    return _measured(thing, False)
