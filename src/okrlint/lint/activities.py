"""Find the activity a key-result title counts or schedules instead of an outcome (SPEC Q301).

An activity is output the team itself produces or does, counted or put on a schedule. A title
counts one when, anywhere in it (after a dash or colon, in a gerund or the past tense too):

* an activity verb (a slashed pair like "launch/test" reads as its verbs) is followed by a plain
  count (digits or a number word, "N or more", "at minimum N"; never a ``%``, money or a unit, and
  ``3x`` only right after the verb and before output: "Write 3x blog posts") and its object:
  "Conduct 50 interviews", "Implement 3 changes", "We have published 4 customer stories",
  "shipping at least one post per month", "every lead has attended 2 workshops". Verbs that
  always make output (write, fix, review, source, triage, speak, ...) take any object; others
  (ship, launch, deliver, add, ...) only an output noun, so "Launch 3 new markets" is left alone;
* a clause starts with a count of an output noun, or one follows "in"/"at": "12 improvements
  to the docs site", "3 blog posts authored by the team", "… in 10+ demo calls";
* a cadence goes with an output noun or an activity verb: "Weekly team retros", "two posts per
  month", "bi-weekly newsletters", "We can ship every two weeks", "presented twice a year", and a
  cadence that ends its clause schedules what comes before it: "send newsletter weekly".

Counts of people or things outside the team (users, customers, sign-ups, downloads, deals,
markets, ...) are outcomes: "Onboard 40 merchants", "Host 500 attendees". A title that
frames a result (a share in %, money, "from A to B", or a leading "increase", "reach", ...)
is an outcome, unless the activity is at its very start. What a cadence schedules is
:mod:`okrlint.lint.schedules`'s part.
"""

from __future__ import annotations

from functools import lru_cache

from okrlint.lint.activity_tokens import CLAUSE_MARKS as _CLAUSE_MARKS
from okrlint.lint.activity_tokens import Activity
from okrlint.lint.activity_tokens import Title as _Title
from okrlint.lint.activity_tokens import noun as _noun
from okrlint.lint.activity_tokens import run as _run
from okrlint.lint.activity_tokens import verb as _verb
from okrlint.lint.activity_tokens import word_at as _at
from okrlint.lint.activity_words import (
    CHOOSING_VERBS,
    OUTCOME_LEADS,
    OUTCOME_NOUNS,
    OUTPUT_NOUNS,
    QUALIFIERS,
    STAFF_NOUNS,
    STOPS,
    STRONG_VERBS,
    WEAK_VERBS,
    WORK_ON_ITEMS,
)
from okrlint.lint.change_verbs import GROWTH
from okrlint.lint.deliverable_words import ASSESSING_VERBS, DELIVERY_VERBS, lemma, participle
from okrlint.lint.quantities import quantities
from okrlint.lint.schedules import scheduled
from okrlint.lint.spelling import word_set

__all__ = ["Activity", "find_activity"]

_STAFF_VERBS = frozenset({"hire", "add", "recruit", "source", "train", "interview"})
_PREPOSITIONS = frozenset({"in", "at", "on", "through", "via", "across", "during"})
_WITH_PEOPLE = word_set(
    """interview call visit demo conversation meeting story study survey session workshop training webinar qbr review
    pitch email outreach"""
)
# held with people, so counted by whom: "interviews with 5 vendors", "feedback from at least 2 EHR vendors"
_HELD_WITH = _WITH_PEOPLE | word_set("discussion feedback consultation")
_ABOUT = frozenset({"on", "about", "of", "for", "regarding"})
_PEOPLE_VERBS = frozenset({"feature", "interview", "call", "visit", "email", "contact", "spotlight", "thank", "survey"})
_OUTSIDERS = word_set("press media journalist analyst customer user client partner community prospect")
_STATISTICS = frozenset({"median", "mean", "average", "avg", "minimum", "maximum", "typical"})  # a total counts
_HEADING_MARKS = frozenset({":", "-", "—", "–"})  # what a heading before the clause ends with
_UP_LEADS = GROWTH | {"hire", "recruit"}  # growth verbs that count output or staff ("Double the team")


