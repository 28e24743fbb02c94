"""Tell a binary deliverable from a vague wish in a key-result title without a quantity (SPEC S201, S202).

A title with no quantity is a *deliverable* (S201 stays silent, S202 proposes ``milestone: true``) when it names one:

* a delivery verb and its object, at the head of the title or of the clause after its first colon: "Ship dark mode
  to beta", "Hire a first designer", "Unprefix CSS writing modes" (a verb okrlint does not know counts too);
* a done-state: "The EU data centre is live", "IPNS has a streaming API", "There is a prototype of X", "Design doc
  for the layout API", "base32 is supported and enabled by default".

It is *vague* when it leads with a verb that asks for an unmeasured change ("improve", "reduce", "speed up", "make
progress on", "drive adoption of", "better measure", "we have improved") or, for a sentence or noun phrase, when it
speaks of a change or a feeling nobody counts ("more", "faster", "steady growth", "positive feedback", "everyone
knows", "no longer blocked"). A delivery verb whose object is praise, a quality or an open amount ("Deliver a
best-in-class experience", "Expand the capabilities of our team", "Run GitLab.com more efficiently") is vague. A
sentence with a finite verb that is neither ("People continue to talk about us") is vague; a bare noun phrase names
a deliverable ("Image diffing") unless praise or a quality heads it ("CI optimization"). Every scan is a single pass
over the title's words: no backtracking patterns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from okrlint.lint.activity_words import CHOOSING_VERBS, OUTCOME_NOUNS
from okrlint.lint.clauses import lead_index, purpose_index
from okrlint.lint.comparisons import open_comparison
from okrlint.lint.deliverable_words import (
    ABSTRACT_NOUNS,
    ARTEFACTS,
    ASSESSING_VERBS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    COMPARATIVES,
    DELIVERY_VERBS,
    DONE_WORDS,
    EVALUATIVE,
    EXPLORING_VERBS,
    FILED_THINGS,
    MAKE_CUES,
    MAKE_VAGUE_NEXT,
    OBJECT_EVALUATIVE,
    OBJECT_STOPS,
    ONGOING_VERBS,
    PEOPLE,
    PEOPLE_SUBJECTS,
    PHRASAL_VAGUE,
    PLAIN_QUALITIES,
    RECORD_VERBS,
    SERVICE_VERBS,
    STRONG_OBJECT_CUES,
    UNBOUNDED_CUES,
    VAGUE_CUES,
    VAGUE_OBJECTS,
    VAGUE_VERBS,
    lemma,
    manner_adverb,
    quality_noun,
)
from okrlint.lint.quantities import placeholder
from okrlint.lint.sentences import (
    ABLE_RE,
    Verdict,
    as_written,
    at,
    changed,
    judge_sentence,
    main_clause,
    statement,
    verb_form,
    verb_phrase,
)
from okrlint.lint.spelling import word_set
from okrlint.util.lazyre import lazy_compile

__all__ = ["Verdict", "judge_wording", "scoped_deliverable"]


_WORD_RE = lazy_compile(r"[^\W\d_][\w'-]*|\d[\w.,/-]*|:(?!\S)|[;—–,()]| - |\.(?=\s+[A-Z])")
_URL_RE = lazy_compile(r"\bhttps?://\S*|\bwww\.\S*", re.IGNORECASE)
_QUOTED_RE = lazy_compile(r'"[^"]*"|“[^”]*”')  # a quoted span names something: 'New "what is PostHog" page'

_SUBJECT_VERBS = frozenset({"is", "are", "has", "have", "was", "were"})
_NOT_NOUNS = PEOPLE | {"a", "an", "the", "our", "their", "its", "it", "them", "us", "sure", "certain", "what", "how"}
_COORDINATED = DELIVERY_VERBS | VAGUE_VERBS | {"ensure"}
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ful", "able", "ible", "ic", "ent", "ant", "er")
_MANNER = frozenset(w for w in VAGUE_CUES if w.endswith("ly")) - {"successfully"}
_PRAISE = (VAGUE_CUES | EVALUATIVE | MAKE_CUES) - {"successful"}  # adjectives whose adverbs say how well, not what
# an exploration that ends in a decision or an artefact is done or not: "Consider X and decide", "Learn Y and create
# a webinar for it"
_CONCLUDING_VERBS = word_set("decide choose select pick recommend plan reject approve create write publish build draft")
_WEIGHING = EXPLORING_VERBS | {"evaluate", "assess", "consider", "learn"}
_PHRASAL_HEADS = frozenset(verb for verb, _ in PHRASAL_VAGUE)
_AFTER_PHRASAL = frozenset({after for _, after in PHRASAL_VAGUE} | {"towards", "toward", "a", "an", "the", "our"})
_SERVICE_STEMS = frozenset(verb[:4] for verb in SERVICE_VERBS)
_PARTICIPLE = lazy_compile(r"[a-z]{3,}ed")
_SETTLING = frozenset({"clarify", "define", "determine", "decide", "agree", "establish", "confirm"})
_WH = frozenset({"what", "which", "whether", "how", "when", "who", "where"})
_COUNTED = frozenset(f"{noun}s" for noun in OUTCOME_NOUNS)  # people and outcomes, plural: how many? ("Onboard users")
_COMPLETING = frozenset({"complete", "finish", "deliver", "ship", "launch", "open", "build", "release", "finalize"})
_ONGOING_VAGUE = SERVICE_VERBS | EXPLORING_VERBS  # their gerunds read as the imperative ("Supporting CS")
# "(i.e. more pageviews)", "(e.g. Slack, Jira)": a bracket that restates or illustrates, not the title's own clause
_RESTATED_RE = lazy_compile(r"\((?:i\.?\s?e|e\.?\s?g)\b[^()]*\)", re.IGNORECASE)


def _words(title: str) -> list[str]:
    """Return the title's words, numbers and clause marks in order (restating brackets left out)."""
    text = _URL_RE.sub(" ", unicodedata.normalize("NFKC", title).replace("’", "'"))
    text = ABLE_RE.sub("can", _RESTATED_RE.sub(" ", text))  # "are able to register": "can register"
    return _WORD_RE.findall(_QUOTED_RE.sub(" ", text)) or _WORD_RE.findall(text)


