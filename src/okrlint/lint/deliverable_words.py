"""Word classes that S201's deliverable grammar reads (SPEC S201): delivery and vague verbs, cues, done-states.

:mod:`okrlint.lint.deliverables` holds the grammar; this module only the words, so a list can be
extended without reading the grammar.
"""

from __future__ import annotations

from functools import lru_cache

from okrlint.lint.change_verbs import CHANGE, VAGUE
from okrlint.lint.spelling import word_set

__all__ = [
    "ABSTRACT_NOUNS",
    "ARTEFACTS",
    "ASSESSING_VERBS",
    "AUX",
    "BE",
    "CHANGE_VERBS",
    "CLAUSE_BREAKS",
    "COMPARATIVES",
    "DELIVERY_VERBS",
    "DONE_WORDS",
    "EVALUATIVE",
    "EXPLORING_VERBS",
    "EXTRA_VAGUE_IN_SENTENCES",
    "FILED_THINGS",
    "IRREGULAR",
    "MAKE_CUES",
    "MAKE_VAGUE_NEXT",
    "METRICS",
    "METRIC_LEADS",
    "OBJECT_EVALUATIVE",
    "OBJECT_STOPS",
    "ONGOING_VERBS",
    "PEOPLE",
    "PEOPLE_SUBJECTS",
    "PHRASAL_VAGUE",
    "PLAIN_QUALITIES",
    "RECORD_VERBS",
    "ROLE_VERBS",
    "SENTENCE_CUES",
    "SERVICE_VERBS",
    "SKIP",
    "STRONG_OBJECT_CUES",
    "SUPPLY_VERBS",
    "TOGETHER",
    "UNBOUNDED",
    "UNBOUNDED_CUES",
    "VAGUE_CUES",
    "VAGUE_OBJECTS",
    "VAGUE_VERBS",
    "VERB_PARTICLES",
    "WITH",
    "lemma",
    "manner_adverb",
    "participle",
    "quality_noun",
]