def _object(t: _Title, count: int, verb: str | None) -> tuple[int, str] | None:
    """Return the index and name of the output counted at ``count``, None if it counts an outcome."""
    first, last = _run(t, count)
    if first >= len(t.words) or not t.lower[first][0].isalpha() or t.lower[first] in STOPS:
        return None
    head = t.lower[last]
    if t.lower[first] == "speaking" and last > first:
        return last, "talk"  # "10+ speaking opportunities", "3 speaking slots": talks the team gives
    people = any(_noun(w, OUTCOME_NOUNS) for w in t.lower[first : last + 1])
    noun = _noun(head, OUTPUT_NOUNS | STAFF_NOUNS)
    if noun is None and not _noun(head, OUTCOME_NOUNS):
        outputs = [j for j in range(first, last) if _noun(t.lower[j], OUTPUT_NOUNS)]
        if outputs:  # "3 new MVC features go from planned to minimal": the run ran into the verb
            last = outputs[-1]
            head, noun = t.lower[last], _noun(t.lower[last], OUTPUT_NOUNS)
    if noun in OUTPUT_NOUNS:
        if people and verb is None and noun not in _WITH_PEOPLE:
            return None  # ">100 user tweets": people outside the team do it
        end = last + 2 if noun == "piece" and _at(t.lower, last + 1) == "of" else last
        return end, noun
    if noun in STAFF_NOUNS and verb in _STAFF_VERBS:
        return last, noun
    if people and verb not in _PEOPLE_VERBS:
        return None  # "Onboard 40 merchants", "Make 10 customers referenceable": an outcome
    return (last, head) if verb in STRONG_VERBS else None


def _outcome_counted(t: _Title) -> bool:
    """Return True when a count in the title counts people or things outside the team."""
    for count in t.counts:
        first, last = _run(t, count)
        if count <= 4 and first < len(t.words) and _noun(t.lower[last], OUTCOME_NOUNS):
            return True
    return False


def _verb_before(t: _Title, count: int) -> int | None:
    """Return the index of the activity verb right before a count, past qualifiers and "and"."""
    i = count - 1
    while i >= 0 and t.lower[i] in QUALIFIERS and t.lower[i] != "to":
        i -= 1
    if i >= 0 and t.lower[i] == "to" and _reached(t, i - 1):
        return i - 2 if t.lower[i - 1] == "out" else i - 1  # "Reach out to 20 schools", "Keep emailing to 20 schools"
    while i >= 0 and t.lower[i] in QUALIFIERS:
        i -= 1
    if i >= 0 and (_verb(t.lower[i]) or _imperative(t, i, count)):
        return i
    if i >= 2 and t.lower[i - 1] in ("and", "&") and _verb(t.lower[i - 2]) and not lemma(t.lower[i], OUTCOME_LEADS):
        return i - 2  # "Rewrite and integrate 4 CSS components": coordinated verbs share the count
    return None


def _reached(t: _Title, i: int) -> bool:
    """Return True when the words up to ``i`` reach out to people: "reach out" or a verb of contact ("emailing")."""
    if i >= 1 and t.lower[i] == "out":
        return t.lower[i - 1].startswith("reach")
    return i >= 0 and lemma(t.lower[i], _PEOPLE_VERBS) is not None


def _clause_start(t: _Title, i: int) -> bool:
    """Return True when token ``i`` opens the title or a clause (after a colon, dash, comma or "and").

    A count after "in" or "at" opens one too ("… in 10+ demo calls"), but not after a participle:
    "mentioned in 30 articles" counts what others wrote.
    """
    j = i - 1
    while j >= 0 and t.lower[j] in QUALIFIERS and not (j == i - 1 and t.lower[j] in _PREPOSITIONS):
        j -= 1
    if j >= 0 and t.lower[j] in _PREPOSITIONS:
        return not _at(t.lower, j - 1).endswith("ed")
    return j < 0 or t.lower[j] in _CLAUSE_MARKS


def _selects(t: _Title, count: int) -> bool:
    """Return True when "top" or "first" comes before a count: "the top 10 sources", "the first 10 components"."""
    i = count - 1
    while i >= 0 and t.lower[i] in QUALIFIERS:
        if t.lower[i] in ("top", "first"):
            return True
        i -= 1
    return False