def _verb_led(words: list[str], start: int, extra: frozenset[str]) -> Verdict | None:
    """Judge a clause by its leading verb, None when it does not start with a known verb."""
    if start >= len(words) or _noun_lead(words, start):
        return None  # no words left, or the lead word names a thing ("Help sidebar is integrated")
    drifting = _drifting(words, start)
    if drifting is not None:
        return drifting
    head = words[start]
    low = head.lower()
    gerund = low.endswith("ing") and low not in DELIVERY_VERBS  # "Improving onboarding", not "Bring users into X"
    if gerund and lemma(low, VAGUE_VERBS | CHANGE_VERBS):
        return Verdict("vague", (head,))  # "Improving onboarding", "Scaling adoption of X": a change, unmeasured
    if gerund and (base := lemma(low, _ONGOING_VAGUE)) not in (None, low):  # "Supporting CS in …"
        judged = _verb_led([*words[:start], base, *words[start + 1 :]], start, extra)  # as "Support CS in …"
        return judged and Verdict(judged.kind, tuple(head if w == base else w for w in judged.words))
    if gerund or (low in DONE_WORDS and lemma(low, DELIVERY_VERBS) not in (low, "set")):
        return None  # a gerund or participle: a noun phrase or a done-state, judged as a sentence
    if low in extra or lemma(low, extra):
        return Verdict("vague", (low,))
    if low in ("ensure", "ensures") and at(words, start + 1).lower() != "that":
        # "Ensure the process is consistent" is judged as its clause; "Ensure competitive benefits" by its object
        stated = statement(words[start + 1 :])
        cues = _object_cues(words, start) if stated is None else []
        return stated or Verdict(*(("vague", tuple(cues)) if cues else ("deliverable", verb_phrase(words, start))))
    base = low[2:].lstrip("-") if low.startswith("re") and len(low) > 6 else ""  # "Reposition": re- keeps the class
    vague = lemma(low, VAGUE_VERBS) or (lemma(base, VAGUE_VERBS) if base and not lemma(low, DELIVERY_VERBS) else None)
    if vague is not None and low.endswith("ed") and low != vague:
        return None  # "Improved tracking requirements created for SFDC": an adjective, judged as a sentence
    if vague is not None and vague in _SETTLING and at(words, start + 1).lower() in _WH:
        return Verdict("deliverable", verb_phrase(words, start))  # "Clarify what …": an answer, written
    if vague in ("raise", "become") and _credential_or_ticket(words, start, vague):
        return Verdict("deliverable", verb_phrase(words, start))  # "Raise a PR to the docs", "Become CKA certified"
    if vague == "connect" and _integrates(words, start):
        return Verdict("deliverable", verb_phrase(words, start))  # "Connect directly to postgres databases"
    if vague is not None:
        return Verdict("vague", (head,) if vague != "speed" else (f"{head} {at(words, start + 1)}".strip(),))
    verb = lemma(low, DELIVERY_VERBS)
    if verb is None:
        return None
    if verb == "have" and changed(at(words, start + 1).lower()):
        return Verdict("vague", (f"{head} {words[start + 1]}",))  # "We have improved onboarding": by how much?
    rest = [w.lower() for w in words[start + 1 : start + 8]]
    nxt = rest[0] if rest else ""
    people = nxt in PEOPLE or (nxt in ("our", "the", "all") and at(rest, 1) in PEOPLE)  # "Make users data literate"
    if verb == "make" and (people or nxt in MAKE_VAGUE_NEXT or "as" in rest[:3] or any(w in MAKE_CUES for w in rest)):
        # the words that decided: the quality asked for ("Make the docs better", "Make it easy"), else the next word
        cue = next((w for w in rest if w in MAKE_CUES or w in PLAIN_QUALITIES), nxt if nxt != "as" else "as")
        return Verdict("vague", (words[start], cue))
    if verb == "get" and nxt and (nxt in VAGUE_CUES or lemma(nxt, DELIVERY_VERBS | VAGUE_VERBS | {"mention", "link"})):
        return Verdict("vague", tuple(words[start : start + 2]))
    praising = UNBOUNDED_CUES if verb in ASSESSING_VERBS else STRONG_OBJECT_CUES | UNBOUNDED_CUES  # "Review trust"
    # a praise word before an artefact or a gerund names it ("engagement metrics"); only the object decides, not what a
    # participle or preposition adds after it: "Draft strategy created for relationship pipeline", "Build strong bonds"
    ends = (j for j, w in enumerate(rest) if j and ((w in OBJECT_STOPS and w != "of") or _PARTICIPLE.fullmatch(w)))
    reach = next(ends, len(rest))
    praise = [w for j, w in enumerate(rest[:reach]) if w in praising and not _names(rest, j + 1)]
    if verb != "make":
        praise += [w for w in rest[:5] if w in VAGUE_OBJECTS] + _object_cues(words, start)
    if praise:
        return Verdict("vague", tuple(dict.fromkeys(praise)))
    return Verdict("deliverable", verb_phrase(words, start))


