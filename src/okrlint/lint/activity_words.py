"""Word classes that Q301's grammar reads: activity verbs, output, staff and outcome nouns (SPEC Q301).

Verbs that always make output (``STRONG_VERBS``) take any object; the others (``WEAK_VERBS``)
only an output noun. Nouns are kept singular; :mod:`okrlint.lint.activities` folds plurals.
"""

from __future__ import annotations

from okrlint.lint.change_verbs import OUTCOME
from okrlint.lint.spelling import word_set

__all__ = [
    "CHOOSING_VERBS",
    "EVIDENCE_WORDS",
    "OUTCOME_LEADS",
    "OUTCOME_NOUNS",
    "OUTPUT_NOUNS",
    "QUALIFIERS",
    "STAFF_NOUNS",
    "STOPS",
    "STRONG_VERBS",
    "WEAK_VERBS",
    "WORK_ON_ITEMS",
]

STRONG_VERBS = word_set(
    """conduct publish hold write run host send organize organise attend post perform schedule give present produce
    record interview visit submit draft prepare facilitate teach arrange file review film shoot book implement
    source triage identify speak generate feature amplify upstream fix close resolve merge contribute train
    benchmark execute standardize standardise document author translate evaluate analyze analyse research call
    email mentor coach celebrate contact spotlight thank tweet blog demo pitch complete create build design develop
    find collect gather test hack do make hire recruit define validate examine inspect verify fund award"""
)
WEAK_VERBS = word_set("ship launch deliver add release set have bring start introduce update share plan")
# verbs of work done on each item of a set: a share of the team's items they are applied to counts work ("Review 100%
# of intake", "100% of districts are visited"), where a state reached is coverage ("100% of tests are converted")
WORK_ON_ITEMS = word_set(
    "review triage map visit complete upstream audit label interview call contact survey fix solve resolve close"
)
OUTPUT_NOUNS = word_set(
    """interview post blog article webinar campaign training session call meeting workshop video feature email
    newsletter event demo test testcase experiment release talk presentation report case study podcast episode survey
    cfp essay procedure workflow bot run summary recap roundup write-up writeup round
    prototype tutorial guide doc docs document documentation course visit conference conf meetup hackathon
    whitepaper ebook tweet story ad asset brochure infographic page lesson module pilot poc retro retrospective
    audit assessment pitch proposal message letter pr mr commit deck slide mockup wireframe dashboard playbook spec
    rfc 1:1 one-on-one qbr standup offsite booth seminar class lecture certification piece content bug issue
    ticket improvement addition change fix update path tactic initiative effort resource ama announcement tool
    snapshot integration script example sample template faq review conversation outreach touchpoint sync
    check-in checkin huddle office-hours hour livestream stream screencast walkthrough cadence minute standup
    abm program component controller patch contribution submission keynote panel briefing epic task blogpost
    thread lecture reel activity deliverable iteration project chart graph diagram inquiry artefact artifact runbook
    checklist recipe plugin connector recommendation question"""
)
STAFF_NOUNS = word_set(
    """engineer developer designer maintainer hire candidate ae sdr ce rep manager marketer writer recruiter
    contractor intern teammate member advocate"""
)
OUTCOME_NOUNS = word_set(
    """user customer client subscriber signup sign-up download install view listen reader attendee participant
    merchant market country lead mql sql sao opportunity deal logo revenue arr dollar partner contributor star
    follower impression click organization organisation company prospect visitor buyer seller account-holder
    tenant shopper learner student developer community fan publisher builder curator creator adopter press media
    journalist analyst"""
)
QUALIFIERS = word_set(
    """at least at-least atleast minimum over more than up to another additional a an total of the top first new roughly
    about around ~
    out ≥ > ⩾"""
)
OUTCOME_LEADS = OUTCOME | word_set(  # and the verbs of change marked O in okrlint.lint.change_verbs
    "reach get achieve hit maintain keep exceed attract win retain sign acquire convert"
)
# verbs that pick from what exists: "Identify and rank the top 5 predictive features" chooses, it makes nothing
CHOOSING_VERBS = word_set("identify rank select pick choose prioritize prioritise shortlist name")
# a cadence after these says how a result is shown, it schedules nothing: "evidenced through monthly reporting"
EVIDENCE_WORDS = word_set("evidenced measured demonstrated shown proven tracked verified")
STOPS = word_set(
    """in on at for to of with by from and or per within across into about via through as than that which who where
    have has had are is was were will can could should must do does did be been not outside after before during
    over under between inside around among against without except like including such both all each every"""
)