def _counted(t: _Title, count: int) -> Activity | None:
    """Return the activity a count belongs to, if it counts output."""
    verb_at = _verb_before(t, count)
    verb = _verb(t.lower[verb_at]) if verb_at is not None else None
    if verb_at is not None and _at(t.lower, verb_at + 1) == "out":
        verb = "contact"  # "Reach out to 20 schools per week": outreach, counted
    floor = verb not in _ONE_HIRE and (_at(t.lower, count - 1) in ("least", "minimum") or t.lower[count][0] == "+")
    repeated = t.cadences or t.staff_share or _distributed(t, count)
    made = verb in _ONE_HIRE or lemma(verb, _MAKING) is not None  # "Create one meetup", not "Contribute 1 fix"
    if made and t.lower[count].strip("+") in ("1", "one") and not floor and not repeated:
        return None  # "Hire +1 designer", "Create one meetup in a box", "1 additional campaign launched": a deliverable
    if _at(t.lower, count - 1) in ("the", "these", "those") and not repeated:
        return None  # "in the two separate test segments", "the 10 predefined questions": a set already known
    before = _at(t.lower, verb_at - 1) if verb_at is not None and t.lower[verb_at].endswith("ing") else None
    if before in (",", "including") and not repeated:
        return None  # "deliver evaluation …, identifying 1–2 strengths": the participle says what the deliverable holds
    means = before == "by"
    quota = verb is None and _per_staff(t, count)  # "2 validation cycles completed per Product Manager"
    work = (means or quota) and verb not in _STAFF_VERBS  # "by shipping 5 alerts": any object is output
    obj = _object(t, count, "write" if work else verb)
    if obj is None:
        return None
    end, noun = obj
    if _from_outsiders(t, end):
        return None  # "40 contributions from the community": people outside the team do it
    chooses = verb_at is not None and any(lemma(w, CHOOSING_VERBS) for w in t.lower[verb_at:count])
    if (noun not in OUTPUT_NOUNS or chooses) and _selects(t, count):
        return None  # "Implement top three personas", "Identify and rank the top 5 features": picks, makes nothing
    after = _at(t.lower, end + 1)
    if after.endswith(("ed", "en")) and lemma(after, STRONG_VERBS):
        end += 1
    if verb_at is not None:
        if _outsiders_act(t, verb_at):
            return None  # "Have the press publish 3 articles": people outside the team do it
        return Activity(t.phrase(verb_at, end), t.words[verb_at], t.words[count], noun)
    if _clause_start(t, count) and not any(_noun(w, OUTCOME_NOUNS) for w in _sentence_before(t, count, 6)):
        return Activity(t.phrase(count, end), "", t.words[count], noun)
    return None


_MAKING = DELIVERY_VERBS - ASSESSING_VERBS - {"execute", "perform", "run"}  # one thing made is done or not
_ONE_HIRE = frozenset({None, "hire", "send", *WEAK_VERBS})  # "+1" after these adds one: "Hire +1 designer"


def _outsiders_act(t: _Title, verb_at: int) -> bool:
    """Return True when people outside the team do the work: "Have the press publish 3 articles" (the two words
    before the verb, in its own clause: a heading before a dash acts on nothing, "Community - host 2 meetups")."""
    before = t.lower[max(0, verb_at - 2) : verb_at]
    cut = max((k + 1 for k, w in enumerate(before) if w in _HEADING_MARKS), default=0)
    return any(_noun(w, _OUTSIDERS) for w in before[cut:])


def _held_with(t: _Title, count: int) -> Activity | None:
    """Return an activity counted by the people or organisations it is held with: "Conduct interviews with at least
    five vendors", "Focused discussions with 2 registries", "Collect feedback from at least 2 EHR vendors"."""
    i = count - 1
    while i >= 0 and t.lower[i] in QUALIFIERS:
        i -= 1
    if i < 1 or t.lower[i] not in ("with", "from"):
        return None
    held = _held_noun(t, i)
    first, last = _run(t, count)
    if held is None or first >= len(t.words) or not t.lower[first][0].isalpha():
        return None
    start, noun = held
    verbs = [j for j in range(start - 1, max(-1, start - 4), -1) if _verb(t.lower[j]) or t.lower[j] in ("get", "got")]
    if verbs and all(t.lower[j].isalpha() or t.lower[j] in ("and", "&") for j in range(verbs[0], start)):
        start = verbs[0]  # "Conduct interviews with …", "Collect and parse feedback from …", "Get feedback from …"
    return Activity(t.phrase(start, last), t.words[start] if verbs else "", t.words[count], noun)


def _held_noun(t: _Title, i: int) -> tuple[int, str] | None:
    """Return where and what the activity held with the people after ``i`` ("with"/"from") is: right before it, or
    before what it is about ("Get feedback on the GUI prototype from 5 users"); None if nothing is held."""
    if (noun := _noun(t.lower[i - 1], _HELD_WITH)) is not None:
        return i - 1, noun
    if i >= 2 and _participle(t.lower[i - 1]) and (noun := _noun(t.lower[i - 2], _HELD_WITH)) is not None:
        return i - 2, noun  # "Feedback collected from 10 developers": the activity, told done
    for j in range(i - 2, max(-1, i - 6), -1):
        if t.lower[j] in _CLAUSE_MARKS:
            return None
        if t.lower[j + 1] in _ABOUT and (noun := _noun(t.lower[j], _HELD_WITH)) is not None:
            return j, noun
    return None