def _noun_lead(words: list[str], start: int) -> bool:
    """Return True when the lead word names a thing, not the title's verb: "Help sidebar is integrated …", "Support
    docs are current" (a noun before "is"/"are"), "Bring your own key – …" (a feature's name, BYOK)."""
    noun = at(words, start + 1)
    if words[start].lower() == "bring" and [w.lower() for w in words[start + 1 : start + 3]] == ["your", "own"]:
        return True
    return at(words, start + 2).lower() in _SUBJECT_VERBS and noun.isalpha() and noun.lower() not in _NOT_NOUNS


def _credential_or_ticket(words: list[str], start: int, verb: str) -> bool:
    """Return True for "raise" filing a thing ("Raise PR to the docs"), "become" naming a credential ("Become CKA")."""
    word = at(words, start + 2 if at(words, start + 1).lower() in ("a", "an") else start + 1)
    if verb == "raise":
        return word.lower() in FILED_THINGS
    return word.lower() in ("certified", "compliant") or (len(word) > 1 and word.isupper() and word.isalnum())


def _integrates(words: list[str], start: int) -> bool:
    """Return True when "connect" joins a system, not people: "Connect (directly) to postgres", "Connect Salesforce
    to HubSpot", not "Connect to our users" or "Connect with partners"."""
    if at(words, start + 1)[:1].isupper() and at(words, start + 1).lower() not in PEOPLE_SUBJECTS:
        return True
    i = start + 2 if at(words, start + 1).lower().endswith("ly") else start + 1
    thing = at(words, i + 2 if at(words, i + 1).lower() in ("the", "our", "a", "an", "their") else i + 1).lower()
    return at(words, i).lower() == "to" and thing not in PEOPLE_SUBJECTS and thing not in ("community", "communities")


