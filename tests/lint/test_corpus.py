"""Measure S201, S202 and Q301 on the corpus of real key-result titles (tests/lint/corpus).

Every title is linted through okrlint's public lint path, as one OKR set in a temporary
repository, in the three modes of issue 12:

* ``pasted``: the title alone, no fields (as people paste their OKRs);
* ``milestones``: titles labelled ``deliverable`` carry ``milestone: true``;
* ``targets``: as ``milestones``, plus ``target`` (and ``baseline``) where the corpus reads them
  from the title.

S201 is scored against the label ``vague``, Q301 against ``activity``. The numbers are printed
(``pytest -s``) per set and for the entries that are not borderline. Two kinds of evidence are
asserted:

* the **tuned** sets (``kr_titles``, ``fresh_titles``, ``unseen_titles``, ``final_titles``, ``late_titles``,
  ``former_holdout_titles``, ``fourth_titles``, ``fifth_titles``, ``sixth_titles``, ``seventh_titles``,
  ``eighth_titles`` to ``nineteenth_titles``, ``twentyfirst_titles``, ``twentythird_titles``,
  ``twentyfourth_titles`` to ``twentysixth_titles``, and ``holdout_titles`` since round 17) were read while the
  grammar was written (``seventh_titles`` was measured blind, its errors unread, but its titles were known to
  whoever wrote round 6's changes); the rules must keep the level they reach there, together and, for the eighth set
  on, on their own;
* the **blind** sets (``BLIND_SETS``: ``twentieth_titles.yaml`` and ``twentysecond_titles.yaml``, round 17) were
  collected and labelled before okrlint ran on them and have never been used to change the rules (their errors are
  not read): the rules must keep the level of their single read. They are the honest measure of titles nobody on the
  project has seen. A change made because a blind title was judged wrongly turns its set into a tuned one: move it to
  ``TUNED_SETS`` and collect a new blind set (corpus README). ``holdout_titles.yaml`` (round 5) was the blind set
  until round 17, which read its errors and changed the rules by class; it is a tuned set since, with floors at the
  level round 17 reached.

The **ninth** set (``ninth_titles.yaml``, North Dakota IT and three Mozilla teams) was collected and labelled the
same way in round 8, read blind once, and tuned on since; its floors keep round 8's level.

The **tenth** set (``tenth_titles.yaml``: student teams of Overture Maps' Project Terraforma, OpenSSF's Alpha-Omega and
Dream DAO) was collected, labelled and committed in round 9 before okrlint ran on it, read blind once, and tuned on
since; its floors keep round 9's level.

The **eleventh** set (``eleventh_titles.yaml``: the Microsoft Healthcare team in Madison, Electron's working groups and
Chi Hack Night's board) was collected, labelled and committed before okrlint ran on it, read blind once in round 10, and
tuned on since; its floors keep round 10's level.

The **twelfth** (``twelfth_titles.yaml``: Hack Club, Kiwi.com's Orbit team) and **thirteenth**
(``thirteenth_titles.yaml``: MayaData) sets were collected, labelled and committed before okrlint ran on them, read
blind once each in round 11, and tuned on since; their floors keep round 11's level.

The **fourteenth** set (``fourteenth_titles.yaml``: Life Itself, 30 seconds of code, the Lisbon Data Science Academy)
was collected, labelled and committed before okrlint ran on it, read blind once in round 12, and tuned on since; its
floors keep round 12's level.

The **fifteenth** set (``fifteenth_titles.yaml``: SciLifeLab Data Centre, Fleet, GOV.UK Design System, Nix@NGI, the UK
cross-government software community, the Foundation for Public Code) was collected, labelled and committed before
okrlint ran on it, read blind once in round 13, and tuned on since; its floors keep round 13's level.

The **sixteenth** set (``sixteenth_titles.yaml``: FTW DAO, LunarDAO, the Oregon Geographic Information Council, MoonDAO)
was collected, labelled and committed before okrlint ran on it, read blind once in round 14, and tuned on since; its
floors keep round 14's level.

The **seventeenth** set (``seventeenth_titles.yaml``: University of Leeds Libraries, Open edX, Princeton Public Library,
the City of College Park, Stacks Foundation, Aragon, Wikimedia) was collected, labelled and committed before okrlint ran
on it, read blind once in round 15, and tuned on since; its floors keep round 15's level.

The **eighteenth** set (``eighteenth_titles.yaml``: Hypha Worker Co-operative, Meltano, Sage Bionetworks) was collected,
labelled and committed before okrlint ran on it, read blind once in round 16, and tuned on since; its floors keep round
16's level.

The **nineteenth** set (``nineteenth_titles.yaml``: Wechaty, Enarx, DXOS, IE SafeBank) was collected, labelled and
committed before okrlint ran on it, read blind once in round 17, and tuned on since; its floors keep round 17's level.
The **twenty-first** set (``twentyfirst_titles.yaml``: CNCF TechDocs, Monlam AI, world-change, MetaMask's Design System
team) was collected the same way, read blind once in round 17, and tuned on since; its floors keep round 17's level.
The **twenty-third** set (``twentythird_titles.yaml``: Meilisearch DevRel, Bit Project, The Philadelphia Inquirer's data
engineering team) was collected the same way, read blind once in round 17, and tuned on since; the **twenty-fourth**
(``twentyfourth_titles.yaml``: the Tor Project, CDC, Open Collective, Mina Protocol) was read blind once after it and
needed no change; the **twenty-sixth** (``twentysixth_titles.yaml``: Redgate, Microsoft's .NET docs team, NuGet; 8
titles) and the **twenty-fifth** (``twentyfifth_titles.yaml``: Grassroots Economics, JetBrains' Kotlin
formal-verification team, Calkit; 82 titles) were read blind once each and tuned by one class each.
The **twentieth** set (``twentieth_titles.yaml``: the Center for Digital Equity, three NEAR community bodies, Status,
OlympusDAO, Cabin) and the **twenty-second** (``twentysecond_titles.yaml``: the IOTA Foundation, Alkemio, OpenStax,
Carbon Design System, BC Registries) were collected, labelled and committed the same way in round 17 and are the blind
sets now.

The **eighth** set (``eighth_titles.yaml``) comes from five organisations no other set uses (source{d}, the VA's
OCTO, Gitcoin, the CD Foundation TOC, JSON Schema). It was labelled before okrlint ever ran on it and measured
blind once; round 7 changed the rules because of the errors of that read, so it is a tuned set now, with floors
at the level round 7 reached on it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from linting import lint_files

CORPUS_DIR = Path(__file__).parent / "corpus"
TUNED_SETS = (
    "kr_titles",
    "fresh_titles",
    "unseen_titles",
    "final_titles",
    "late_titles",
    "former_holdout_titles",
    "fourth_titles",
    "fifth_titles",
    "sixth_titles",
    "seventh_titles",
    "eighth_titles",
    "ninth_titles",
    "tenth_titles",
    "eleventh_titles",
    "twelfth_titles",
    "thirteenth_titles",
    "fourteenth_titles",
    "fifteenth_titles",
    "sixteenth_titles",
    "seventeenth_titles",
    "eighteenth_titles",
    "nineteenth_titles",
    "twentyfirst_titles",
    "twentythird_titles",
    "twentyfourth_titles",
    "twentyfifth_titles",
    "twentysixth_titles",
    "holdout_titles",
)
HOLDOUT_SET = "holdout_titles"  # round 5's blind set, tuned since round 17
EIGHTH_SET = "eighth_titles"
NINTH_SET = "ninth_titles"
TENTH_SET = "tenth_titles"
ELEVENTH_SET = "eleventh_titles"
TWELFTH_SET = "twelfth_titles"
THIRTEENTH_SET = "thirteenth_titles"
FOURTEENTH_SET = "fourteenth_titles"
FIFTEENTH_SET = "fifteenth_titles"
SIXTEENTH_SET = "sixteenth_titles"
SEVENTEENTH_SET = "seventeenth_titles"
EIGHTEENTH_SET = "eighteenth_titles"
NINETEENTH_SET = "nineteenth_titles"
TWENTIETH_SET = "twentieth_titles"
TWENTYFIRST_SET = "twentyfirst_titles"
TWENTYSECOND_SET = "twentysecond_titles"
TWENTYTHIRD_SET = "twentythird_titles"
TWENTYFOURTH_SET = "twentyfourth_titles"
TWENTYFIFTH_SET = "twentyfifth_titles"
TWENTYSIXTH_SET = "twentysixth_titles"
BLIND_SETS = (TWENTIETH_SET, TWENTYSECOND_SET)
SETS = {name: yaml.safe_load((CORPUS_DIR / f"{name}.yaml").read_text("utf-8")) for name in (*TUNED_SETS, *BLIND_SETS)}
CORPUS = [entry | {"set": name} for name, entries in SETS.items() for entry in entries]
MODES = ("pasted", "milestones", "targets")
RULES = ("S201", "S202", "Q301")
# (precision, recall) on the tuned sets together, every mode: the level the rules reach there (README). S201's recall
# floor was 0.90 until round 10 added the eleventh set, whose 7 vague titles still missed are all borderline (0.894);
# its pasted precision floor was 0.91 until round 11 added the twelfth and thirteenth sets (0.911 → 0.903), 4 of whose 5
# deliverables still called vague when pasted are borderline. Round 12 added the fourteenth set (131 titles): S201
# pasted 0.903 / 0.896 → 0.897 / 0.892 and Q301 recall 0.872 → 0.848 (8 of its 11 activities still missed are
# borderline). Round 13 added the fifteenth set (60 titles, 11 vague, 30 borderline): S201 pasted 0.897 / 0.892 →
# 0.893 / 0.884 (3 of its 5 vague titles still missed are borderline). Round 14 added the sixteenth set (62 titles):
# S201 pasted 0.902 / 0.884 → 0.899 / 0.882, Q301 0.912 / 0.855 → 0.913 / 0.849. Round 15 added the seventeenth set
# (71 titles, 17 vague): S201 pasted → 0.891 / 0.880 (476 of 541; its 3 vague titles still missed are borderline).
# Round 17 moved round 5's holdout set (194 titles, 71 vague, its 15 misses left 9 borderline), the nineteenth (64
# titles, 16 activities, 14 borderline) and the twenty-first (34 titles, 14 activities, 12 borderline; 10 still missed,
# all borderline) into the tuned sets: S201 pasted 0.894 / 0.883 → 0.897 / 0.873, Q301 0.908 / 0.849 → 0.908 / 0.820
# (3,615 titles; not borderline Q301 0.973 / 0.944); with the twenty-third to twenty-sixth sets (3,851) S201 0.894 /
# 0.867, Q301 0.913 / 0.818.
THRESHOLDS = {"S201": (0.89, 0.86), "Q301": (0.90, 0.81)}
Floor = tuple[float, float]  # (precision, recall)


def floors(s201: tuple[float, float, float], q301: tuple[float, float, float]) -> dict[tuple[str, str], Floor]:
    """Return per-mode (precision, recall) floors from each rule's (precision pasted, precision with fields, recall).

    Marked milestones and targets only exempt deliverables, so the two modes with fields share a floor and every mode
    shares the recall floor.
    """
    table: dict[tuple[str, str], Floor] = {}
    for code, (pasted, with_fields, recall) in (("S201", s201), ("Q301", q301)):
        table[code, "pasted"] = (pasted, recall)
        table[code, "milestones"] = table[code, "targets"] = (with_fields, recall)
    return table


# Per set: (precision pasted, precision with fields, recall) of each rule, the floor of the level last measured.
SET_THRESHOLDS = {
    # Round 5's holdout set, its errors unread until round 17: round 6's single read found 48 of its 71 vague titles
    # (0.59 at the first read, 0.65 after round 5) and called 10 deliverables vague when pasted (9 before), P 0.828 / R
    # 0.676, and every read since (rounds 13, 14, 16, 17) gave the same; Q301 found all 3 activities and one outcome
    # (P 0.75). Round 17 read its errors and changed the grammar by class (corpus README): S201 finds 56 of 71 and
    # calls 4 deliverables vague when pasted (0.933 / 0.789; 1.00 / 0.789 with milestones); 9 of the 15 it still misses
    # are borderline. It is a tuned set now.
    HOLDOUT_SET: floors(s201=(0.93, 0.99, 0.78), q301=(0.74, 0.74, 0.99)),
    # The eighth set, now a tuned set: its single blind read found 26 of its 41 vague titles (S201 P 0.839 / R 0.634
    # pasted, 1.00 / 0.634 with milestones) and 16 of its 34 activities (Q301 0.889 / 0.471 pasted, 0.941 / 0.471 with
    # milestones). Round 7 fixed the general causes of those misses (corpus README): S201 finds 39 of 41 and calls 3
    # deliverables vague when pasted (P 0.929 / R 0.951; 1.00 / 0.951 with milestones), Q301 finds 30 of 34 (0.938 /
    # 0.882 pasted, 0.968 / 0.882 with milestones). The floors sit just below. Round 9 no longer counts "identifying up
    # to three … KPIs" inside a deliverable (Q301 pasted P 0.968).
    EIGHTH_SET: floors(s201=(0.92, 0.99, 0.97), q301=(0.96, 0.96, 0.88)),
    # The ninth set (North Dakota IT, Mozilla Reps, Participation and Foundation), now a tuned set: its single blind
    # read found 5 of its 24 vague titles and called 8 others vague when pasted (S201 P 0.385 / R 0.208; 0.714 / 0.208
    # with milestones) and 16 of its 31 activities (Q301 0.889 / 0.516; 0.941 / 0.516). Round 8 changed the grammar by
    # class (corpus README): S201 finds 18 of 24 and calls 3 deliverables vague when pasted (0.857 / 0.750; 1.00 / 0.750
    # with milestones), Q301 finds 25 of 31 (0.926 / 0.806; 0.962 / 0.806). Round 8 also found one more of the eighth
    # set's vague titles ("plug leaks in the cohort analysis": 40 of 41).
    NINTH_SET: floors(s201=(0.85, 0.99, 0.75), q301=(0.92, 0.96, 0.80)),
    # The tenth set (Project Terraforma student teams, OpenSSF Alpha-Omega, Dream DAO), now a tuned set: its single
    # blind read found 7 of its 11 vague titles and called 2 others vague when pasted (S201 P 0.778 / R 0.636; 0.875 /
    # 0.636 with milestones) and 15 of its 28 activities, counting 7 other titles (Q301 0.682 / 0.536; 0.750 / 0.536
    # with milestones). Round 9 changed the grammar by class (corpus README): S201 finds 10 of 11 and calls one
    # deliverable vague when pasted (0.909 / 0.909; 1.00 / 0.909 with milestones), Q301 finds 25 of 28 and counts one
    # deliverable when pasted (0.962 / 0.893; 1.00 / 0.893). Every title it still misjudges is borderline.
    TENTH_SET: floors(s201=(0.90, 0.99, 0.90), q301=(0.96, 0.99, 0.89)),
    # The eleventh set (Microsoft Healthcare Madison, Electron working groups, Chi Hack Night), now a tuned set: its
    # single blind read found 19 of its 29 vague titles and called 7 deliverables vague when pasted (S201 P 0.731 / R
    # 0.655; 1.00 / 0.655 with milestones) and 8 of its 21 activities, counting 3 other titles (Q301 0.727 / 0.381 in
    # every mode). Round 10 changed the grammar by class (corpus README): S201 finds 22 of 29 and calls 5 deliverables
    # vague when pasted (0.815 / 0.759; 1.00 / 0.759 with milestones), Q301 finds 16 of 21 (0.842 / 0.762). Every S201
    # miss is borderline, and so are the three titles Q301 counts wrongly.
    ELEVENTH_SET: floors(s201=(0.81, 0.99, 0.75), q301=(0.84, 0.84, 0.76)),
    # The twelfth set (Hack Club's 2017 staff OKRs, Kiwi.com's Orbit design-system team; 32 titles, 3 vague, 2
    # activities), now a tuned set: its single blind read, with round 11's changes for the thirteenth set already made,
    # found all 3 vague titles and called 3 deliverables vague when pasted (S201 0.50 / 1.00; 1.00 / 1.00 with
    # milestones) and 1 of its 2 activities, counting 2 outcomes (Q301 0.33 / 0.50). Round 11 changed the grammar by
    # class (corpus README): Q301 finds both and counts one borderline outcome (0.67 / 1.00); S201 is unchanged (two of
    # its three pasted errors are borderline "be able to" tests).
    TWELFTH_SET: floors(s201=(0.50, 0.99, 1.00), q301=(0.66, 0.66, 1.00)),
    # The thirteenth set (MayaData's 2019 staff OKRs; 71 titles, 5 vague, 6 activities), now a tuned set: its single
    # blind read found 4 of its 5 vague titles and called 4 deliverables vague when pasted (S201 0.50 / 0.80; 1.00 /
    # 0.80 with milestones) and none of its 6 activities (Q301 recall 0.00). Round 11 changed the grammar by class
    # (corpus README): S201 calls 2 borderline deliverables vague when pasted (0.67 / 0.80), Q301 finds 5 of 6 (1.00 /
    # 0.83). Every title either rule still misjudges is borderline.
    THIRTEENTH_SET: floors(s201=(0.66, 0.99, 0.80), q301=(0.99, 0.99, 0.83)),
    # The fourteenth set (Life Itself, 30 seconds of code, Lisbon Data Science Academy; 131 titles, 7 vague, 23
    # activities), now a tuned set: its single blind read (round 12) found 3 of its 7 vague titles and called 7 others
    # vague when pasted (S201 0.30 / 0.43; 0.75 / 0.43 with milestones) and 9 of its 23 activities (Q301 0.82 / 0.39).
    # Round 12 changed the grammar by class (corpus README): S201 0.50 / 0.57 pasted (1.00 / 0.57), Q301 0.92 / 0.52;
    # every Q301 miss left but three is borderline.
    FOURTEENTH_SET: floors(s201=(0.50, 0.99, 0.57), q301=(0.92, 0.92, 0.52)),
    # The fifteenth set (SciLifeLab Data Centre, Fleet, GOV.UK Design System, Nix@NGI, UK x-gov software community,
    # Foundation for Public Code; 60 titles, 11 vague, 3 activities, 30 borderline), now a tuned set: its single blind
    # read (round 13) found 4 of its 11 vague titles and called 4 deliverables vague when pasted (S201 0.50 / 0.36;
    # 1.00 / 0.36 with milestones) and 1 of its 3 activities, counting one borderline deliverable (Q301 0.50 / 0.33).
    # Round 13 changed the grammar by class (corpus README): S201 0.67 / 0.55 pasted (1.00 / 0.55), Q301 0.75 / 1.00
    # (1.00 / 1.00); not borderline S201 0.80 / 0.80.
    FIFTEENTH_SET: floors(s201=(0.66, 0.99, 0.54), q301=(0.75, 0.99, 0.99)),
    # The sixteenth set (FTW DAO, LunarDAO, Oregon Geographic Information Council, MoonDAO; 62 titles, 6 vague, 6
    # activities, 22 borderline), now a tuned set: its single blind read (round 14) found 3 of its 6 vague titles and
    # called 4 deliverables vague when pasted (S201 0.43 / 0.50; 1.00 / 0.50 with milestones) and 2 of its 6 activities
    # (Q301 1.00 / 0.33). Round 14 changed the grammar by class (corpus README): S201 0.67 / 0.67 pasted (1.00 / 0.67;
    # not borderline 1.00 / 0.80), Q301 1.00 / 0.50.
    SIXTEENTH_SET: floors(s201=(0.66, 0.99, 0.66), q301=(0.99, 0.99, 0.50)),
    # The seventeenth set (University of Leeds Libraries, Open edX, Princeton Public Library, City of College Park,
    # Stacks Foundation, Aragon, Wikimedia; 71 titles, 17 vague, 4 activities, 22 borderline), now a tuned set: its
    # single blind read (round 15) found 14 of its 17 vague titles (all 7 not borderline) and called 9 deliverables
    # vague when pasted (S201 0.61 / 0.82; 1.00 / 0.82 with milestones) and 2 of its 4 activities, counting one
    # borderline outcome (Q301 0.67 / 0.50). Round 15 changed the grammar by class (corpus README): S201 0.70 / 0.82
    # pasted (1.00 / 0.82; not borderline 0.78 / 1.00), Q301 0.75 / 0.75; every S201 miss left is borderline.
    SEVENTEENTH_SET: floors(s201=(0.70, 0.99, 0.82), q301=(0.75, 0.75, 0.75)),
    # The eighteenth set (Hypha Worker Co-operative, Meltano, Sage Bionetworks; 63 titles, 23 vague, 1 activity, 20
    # borderline), now a tuned set: its single blind read (round 16) found 13 of its 23 vague titles (10 of 11 not
    # borderline) and called 2 borderline deliverables vague when pasted (S201 0.87 / 0.57; 1.00 / 0.57 with
    # milestones) and its activity, counting 4 borderline titles (Q301 0.20 / 1.00). Round 16 changed the grammar by
    # class (corpus README): S201 0.91 / 0.87 pasted (1.00 / 0.87), Q301 0.50 / 1.00 (1.00 / 1.00 with milestones).
    EIGHTEENTH_SET: floors(s201=(0.90, 0.99, 0.86), q301=(0.50, 0.99, 0.99)),
    # The nineteenth set (Wechaty, Enarx, DXOS, IE SafeBank; 64 titles, 1 vague, 16 activities, 42 borderline), now a
    # tuned set: its single blind read (round 17, after the holdout's classes) found its vague title and called one
    # borderline deliverable vague when pasted (S201 0.50 / 1.00; 1.00 / 1.00 with milestones) and 9 of its 16
    # activities (Q301 1.00 / 0.56; not borderline 1.00 / 1.00, 2 of 2). Every activity missed is borderline: 5 join a
    # result to the counted work ("…, achieving 95% team participation"), which Q301 reads as the target. Round 17
    # added one class (feedback "collected from" N people): Q301 1.00 / 0.62.
    NINETEENTH_SET: floors(s201=(0.50, 0.99, 0.99), q301=(0.99, 0.99, 0.62)),
    # The twenty-first set (CNCF TechDocs, Monlam AI, world-change, MetaMask's Design System team; 34 titles, 3 vague,
    # 14 activities, 23 borderline), now a tuned set: its single blind read (round 17, after the nineteenth set's class)
    # found none of its 3 vague titles, all borderline (S201 recall 0.00, nothing else called vague), and 4 of its 14
    # activities, counting one borderline outcome (Q301 0.80 / 0.29; not borderline 1.00 / 1.00, 2 of 2). Every Q301
    # miss is borderline: 8 are Monlam AI's corpus sizes ("150 hours of audiobooks recorded") and annotator counts.
    # Round 17 added one class (a window of past periods, "above the last 12 months' peaks", is no value): S201 1.00 /
    # 1.00.
    TWENTYFIRST_SET: floors(s201=(0.99, 0.99, 0.99), q301=(0.80, 0.80, 0.28)),
    # The twenty-third set (Meilisearch DevRel, Bit Project, The Philadelphia Inquirer's data engineering team; 95
    # titles, 12 vague, 7 activities, 58 borderline), now a tuned set: its single blind read (round 17, after the
    # twenty-first set's class) found 8 of its 12 vague titles and called 10 borderline-heavy deliverables vague when
    # pasted (S201 0.44 / 0.67; 1.00 / 0.67 with milestones) and 2 of its 7 activities, counting 3 deliverables (Q301
    # 0.40 / 0.29). Round 17 changed the grammar by class (corpus README): S201 0.67 / 0.67 (1.00 / 0.67), Q301 0.80 /
    # 0.57; not borderline both 1.00 / 1.00.
    TWENTYTHIRD_SET: floors(s201=(0.66, 0.99, 0.66), q301=(0.80, 0.80, 0.57)),
    # The twenty-fourth set (Tor Project, CDC's ReportStream and SimpleReport, Open Collective, Mina Protocol; 51
    # titles, 6 vague, no activity, 17 borderline): its single blind read (round 17, after the twenty-third set's
    # classes) found all 6 vague titles and called one borderline deliverable vague when pasted ("TPA is triaging the
    # projects …": work in progress, which the corpus labels either way) (S201 0.86 / 1.00; 1.00 / 1.00 with
    # milestones), and Q301 counted nothing. No class changed for it; it counts with the tuned sets since it was read.
    TWENTYFOURTH_SET: floors(s201=(0.85, 0.99, 0.99), q301=(0.99, 0.99, 0.99)),
    # The twenty-sixth set (Redgate's Team Phoenix, Microsoft's .NET docs team, NuGet; 8 titles, 6 vague, 1 activity):
    # its single blind read (round 17, after the twenty-third set's classes) found 3 of its 6 vague titles and called
    # nothing else vague (S201 1.00 / 0.50 in every mode) and its activity (Q301 1.00 / 1.00). The three it missed are
    # bare metric names ("Average Number of Prompts Executed per Prompt+ Session"); round 17 reads a statistic and a
    # metric's head before "among" or "per" as a metric name: S201 1.00 / 1.00.
    TWENTYSIXTH_SET: floors(s201=(0.99, 0.99, 0.99), q301=(0.99, 0.99, 0.99)),
    # The twenty-fifth set (Grassroots Economics, JetBrains' Kotlin formal-verification team, Calkit; 82 titles, 6
    # vague, 5 activities, 34 borderline; one owner 88% of it), now a tuned set: its single blind read (round 17, after
    # the twenty-sixth set's class) found 1 of its 6 vague titles, all borderline ("Research zkp for transactions",
    # "Identify and implement missing features"), and called 3 deliverables vague when pasted (S201 0.25 / 0.17; 1.00
    # / 0.17 with milestones), Q301 0.83 / 1.00. One class changed ("include" delivers): S201 0.33 / 0.17 pasted.
    TWENTYFIFTH_SET: floors(s201=(0.33, 0.99, 0.16), q301=(0.83, 0.99, 0.99)),
    # The blind sets, errors never read: their single read (round 17, at a380067, after the round's classes for the
    # holdout and the nineteenth set). The twentieth (32 titles, 7 vague, 6 activities): S201 found 4 of its 7 vague
    # titles and called nothing else vague (1.00 / 0.571 in every mode; not borderline 1.00 / 1.00), Q301 found 4 of 6
    # and counted 3 other titles (0.571 / 0.667). The twenty-second (47 titles, 7 vague, 8 activities): S201 1.00 /
    # 0.429 in every mode (its one vague title not borderline missed), Q301 1.00 / 0.750.
    TWENTIETH_SET: floors(s201=(0.99, 0.99, 0.57), q301=(0.57, 0.57, 0.66)),
    TWENTYSECOND_SET: floors(s201=(0.99, 0.99, 0.42), q301=(0.99, 0.99, 0.75)),
}
POSITIVE = {"S201": "vague", "Q301": "activity"}
HEADER = "team: corpus\nperiod: 2026-Q4\nowner: corpus@example.com\nobjectives:\n"


def kr_line(index: int, entry: dict[str, Any], mode: str) -> str:
    """Return one KR as a flow mapping on one line, with the fields the mode gives it."""
    fields: dict[str, Any] = {"id": f"kr{index}", "title": entry["title"]}
    if mode != "pasted" and entry["label"] == "deliverable":
        fields["milestone"] = True
    elif mode == "targets" and "target" in entry:
        fields["target"] = entry["target"]
        if "baseline" in entry:
            fields["baseline"] = entry["baseline"]
    return "      - {" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()) + "}\n"


def okr_set(entries: list[dict[str, Any]], mode: str) -> tuple[str, dict[int, int]]:
    """Return an OKR set holding every entry (one objective each) and a map line -> entry index."""
    text, lines = HEADER, {}
    for i, entry in enumerate(entries):
        text += f"  - id: o{i}\n    title: Corpus objective\n    key_results:\n"
        lines[text.count("\n") + 1] = i
        text += kr_line(i, entry, mode)
    return text, lines


@dataclass
class Outcome:
    """What the rules said about one entry in one mode."""

    entry: dict[str, Any]
    codes: set[str]
    messages: dict[str, str]


def run_mode(tmp_path: Path, mode: str) -> list[Outcome]:
    """Lint the whole corpus in one mode and return each entry's findings."""
    text, lines = okr_set(CORPUS, mode)
    findings = lint_files(tmp_path / mode, {f"okrs/{mode}.yaml": text}, select=list(RULES))
    outcomes = [Outcome(entry, set(), {}) for entry in CORPUS]
    for finding in findings:
        index = lines[finding.line]
        outcomes[index].codes.add(finding.code)
        outcomes[index].messages[finding.code] = finding.message
    return outcomes