DELIVERY_VERBS = word_set(
    """ship land launch release deliver implement build create add remove publish document write draft hire
    migrate port rewrite refactor replace deprecate unprefix expose enable integrate prototype design define
    establish finish complete spec roll set introduce adopt automate merge upgrade update move convert switch
    announce deploy install configure provision assemble gather collect develop plan agree choose select decide
    determine finalize finalise perform conduct execute review track measure attribute factor align handover hand
    transition initiate begin start fire allow prevent support provide have get make share detect produce obtain
    secure approve validate standardize standardise devise come do run use capture communicate submit upstream fix
    rebuild refresh revamp redesign stand spin sunset retire decommission archive audit certify pass open translate
    localize localise onboard register announce publicize sign file close go bring put turn wrap extract split
    consolidate unify rename package containerize containerise split expand identify reconfigure propose show display
    surface visualize visualise solve estimate calculate quantify compute forecast recommend generate include"""
)
VAGUE_VERBS = VAGUE | word_set(  # and the verbs of change marked V in okrlint.lint.change_verbs
    """foster address investigate consider learn collaborate work focus continue maintain keep nail meet hit achieve
    exceed evaluate explore understand engage encourage promote help empower sustain nurture cultivate deepen
    broaden elevate advance progress clarify evolve shape mature solidify ramp level invest prioritize prioritise
    champion embrace delight wow inspire educate stay remain protect safeguard uphold reinforce bolster fortify
    enrich revitalize revitalise reinvigorate instill instil tighten harden own lead be become leverage capitalize
    capitalise unlock position differentiate excel master perfect empower energize energise listen connect socialize
    socialise evangelize evangelise experiment mitigate shift spread pursue tackle embed save attract retain
    modernize modernise rethink revisit reimagine"""
)
COMPARATIVES = word_set("more less fewer better faster higher lower bigger smaller greater")
PEOPLE = word_set("users user customers customer developers everyone people teams team engineers members")
# subjects whose behaviour nobody counts in a sentence: "People continue to talk about our brand"
PEOPLE_SUBJECTS = PEOPLE | word_set(
    """community partners folks readers visitors prospects buyers admins maintainers contributors employees staff
    designers marketers writers analysts researchers managers leaders executives founders hires newcomers reps"""
)
TOGETHER = frozenset({"work", "collaborate", "partner", "coordinate", "team"})
WITH = frozenset({"with", "across", "closely", "together", "alongside"})
EXTRA_VAGUE_IN_SENTENCES = frozenset({"expand", "convert"})
VAGUE_CUES = word_set(
    """more better less fewer faster easier quicker smoother slower cheaper improved improves improving improvement
    improvements increase increases increased increasing reduce reduces reduced reducing growing growth grows steady
    steadily consistently positive positively negative negatively feedback engagement engaged trust trusts
    trusted know knows rely relies jealous believe mention mentions reflect reflects hear see sees feel feels happy
    satisfied satisfaction confident confidence awareness visibility longer bottleneck blocked easily measurably
    significantly successful successfully effective effectively efficient efficiently definitive ahead proves want
    wants understand understands shorter healthier impact world-class best-in-class industry-leading
    state-of-the-art seamless seamlessly delightful excellent great robust further optimal optimized love loves
    loved proud excited aware clarity clear valued enjoy enjoys recommend recommends praise delight delighted
    frustration frustrated friction intuitive easy quickly scalable sustainable strong stronger
    healthy thriving vibrant well-known recognized recognised respected go-to first-class top-notch high-quality
    awesome amazing stellar exceptional fantastic superb incredible
    momentum traction buzz reputation perception sentiment morale empowered motivated happier satisfying
    meaningful compelling outstanding superior leading thought-leader higher greater deeper broader wider clearer
    cleaner simpler richer tighter smarter safer sharper leaner bigger closer best worse aligned sound good solid
    prettier nicer slightly smoothly nicely frictionless painless flawless hassle-free widely broadly commonly
    extensively heavily frequently increasingly
    """
)
STRONG_OBJECT_CUES = word_set(
    """better world-class best-in-class industry-leading state-of-the-art seamless seamlessly delightful excellent
    great robust further progress headway awareness relationships relationship trust momentum culture presence
    excitement understanding excellence leadership mindshare reputation engagement successful"""
)
MAKE_CUES = VAGUE_CUES | word_set(
    """performant fast reliable stable usable accessible efficient ready fun obvious useful valuable helpful relevant
    actionable"""
)
# what "raise" files rather than grows: "Raise PR to the docs", "raise an issue"
FILED_THINGS = word_set("pr prs mr mrs pull issue issues ticket tickets bug bugs rfc")
# qualities "make" asks for that name no change, quoted as the deciding word: "Make it easy to deploy"
PLAIN_QUALITIES = word_set("easy simple clear great good nice pretty smooth intuitive")
# a delivery verb's own preposition, quoted with it: "Decide with Firely", "Report on usage"
VERB_PARTICLES = word_set("on with to for about into up out")
CHANGE_VERBS = CHANGE  # the verbs of change marked C in okrlint.lint.change_verbs
UNBOUNDED = frozenset(
    {
        ("as", "needed"), ("if", "necessary"), ("where", "possible"), ("wherever", "possible"), ("if", "possible"),
        ("where", "appropriate"), ("wherever", "appropriate"), ("make", "sure"),
        ("1st", "class"), ("first", "class"), ("world", "class"), ("good", "state"), ("good", "shape"), ("a", "bit"),
        ("pay", "down"), ("on", "time"), ("on", "budget"), ("on", "schedule"),
    }
)  # fmt: skip
VAGUE_OBJECTS = frozenset({"work", "efforts", "effort", "initiatives", "activities", "things", "everything"})
# amounts nobody bounds and feelings nobody counts, wherever they sit in a delivery verb's object
UNBOUNDED_CUES = word_set(
    "sufficient enough adequate aggressively everything something love loves enjoy enjoys various huge"
)
# nouns that name a quality, a function or a field of work, not an artefact: "Expand the capabilities of our team",
# "Unify the AI story", "Revamp our email marketing", "CI optimization", "Merge queue stability"
ABSTRACT_NOUNS = word_set(
    """capability capabilities coverage story narrative marketing equity efficiency adoption culture presence quality
    stability simplicity reliability scalability usability resilience maturity consistency productivity velocity
    optimization optimizations optimisation optimisations hardening exploration investigation expression alignment
    transition footprint positioning excellence mindset awareness understanding engagement collaboration accountability
    ownership transparency diversity inclusion belonging wellbeing well-being posture discoverability partnerships
    vision focus security speed health clarity trust confidence satisfaction happiness morale
    momentum traction reputation perception sentiment mindshare autonomy hygiene robustness responsiveness polish
    delight ease convenience growth accuracy flexibility extensibility maintainability reach ranking rankings
    retention conversion churn latency uptime activation traffic revenue promotion outreach evangelism advocacy"""
)
# nouns that name a metric: a bare noun phrase headed by one names what to measure, not a value or a deliverable
# ("App load time", "Cloud cost", "Change failure rate"); "Number of incidents" leads with one of METRIC_LEADS
METRICS = word_set(
    """time times rate rates cost costs spend latency count score scores churn nps csat ratio frequency duration
    uptime downtime mttr mttd percentage throughput"""
)
METRIC_LEADS = word_set("number percentage percent share rate ratio amount count proportion")
# adjectives that praise rather than name: "Comprehensive data visualization suite", "Useful clusters"
EVALUATIVE = word_set(
    """comprehensive extensible usable useful stable widespread strong competitive world-class reliable robust
    scalable performant powerful flexible intuitive seamless effortless delightful safe frictionless painless flawless
    hassle-free"""
)
# evaluative words that stay vague inside a delivery verb's object ("Ensure comprehensive coverage"); "stable" names
# a release state there ("Ship a stable API"), "strong" a person ("Hire a strong Chief of Staff")
OBJECT_EVALUATIVE = word_set("comprehensive widespread competitive world-class awesome amazing important")
SENTENCE_CUES = VAGUE_CUES | UNBOUNDED_CUES | OBJECT_EVALUATIVE
# verbs whose artefact is a finding about their object, which may be a quality: "Review student engagement"
ASSESSING_VERBS = word_set("review audit analyze analyse measure assess")
# verbs whose object is the topic of an artefact they make: "Document our culture", "Measure adoption"
RECORD_VERBS = ASSESSING_VERBS | word_set(
    """document write draft publish spec define design plan propose present track report describe outline expose show
    display surface visualize monitor estimate calculate quantify compute forecast"""
)