def _per_staff(t: _Title, count: int) -> bool:
    """Return True when a count is a quota per member of the team ("… per Product Manager", "per engineer")."""
    after = t.lower[count + 1 : count + 10]
    return any(w == "per" and any(_noun(x, STAFF_NOUNS) for x in after[k + 1 : k + 4]) for k, w in enumerate(after))


def _distributed(t: _Title, count: int) -> bool:
    """Return True when a count is given per item ("1 integration test per supported language")."""
    return any(w in ("per", "each") for w in t.lower[count + 1 : count + 10])


def _sentence_before(t: _Title, i: int, n: int) -> list[str]:
    """Return up to ``n`` words before token ``i`` in its own sentence (not past a full stop or semicolon)."""
    words = t.lower[max(0, i - n) : i]
    cut = max((j for j, w in enumerate(words) if w in (".", ";")), default=-1)
    return words[cut + 1 :]


def _imperative(t: _Title, i: int, count: int) -> bool:
    """Return True when token ``i`` is a verb okrlint does not know that opens the title before a count of output.

    "Propose 3 features", "Pilot offering at 3 events": a title that opens with a word of its own
    and counts output right after it orders work; counts of people or markets stay outcomes.
    """
    word = t.lower[i]
    done = _participle(word) and _at(t.lower, i - 1) in ("have", "has", "we've", "we’ve")  # "We have proposed 3 …"
    opens = i == 0 or (i == 1 and t.lower[0] in ("we", "kr")) or (done and (i == 1 or (i == 2 and t.lower[0] == "we")))
    if not opens or not word.isalpha() or word.endswith("ing") or lemma(word, OUTCOME_LEADS) or word in STOPS:
        return False
    if word in _STATISTICS:
        return False  # "Median of 1.22 Slack messages": a measure of the output, not an order to make it
    first, last = _run(t, count)
    return first < len(t.words) and (_noun(t.lower[last], OUTPUT_NOUNS) is not None or t.lower[first] == "speaking")


def _from_outsiders(t: _Title, end: int) -> bool:
    """Return True when the output after ``end`` comes from people outside the team ("from the community")."""
    for i in range(end + 1, min(end + 10, len(t.words))):
        if t.lower[i] in (".", ";"):
            return False
        if t.lower[i] in ("from", "by"):
            return any(_noun(w, _OUTSIDERS) for w in t.lower[i + 1 : i + 5])
    return False


def _more_output(t: _Title, lead: int) -> Activity | None:
    """Return "Grow number of snapshots" and "Hire engineers: +2 frontend": more output or more hires."""
    verb = lemma(_at(t.lower, lead), _UP_LEADS)
    if verb is None:
        return None
    if verb in ("hire", "recruit") or _at(t.lower, lead + 1) in ("team", "headcount"):
        values = [t.lower[c].strip("+") for c in t.counts]
        if len(values) > 1 or any(v not in ("1", "one", "a") for v in values):
            return Activity(t.phrase(lead, t.counts[0]), t.words[lead], t.words[t.counts[0]], "hires")
        return None
    for i in range(lead + 1, min(lead + 4, len(t.words))):
        made = [_noun(w, OUTPUT_NOUNS) for w in t.lower[lead + 1 : i]]
        if made and all(made) and t.lower[i] in ("from", "to") and t.counts:  # "Increase blog posts from 15 to 30"
            return Activity(t.phrase(lead, i - 1), t.words[lead], "", made[-1] or "")
        if t.lower[i] == "count" and _at(t.lower, i + 1) != "of" and any(made):  # "Increase testcase count to 250"
            return Activity(t.phrase(lead, i), t.words[lead], "", next(n for n in made if n))
        if t.lower[i] in ("number", "count", "amount") and _at(t.lower, i + 1) == "of":
            for j in range(i + 2, min(i + 5, len(t.words))):
                noun = _noun(t.lower[j], OUTPUT_NOUNS)
                if noun is not None:
                    while _noun(_at(t.lower, j + 1), OUTPUT_NOUNS):
                        j += 1
                        noun = _noun(t.lower[j], OUTPUT_NOUNS) or noun
                    if _from_outsiders(t, j) or _at(t.lower, j + 1) == "per":
                        return None  # "… contributions from the wider community", "… pages per session": a rate
                    return Activity(t.phrase(lead, j), t.words[lead], "", noun)
    return None


def _index_at(t: _Title, offset: int) -> int:
    """Return the index of the token that starts at ``offset``."""
    return next((i for i, (a, _) in enumerate(t.spans) if a >= offset), len(t.spans) - 1)