def scores(outcomes: Iterable[Outcome], code: str) -> tuple[float, float, int, int, int]:
    """Return precision, recall, true positives, false positives and false negatives of a rule."""
    tp = fp = fn = 0
    for o in outcomes:
        said, truth = code in o.codes, o.entry["label"] == POSITIVE[code]
        tp, fp, fn = tp + (said and truth), fp + (said and not truth), fn + (truth and not said)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def _in_set(name: str, borderline: bool = True) -> Callable[[Outcome], bool]:
    """Return a filter keeping the outcomes of corpus set ``name`` (without its borderline entries if asked)."""
    return lambda o: o.entry["set"] == name and (borderline or not o.entry.get("borderline"))


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Outcome]]:
    """Lint the corpus once per mode and print the measurements."""
    root = tmp_path_factory.mktemp("corpus")
    found = {mode: run_mode(root, mode) for mode in MODES}
    parts: dict[str, Callable[[Outcome], bool]] = {
        "tuned": lambda o: o.entry["set"] in TUNED_SETS,
        "tuned, not bl": lambda o: o.entry["set"] in TUNED_SETS and not o.entry.get("borderline"),
        **{name: _in_set(name) for name in SETS},
        **{f"{name.removesuffix('_titles')}, not bl": _in_set(name, borderline=False) for name in BLIND_SETS},
    }
    print(f"\ncorpus: {len(CORPUS)} titles from {len({e['source'] for e in CORPUS})} files")
    for mode, outcomes in found.items():
        for name, keep in parts.items():
            chosen = [o for o in outcomes if keep(o)]
            cells = []
            for code in POSITIVE:
                p, r, tp, fp, fn = scores(chosen, code)
                cells.append(f"{code} P {p:.3f} R {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
            print(f"{mode:>10} {name:>15} n={len(chosen):>4}: " + " | ".join(cells))
    return found


def _misjudged(outcomes: Iterable[Outcome], code: str) -> str:
    """Return the titles a rule judged differently from their label, one per line."""
    return "\n".join(
        f"{'FP' if code in o.codes else 'FN'} [{o.entry['label']}] {o.entry['title']}"
        for o in outcomes
        if (code in o.codes) != (o.entry["label"] == POSITIVE[code])
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("code", sorted(THRESHOLDS))
def test_precision_and_recall_on_the_tuned_sets(results: dict[str, list[Outcome]], mode: str, code: str) -> None:
    tuned = [o for o in results[mode] if o.entry["set"] in TUNED_SETS]
    precision, recall, *_ = scores(tuned, code)
    want_p, want_r = THRESHOLDS[code]
    assert precision >= want_p and recall >= want_r, _misjudged(tuned, code)


@pytest.mark.parametrize(
    ("name", "code", "mode"), [(name, *key) for name, floors in SET_THRESHOLDS.items() for key in sorted(floors)]
)
def test_precision_and_recall_per_set(results: dict[str, list[Outcome]], name: str, code: str, mode: str) -> None:
    """Each set keeps the level of its last read: the blind sets their single read, the tuned sets their last round."""
    chosen = [o for o in results[mode] if o.entry["set"] == name]
    precision, recall, *_ = scores(chosen, code)
    want_p, want_r = SET_THRESHOLDS[name][code, mode]
    assert precision >= want_p and recall >= want_r, f"P {precision:.3f} R {recall:.3f}"


@pytest.mark.parametrize("name", BLIND_SETS)
def test_blind_titles_are_new(name: str) -> None:
    """A blind title that is also in another set would not be blind."""
    others = {e["title"].casefold() for other, entries in SETS.items() if other != name for e in entries}
    assert not [e["title"] for e in SETS[name] if e["title"].casefold() in others]


@pytest.mark.parametrize(
    "name",
    [
        EIGHTH_SET, NINTH_SET, TENTH_SET, ELEVENTH_SET, TWELFTH_SET, THIRTEENTH_SET, FOURTEENTH_SET, FIFTEENTH_SET,
        SIXTEENTH_SET, SEVENTEENTH_SET, EIGHTEENTH_SET, NINETEENTH_SET, TWENTIETH_SET, TWENTYFIRST_SET,
        TWENTYSECOND_SET, TWENTYTHIRD_SET, TWENTYFOURTH_SET, TWENTYFIFTH_SET, TWENTYSIXTH_SET,
    ],
)  # fmt: skip
def test_new_writer_sets_use_organisations_no_other_set_uses(name: str) -> None:
    """The eighth to twenty-second sets measure writers okrlint had never seen: no owner of theirs owns another set (all
    come from three owners or more but the twelfth and thirteenth, smaller, from two and one)."""
    others = {_organisation(e["source"]) for other, entries in SETS.items() if other != name for e in entries}
    owners = {_organisation(e["source"]) for e in SETS[name]}
    assert len(owners) >= (3 if name not in (TWELFTH_SET, THIRTEENTH_SET) else 1) and not owners & others


def _organisation(source: str) -> str:
    """Return the owner of a source: ``owner`` of ``owner/repo:path``, of a github.com page URL or of a DAO's page on a
    proposal host (``gl.app/dao/<dao>/…``), else the host."""
    if source.startswith("https://"):
        parts = source.split("/")
        if parts[2] == "gl.app" and len(parts) > 4 and parts[3] == "dao":
            return parts[4].casefold()
        return parts[3].casefold() if parts[2] == "github.com" else parts[2]
    return source.split("/", 1)[0].casefold()


def test_pasted_deliverables_are_offered_a_milestone(results: dict[str, list[Outcome]]) -> None:
    """S202 proposes ``milestone: true`` on pasted deliverables, and rarely on anything else."""
    offered = [o for o in results["pasted"] if "names a deliverable" in o.messages.get("S202", "")]
    deliverables = [o for o in results["pasted"] if o.entry["label"] == "deliverable"]
    hits = sum(1 for o in offered if o.entry["label"] == "deliverable")
    print(f"\nS202 proposes milestone: true on {hits}/{len(deliverables)} deliverables, {len(offered) - hits} others")
    assert hits >= 0.85 * len(deliverables)  # the rest carry a count or a share that may be a target
    assert len(offered) - hits <= 0.1 * len(offered)


def test_every_pasted_title_is_unmeasurable(results: dict[str, list[Outcome]]) -> None:
    assert all("S202" in o.codes for o in results["pasted"])


def test_vague_findings_name_their_words_and_vary(results: dict[str, list[Outcome]]) -> None:
    """S201's messages are built from each title, not one canned example."""
    messages = [o.messages["S201"] for o in results["pasted"] if "S201" in o.codes]
    hints = {m.split(";", 1)[-1] for m in messages}
    assert len(hints) >= 0.8 * len(messages)