# a verb and the particle or noun after it that make exploring or drifting, never done: "Look into pricing",
# "Figure out our strategy", "Move towards a platform model", "Lay the groundwork for X"
PHRASAL_VAGUE = frozenset(
    {
        ("look", "into"), ("look", "at"), ("look", "across"), ("figure", "out"), ("think", "about"),
        ("think", "through"), ("dig", "into"), ("delve", "into"), ("lean", "into"), ("expand", "into"),
        ("grow", "into"), ("branch", "out"), ("lay", "groundwork"), ("lay", "foundation"), ("lay", "foundations"),
        ("reach", "out"), ("serve", "as"), ("act", "as"), ("plug", "gaps"), ("plug", "leaks"), ("plug", "holes"),
        ("take", "steps"), ("take", "step"), ("scale", "up"),
    }
)  # fmt: skip
# verbs that explore rather than decide or make: after a dash they outweigh the headline ("Pricing – explore models")
EXPLORING_VERBS = word_set("explore investigate experiment research study")
# verbs that serve people rather than make a thing: "Support the sales team", "Equip our engineers"
SERVICE_VERBS = word_set("support serve assist equip enable advise coach mentor counsel consult guide")
# "ET will serve as consultants", "Act as the point of contact": a role held, not a result
ROLE_VERBS = word_set("serve act function")
# "Training will be provided": a service promised, not a thing delivered (a done-state needs "is provided")
SUPPLY_VERBS = word_set("provide offer give render furnish")
# verbs of ongoing advocacy or care: coordinated with a delivery ("Document and evangelize designs") they keep it open
ONGOING_VERBS = word_set("evangelize evangelise promote champion advocate educate nurture cultivate sustain")
# nouns in -ness that name a thing, not a quality
_NOT_QUALITIES = word_set("business businesses harness witness wilderness")
_NOMINAL_ENDINGS = (("izations", "ize"), ("ization", "ize"), ("isations", "ise"), ("isation", "ise"),
                    ("ifications", "ify"), ("ification", "ify"), ("ations", "ate"), ("ation", "ate"), ("ations", "e"),
                    ("ation", "e"), ("ments", ""), ("ment", ""), ("tions", "e"), ("tion", "e"))  # fmt: skip