def _restated(t: _Title, i: int) -> int:
    """Return the index past a parenthetical that restates a share as a count: "90% (≥1800) of records"."""
    if _at(t.lower, i) != "(":
        return i
    close = next((j for j in range(i, min(i + 6, len(t.words))) if t.lower[j] == ")"), i - 1)
    return close + 1


def _share_of_work(t: _Title) -> Activity | None:
    """Return work done on a share of the team's own items: "Review 100% of intake", "Map 100 % of processes",
    "15% of processes are reviewed", "100% of districts will be visited" (not "… reviewed within 2 days", a level)."""
    if any(w in ("within", "under", "before") for w in t.lower):
        return None
    shares = [i for i in range(1, len(t.words)) if t.lower[i] == "%" and _at(t.lower, _restated(t, i + 1)) == "of"]
    for share in shares:
        before = [w for w in t.lower[: share - 1] if w not in QUALIFIERS]  # "Review and assess 100% of RFPs"
        end = _restated(t, share + 1) + 1
        while _at(t.lower, end) in ("all", "the", "our", "of", "current", "new"):
            end += 1  # the phrase ends on what is worked on: "Review 100% of all initiative intake"
        if 0 < len(before) <= 3 and lemma(before[0], WORK_ON_ITEMS) and all(w.isalpha() or w == "&" for w in before):
            return Activity(t.phrase(0, min(end, len(t.words) - 1)), t.words[0], t.phrase(share - 1, share), "")
        if share == 1:  # "15% of processes are reviewed": the share opens the title, a work verb is its predicate
            for j in range(share + 2, min(len(t.words) - 1, share + 12)):
                if t.lower[j] in ("are", "is", "be", "been") and lemma(t.lower[j + 1], WORK_ON_ITEMS):
                    return Activity(t.phrase(0, j + 1), t.words[j + 1], t.phrase(0, 1), "")
    return None


def _achieves(t: _Title, found: Activity, measured: bool) -> bool:
    """Return True when the counted work is the means to a measured result joined to it: "Train 5 models and
    achieve ≥ 80% accuracy", "Develop 3 approaches, each achieving ≥60% accuracy" (the result is the target)."""
    if not measured:
        return False
    end = _index_at(t, t.text.find(found.phrase) + len(found.phrase))
    for i in range(end, len(t.words) - 1):
        if t.lower[i] in (".", ";"):
            return False
        if t.lower[i] in ("and", ",", "each", "to", "while") and lemma(t.lower[i + 1], OUTCOME_LEADS):
            return True
    return False


def _participle(word: str) -> bool:
    """Return True for a past participle, "run" too ("have run 5 workshops")."""
    return participle(word) or word == "run"


@lru_cache(maxsize=4096)
def find_activity(title: str) -> Activity | None:
    """Return the activity a key-result title counts or schedules (SPEC Q301), else None."""
    shared = _Title(title) if "%" in title and " of " in title else None
    if shared is not None and (done := _share_of_work(shared)) is not None:
        return done
    if not any(q.unit in ("cadence", "x", "times") or (q.value is not None and not q.unit) for q in quantities(title)):
        return None  # no plain count and no cadence: nothing is counted or scheduled
    t = shared or _Title(title)
    lead = next((i for i, w in enumerate(t.lower) if w[0].isalpha() and w not in ("we", "stretch", "kr")), 0)
    if t.lower[lead] in ("have", "has", "had") and _participle(_at(t.lower, lead + 1)):
        lead += 1  # "We have proposed 3 features": the work done leads, not "have" (which leads "Have 50 users")
    elif t.lower[lead] in ("keep", "continue") and _at(t.lower, lead + 1).endswith("ing"):
        lead += 1  # "Keep emailing 20 more schools": the work goes on, "keep" holds no level
    more = _more_output(t, lead) if t.counts else None
    if more is not None:
        return more
    measured = t.framed or _outcome_counted(t)
    # a statistic leads a measure: "Median of 1.22 Slack messages per day for club leaders"
    framed = measured or lemma(_at(t.lower, lead), OUTCOME_LEADS) is not None or t.lower[lead] in _STATISTICS
    for count in t.counts:
        found = _counted(t, count) or _held_with(t, count)
        if found is None:
            continue
        start = t.text.find(found.phrase)
        opens = _clause_start(t, _index_at(t, start)) or t.text[max(0, start - 3) : start].lower() == "by "
        if (not framed or start <= t.spans[lead][0] or (not measured and opens)) and not _achieves(t, found, measured):
            return found  # a measured title keeps only an activity that opens it
    return None if framed else scheduled(t)