def _phrasal(words: list[str], start: int) -> bool:
    """Return True when the verb at ``start`` explores or drifts with its particle: "Look into", "Move towards"."""
    low, nxt = words[start].lower(), at(words, start + 1).lower()
    noun = at(words, start + 2).lower() if nxt in ("a", "an", "the", "our") else nxt
    verb = lemma(low, _PHRASAL_HEADS)
    decided = at(words, start + 2).lower() in ("if", "whether")  # "Figure out whether to X": a decision
    return nxt in ("towards", "toward") or bool(verb and not decided and {(verb, nxt), (verb, noun)} & PHRASAL_VAGUE)


def _drifting(words: list[str], start: int) -> Verdict | None:
    """Judge a verb that explores, drifts or serves people, else None: "Look into pricing", "Support the sales team"."""
    low = words[start].lower()
    if at(words, start + 1).lower() in _AFTER_PHRASAL and _phrasal(words, start):
        article = at(words, start + 1).lower() in ("a", "an", "the", "our")
        return Verdict("vague", tuple(words[start : start + 2 + article]))  # "Lay the groundwork", "Look into"
    if low[:4] not in _SERVICE_STEMS or lemma(low, SERVICE_VERBS) is None:
        return None
    end = start + 1
    while end < min(len(words), start + 6) and words[end].lower() not in OBJECT_STOPS and words[end] not in ".;":
        end += 1
    return Verdict("vague", (words[start], words[end - 1])) if words[end - 1].lower() in PEOPLE else None


def _exploring(words: list[str], start: int) -> bool:
    """Return True when the clause at ``start`` explores instead of making a thing: "explore", "look into"."""
    i = lead_index(words[start:]) + start
    return i < len(words) and (lemma(words[i].lower(), EXPLORING_VERBS) is not None or _phrasal(words, i))


def _decided(words: list[str], start: int) -> Verdict | None:
    """Return the decision or artefact that ends an exploration, else None: "Investigate X and decide whether it's
    worth it", "Learn using zenhub and create a webinar for it"."""
    main = main_clause(words[start:])
    for i in range(1, len(main) - 1):
        if main[i].lower() in ("and", "then") and lemma(main[i + 1].lower(), _CONCLUDING_VERBS):
            return Verdict("deliverable", tuple(main[i + 1 : i + 3]))
    return None


def _names(rest: list[str], j: int) -> bool:
    """Return True when a praise word and the word at ``j`` name a thing: "engagement metrics", "… tracking"."""
    word = at(rest, j)
    return word in ARTEFACTS or (len(word) > 5 and word.endswith("ing") and at(rest, j + 1) in (*OBJECT_STOPS, ""))