@lru_cache(maxsize=4096)
def quality_noun(word: str, change_verbs: frozenset[str] = frozenset()) -> bool:
    """Return True for a noun that names a quality, not an artefact: "smoothness", "readiness", and with
    ``change_verbs`` the noun of a change verb ("enhancements", "simplification", "reduction")."""
    if len(word) > 6 and word.endswith("ness") and word not in _NOT_QUALITIES:
        return True
    return any(
        word.endswith(suffix) and word[: -len(suffix)] + base in change_verbs for suffix, base in _NOMINAL_ENDINGS
    )


def manner_adverb(word: str, adjectives: frozenset[str]) -> bool:
    """Return True for an adverb made from one of ``adjectives``: "reliably", "sustainably", "robustly", "easily"."""
    if not word.endswith("ly") or len(word) < 6:
        return False
    stem = word[:-2]
    bases = (stem, stem[:-1] + "y" if stem.endswith("i") else "", stem + "le" if word.endswith("bly") else "")
    return any(b in adjectives for b in bases if b)


# nouns that make a praise word before them a name: "engagement metrics", "awareness survey"
ARTEFACTS = word_set(
    "metric metrics dashboard dashboards survey surveys score report reports model framework programme programmes"
    " program programs strategy plan policy"
)
MAKE_VAGUE_NEXT = frozenset({"progress", "headway", "material", "improvements", "sure", "it", "things", "more"})
DONE_WORDS = word_set(
    """live available default ready exists exist done complete completed on-by-default interoperable supports
    working works passing interops exposes handles contains outlines describes indicates documents lists covers
    includes uses merged shipped landed launched released delivered implemented built created added removed
    published documented written drafted hired migrated ported rewritten refactored replaced deprecated unprefixed
    exposed enabled integrated prototyped designed defined established finished specd specced rolled introduced
    adopted automated upgraded updated moved switched announced deployed installed configured provisioned
    developed planned agreed chosen selected decided determined finalized finalised approved validated
    standardized standardised submitted upstreamed fixed rebuilt revamped redesigned sunset retired
    decommissioned archived audited certified passed opened translated localized signed filed closed proposed
    reviewed tracked measured versioned alerted classified researched monitored used"""
)
AUX = word_set(
    """is are was were isn't aren't wasn't weren't does doesn't do don't did didn't will won't can can't cannot
    should could would has have hasn't haven't had gets get got becomes we're they're you're"""
)
OBJECT_STOPS = word_set("to for in on by with via from at of into before after during until , ( : ; - — –")
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "isn't", "aren't"})
CLAUSE_BREAKS = frozenset({"that", "which", "where", "when", "while", "so", "because", "if", "unless", "whereas"})
SKIP = word_set(
    """stretch [stretch] kr key result we we'll we've i i'll let's to also then and fully clearly
    continuously proactively regularly successfully finally first"""
)
IRREGULAR = {"built": "build", "written": "write", "made": "make", "done": "do", "ran": "run", "got": "get",
              "gotten": "get", "set": "set", "put": "put", "begun": "begin", "began": "begin", "chosen": "choose",
              "brought": "bring", "held": "hold", "sent": "send", "spun": "spin", "went": "go", "gone": "go",
              "kept": "keep", "met": "meet", "hit": "hit", "shut": "shut", "rebuilt": "rebuild", "rewritten": "rewrite",
              "specd": "spec", "specced": "spec", "grown": "grow", "grew": "grow", "did": "do",
              "wrote": "write", "gave": "give", "given": "give", "took": "take", "taken": "take", "led": "lead",
              "spoke": "speak", "spoken": "speak", "won": "win", "sold": "sell", "taught": "teach"}  # fmt: skip


def participle(word: str) -> bool:
    """Return True for a past participle by its form: "proposed", "written", "built" ("are set", "is built")."""
    return word.endswith(("ed", "en")) or word in IRREGULAR


@lru_cache(maxsize=16384)
def lemma(word: str, known: frozenset[str]) -> str | None:
    """Return the base form of ``word`` found in ``known`` (ships, shipped, shipping -> ship), else None."""
    word = word.lower().strip("'’-")
    if word in IRREGULAR and IRREGULAR[word] in known:
        return IRREGULAR[word]
    candidates = [word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)] + repl
            candidates += [stem, stem[:-1]] if len(stem) > 3 and stem[-1] == stem[-2] else [stem]
    return next((c for c in candidates if c in known), None)
