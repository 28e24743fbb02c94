"""The outcome an activity should move, as an example key result for Q301's message ("Publish 4 posts" → readers).

Q301 finds a title that counts or schedules the team's own output; its message suggests what that
output should change instead, by the kind of output counted.
"""

from __future__ import annotations

from okrlint.lint.spelling import word_set

__all__ = ["outcome_of_activity", "plural"]

_OUTPUT_OUTCOMES: tuple[tuple[frozenset[str], str], ...] = (
    (word_set("post blog article story video podcast episode newsletter content piece tutorial guide doc docs "
               "document documentation ebook whitepaper tweet case study page"),
     "Grow monthly readers of our {nouns} from 2,000 to 5,000"),
    (word_set("webinar workshop talk meetup conference conf event demo ama session training course booth "
               "seminar hackathon"), "Grow qualified sign-ups from {nouns} from 40 to 100 a quarter"),
    (word_set("interview conversation call survey visit qbr meeting pitch email outreach"),
     "Raise the share of {nouns} that lead to a next step from 20% to 35%"),
    (word_set("campaign ad asset landing abm program tactic"),
     "Grow qualified leads from {nouns} from 200 to 300 a month"),
    (word_set("bug issue ticket fix"), "Cut open {nouns} older than 30 days from 300 to 100"),
    (word_set("test experiment"), "Raise the share of releases with no regression from 80% to 95%"),
    (word_set("pr mr commit review change improvement addition"),
     "Cut median time from {noun} opened to merged from 3 days to 1"),
    (word_set("hires candidate engineer developer designer maintainer ae sdr ce rep"),
     "Cut the time to fill open roles from 60 to 40 days"),
)  # fmt: skip


def plural(noun: str) -> str:
    """Return the plural of an output noun as the grammar names it (singular or already plural)."""
    if noun.endswith(("ss", "ch", "sh", "x")):
        return noun + "es"  # "process", "batch"
    if noun.endswith("s"):
        return noun  # already plural: "alerts", "repositories", "hires"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u", ""):
        return noun[:-1] + "ies"  # "activity", "inquiry"
    return noun + "s"


def outcome_of_activity(noun: str) -> str:
    """Return an outcome a counted output (posts, webinars, bugs, ...) should move, as an example KR."""
    for nouns, example in _OUTPUT_OUTCOMES:
        if noun in nouns:
            return example.format(noun=noun, nouns=plural(noun))
    thing = f"the {plural(noun)}" if noun else "this work"
    return f"Raise what {thing} should move (usage, satisfaction or revenue) from A to B"