def _unknown_verb(words: list[str], start: int) -> Verdict | None:
    """Judge an imperative whose verb okrlint does not know by its object, else None: "Overhaul our security
    posture", "Scale the support team sustainably" (a lead word right before a determiner is a verb)."""
    if not words[start].isalpha() or at(words, start + 1).lower() not in ("the", "our", "a", "an", "their", "its"):
        return None
    cues = _object_cues(words, start)
    return Verdict("vague", tuple(cues)) if cues else None


def _object_cues(words: list[str], start: int) -> list[str]:
    """Return the words that make a verb's object a quality, not an artefact: its head ("Expand the capabilities",
    "Revamp our email marketing"), a manner adverb ("Run it more efficiently") or praise ("comprehensive coverage").
    """
    i, verb = start + 1, words[start].lower()
    while at(words, i).lower() in ("and", "&", "or") and lemma(at(words, i + 1).lower(), _COORDINATED):
        i, verb = i + 2, words[i + 1].lower()
    span: list[str] = []  # lower-case words only: a capital names something ("Complete the Awesome Endeavour")
    while i < len(words) and len(span) < 6:
        low = words[i].lower()
        if low in OBJECT_STOPS or low in CLAUSE_BREAKS or low in ("and", "or", "&", ".", ";", " - "):
            break
        span.append(low if words[i] == low else "")
        i += 1
    cues = [w for w in span if w in OBJECT_EVALUATIVE or w in _MANNER or manner_adverb(w, _PRAISE) or w == "some"]
    if span and span[0] in ("more", "fewer", "less") and not at(span, 1).endswith(_ADJECTIVE_ENDINGS):
        cues.append(span[0])  # "Do more issues": an amount nobody bounds; "Ship more rational resizes" names a mode
    elif span and span[0] in COMPARATIVES - {"more", "fewer", "less"} and at(span, 1) in ("", "as", "than", "and"):
        cues.append(span[0])  # "Move faster as an organization": by how much? ("Add better error messages" names them)
    # the head ends the object or comes before a participle with an object ("strong coverage capturing searches")
    cut = len(span) == 6  # the object goes on past the words read
    ends = [
        j == len(span) - 1 or (span[j + 1].endswith("ing") and (j + 2 < len(span) or cut)) for j in range(len(span))
    ]
    if lemma(verb, RECORD_VERBS):
        return cues  # "Document our culture", "Measure adoption": the quality is the topic of an artefact
    heads = ABSTRACT_NOUNS if lemma(verb, CHOOSING_VERBS) else ABSTRACT_NOUNS | _COUNTED  # "Generate targeted leads"
    return cues + [w for w, end in zip(span, ends, strict=True) if end and (w in heads or quality_noun(w))]


_COORDINATED_OPEN = (CHANGE_VERBS - {"expand"}) | ONGOING_VERBS


def _coordinated_change(words: list[str], start: int) -> str | None:
    """Return a change or ongoing verb ("improve", "evangelize", ...) coordinated with the clause's verb, else None."""
    for i in range(start + 1, min(len(words) - 1, start + 12)):
        if words[i] in (".", ";", ":", " - ", "—", "–") or words[i].lower() in CLAUSE_BREAKS:
            return None
        nxt = words[i + 1].lower()
        joined = words[i].lower() in ("and", "&", "or", ",")
        verb = lemma(nxt, _COORDINATED_OPEN) if joined else None
        modifier = nxt in VAGUE_CUES and not nxt.endswith("ing") and at(words, i + 2).lower() not in OBJECT_STOPS
        if verb is not None and (nxt == verb or modifier):  # "and improve X", "and improved UX", not "optimized for"
            return words[i + 1]
    return None


@lru_cache(maxsize=4096)
def _judge(title: str, extra: frozenset[str]) -> Verdict:
    """Return the verdict on a quantity-free title (cached: rules ask about the same titles)."""
    shown = placeholder(title)
    if shown is not None:
        return Verdict("vague", (shown,))  # the number is still to be written: "increases by X%"
    words = _words(title)
    start = purpose_index(words, lead_index(words))
    if start >= len(words):
        return Verdict("vague", ())  # no words to judge: " ", "*"
    verdict = _verb_led(words, start, extra) or _unknown_verb(words, start)
    marks = [i for i in range(start, len(words)) if words[i] in (":", " - ", "—", "–")]
    if verdict is None and marks:  # "More output types – support categorical results": the clause says what is done
        after = marks[0] + 1
        verdict = _verb_led(words, lead_index(words[after:]) + after, extra)
        if verdict is not None and verdict.kind == "vague" and words[marks[0]] != ":":
            # after a dash only a change or an exploring verb outweighs the headline: "Results reporting – improve
            # the UI", "Pricing – explore pricing models", but "Multimodal evaluations – evaluate multimodal content"
            lead = words[lead_index(words[after:]) + after]
            verdict = verdict if lemma(lead, CHANGE_VERBS) or _exploring(words, after) else None
    elif verdict is not None and verdict.kind == "vague" and (":" in words[start:] or "." in words[start:]):
        # "Improve code-owners UI: show which reviewers own which files", "Improve security of corporate
        # data. Every ELT pipeline validates permissions.": the headline's next clause spells out the result
        after = next(i for i in range(start, len(words)) if words[i] in (":", ".")) + 1
        spelled = _verb_led(words, lead_index(words[after:]) + after, extra) or statement(words[after:])
        if spelled is None and verb_form(words[after:]):  # "Every ELT pipeline validates permissions"
            spelled = judge_sentence(words[after:])  # (a verb form), not "Inbound generation"
        verdict = spelled if spelled is not None and spelled.kind == "deliverable" else verdict
    if verdict is None:
        verdict = judge_sentence(words[start:])
    changed = _coordinated_change(words, start) if verdict.kind == "deliverable" else None
    if changed is not None:
        verdict = Verdict("vague", (changed,))  # "Revamp and improve onboarding", "Analyze usage and improve it"
    elif verdict.kind == "vague" and lemma(at(words, start).lower(), _WEIGHING):
        verdict = _decided(words, start) or verdict  # "Investigate X and decide whether to move": a decision
    lower = [w.lower() for w in words]
    due = lemma(at(lower, start), _COMPLETING) is not None  # "Complete the renovation on time": a date, not a routine
    compared = open_comparison(words, lower, due) if verdict.kind == "deliverable" else None
    if compared is not None:
        verdict = Verdict("vague", compared)
    if verdict.kind == "deliverable" and extra:
        hits = [w for w in words if w.lower() in extra or lemma(w, extra)]
        if hits:
            return Verdict("vague", tuple(hits))
    return verdict


def judge_wording(title: str, extra_vague: Iterable[str] = ()) -> Verdict:
    """Return whether a title without a quantity names a deliverable or is vague, with the deciding words.

    ``extra_vague`` are words a team added to its vague-word list: a title that uses one is vague.
    """
    extra = frozenset(w.strip().lower() for w in extra_vague if w.strip())
    return as_written(_judge(title, extra), title)


_SCOPE_VERBS = DELIVERY_VERBS - word_set("get add onboard have make do run set start hire fire move convert generate")
_LEAD_COUNT_RE = lazy_compile(r"\s*(?:at\s+least\s+|over\s+|up\s+to\s+|the\s+top\s+|another\s+)?[+]?\d", re.IGNORECASE)


def scoped_deliverable(title: str) -> tuple[str, ...] | None:
    """Return the delivery verb and object of a title whose numbers only set a scope, else None.

    "Ship scroll latching for touchpad behind a flag for one platform", "Deliver AWS-equivalent
    configurations for the 5 existing reference architectures": the verb comes first and no count
    follows it directly (that would count output, Q301).
    """
    words = _words(title)
    start = lead_index(words)
    verdict = _verb_led(words, start, frozenset())
    if verdict is None or verdict.kind != "deliverable" or not lemma(words[start], _SCOPE_VERBS):
        return None
    text = unicodedata.normalize("NFKC", title)
    head = text.lower().find(words[start].lower())
    if _LEAD_COUNT_RE.match(text, head + len(words[start])):
        return None
    return verdict.words
