"""The render_en stage: English for the extracted facts (rules engine).

``render_en(report, settings)`` fills report.english (title_en, jurisdiction_en, summary_en,
untranslated), each official's name_en / title_en and the items' ``en``. ``render_all`` and
``render_english`` do the same from a Facts object without changing it (used by the eval
baselines; ``romanize_names=False`` keeps person names in Chinese characters).
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..compose.en import Person, build_summary, join_list
from ..config import Settings
from ..document import English, Facts, Report
from ..text.han import HAN_CLASS
from .event import find_event
from .glossary import Glossary, load_glossary
from .grammar import parse_clause, render_phrase
from .headline import HeadlineContext, render_headline
from .phrasebook import Phrasebook, load_phrasebook
from .places import known_place_en
from .romanize import romanize_name
from .titles import render_title


@dataclass
class OfficialEn:
    name_en: str | None
    title_en: str | None


@dataclass
class Rendering:
    """Everything the stage writes, kept apart from the facts it was made from."""

    english: English
    officials: list[OfficialEn] = field(default_factory=list)
    # None where the phrasebook and the clause grammar do not cover the item: never a word-by-word gloss.
    key_points: list[str | None] = field(default_factory=list)
    campaigns: list[str | None] = field(default_factory=list)
    projects: list[str | None] = field(default_factory=list)
    targets: list[str | None] = field(default_factory=list)
    title_note: str | None = None  # why title_en is composed from the facts or empty (for quality.warnings)


GlossaryLike = Glossary | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None


def _glossary(glossary: GlossaryLike) -> Glossary:
    if isinstance(glossary, Glossary):
        return glossary
    if isinstance(glossary, str | os.PathLike):  # one user file
        return load_glossary([glossary])
    return load_glossary(list(glossary or ()))


def _simplified(facts: Facts) -> Facts:
    """A copy of ``facts`` in Simplified characters, which the glossary is written in (--keep-script)."""
    from ..text.script import fix_conversion, to_simplified

    def conv(text: str | None) -> str | None:
        return None if text is None else fix_conversion(to_simplified(text))

    facts = copy.deepcopy(facts)
    facts.title, facts.jurisdiction = conv(facts.title), conv(facts.jurisdiction)
    for official in facts.officials:
        official.name, official.title = conv(official.name) or official.name, conv(official.title)
    for item in (*facts.projects, *facts.campaigns, *facts.targets, *facts.key_points):
        item.text = conv(item.text) or item.text
    return facts


def _phrasebook(phrasebook: Phrasebook | Sequence[str | os.PathLike[str]] | None) -> Phrasebook:
    return phrasebook if isinstance(phrasebook, Phrasebook) else load_phrasebook(list(phrasebook or ()))


def render_all(facts: Facts, glossary: GlossaryLike = None, romanize_names: bool = True,
               simplify: bool = False,
               phrasebook: Phrasebook | Sequence[str | os.PathLike[str]] | None = None) -> Rendering:
    """English for ``facts``. ``glossary``: a Glossary, user glossary paths, or None (built-in);
    ``phrasebook``: a Phrasebook or user phrasebook paths.

    ``simplify`` converts Traditional characters first (reports kept in their own script).
    Key points, projects, campaigns and targets are rendered only when the phrasebook and the
    clause grammar cover them whole; the others get None and are listed in ``untranslated``.
    """
    glossary = _glossary(glossary)
    book = _phrasebook(phrasebook)
    if simplify:
        facts = _simplified(facts)
    names = {o.name: (romanize_name(o.name) if romanize_names else o.name) for o in facts.officials if o.name}
    untranslated: list[str] = []  # titles and places that do not compose, then items that do not render
    officials = [OfficialEn(names.get(o.name), render_title(o.title, glossary, untranslated)) for o in facts.officials]
    clauses = [parse_clause(i.text, book, glossary) for i in facts.key_points]
    key_points = [c.text if c else None for c in clauses]
    # The summary may leave out the clauses of a key point that do not render, keeping those that do.
    directives = [c or parse_clause(i.text, book, glossary, partial=True) for c, i in zip(clauses, facts.key_points,
                                                                                          strict=True)]
    campaigns = [_campaign(i.text, book, glossary) for i in facts.campaigns]
    projects = [render_phrase(i.text, book, glossary) for i in facts.projects]
    targets = [c.text if (c := parse_clause(i.text, book, glossary)) else None for i in facts.targets]
    not_translated = [item.text for items, texts in ((facts.key_points, key_points), (facts.campaigns, campaigns),
                                                     (facts.projects, projects), (facts.targets, targets))
                      for item, text in zip(items, texts, strict=True) if text is None]
    jurisdiction_en = None
    if facts.jurisdiction:
        # Only a place the gazetteer knows, unit by unit: an unknown name is left out, never spelled in pinyin.
        jurisdiction_en = known_place_en(facts.jurisdiction, glossary, add_parent=True)
        if jurisdiction_en is None and facts.jurisdiction not in untranslated:
            untranslated.append(facts.jurisdiction)
    # The headline through the same grammar: never a gloss; a part that does not render is left out.
    headline = render_headline(facts.title, HeadlineContext(
        facts.jurisdiction, tuple((o.name, en.name_en, en.title_en) for o, en in zip(facts.officials, officials, strict=True)
                                  if o.name and en.name_en), facts.summary_zh),
                               book, glossary)
    place = None
    if facts.jurisdiction:
        place = known_place_en(facts.jurisdiction, glossary, joiner=" of ", add_parent=True)
    # A title the glossary and grammar only partly cover is left out of the summary (the name stays).
    people = [Person(en.name_en or o.name, en.title_en if en.title_en and _clean(en.title_en) else None, o.role)
              for o, en in zip(facts.officials, officials, strict=True)]
    # The event noun of the headline or lead, composed through the phrasebook: never a gloss.
    event = find_event(facts.title, facts.summary_zh, book, glossary, facts.jurisdiction)
    summary = build_summary(date=facts.event_date, place=place, event_type=facts.event_type,
                            event=event[0] if event else None, organizer=event[1] if event else None,
                            people=people,
                            key_points=[c.text for c in directives if c and not c.subject],
                            key_points_ing=[c.gerund_text for c in directives if c and not c.subject],
                            told=[(c.subject, join_list(list(c.predicates))) for c in directives if c and c.subject],
                            projects=[p for p in projects if p], campaigns=[c for c in campaigns if c],
                            targets=[t for t in targets if t])
    untranslated += [t for t in dict.fromkeys(not_translated) if t not in untranslated]
    english = English(title_en=headline.text if headline else None, jurisdiction_en=jurisdiction_en, summary_en=summary,
                      untranslated=untranslated)
    return Rendering(english, officials, key_points, campaigns, projects, targets,
                     title_note=headline.reason if headline else None)


def _clean(text: str) -> bool:
    """English with no Chinese left in and no bracketed gap: fit for the summary."""
    return not re.search(rf"[\[\]{HAN_CLASS}]", text)


def _campaign(text: str, phrasebook: Phrasebook, glossary: Glossary) -> str | None:
    entry = glossary.get(text)
    if entry is not None and entry.en != "-":
        return entry.en
    return render_phrase(text.strip("“”\"‘’"), phrasebook, glossary, types=("np", "vp", "S"))


def render_english(facts: Facts, glossary: GlossaryLike = None, romanize_names: bool = True) -> English:
    """The English fields for ``facts`` (title_en, jurisdiction_en, summary_en, untranslated)."""
    return render_all(facts, glossary, romanize_names).english


def render_en(report: Report, settings: Settings) -> Report:
    """Pipeline stage: fill report.english and the English of officials and items."""
    rendering = render_all(report.facts, load_glossary(settings.glossary),
                           simplify=settings.keep_script,
                           phrasebook=load_phrasebook(getattr(settings, "phrasebook", None) or []))
    facts = report.facts
    for official, en in zip(facts.officials, rendering.officials, strict=True):
        official.name_en, official.title_en = en.name_en, en.title_en
    for items, texts in ((facts.key_points, rendering.key_points), (facts.campaigns, rendering.campaigns),
                         (facts.projects, rendering.projects), (facts.targets, rendering.targets)):
        for item, text in zip(items, texts, strict=True):
            item.en = text
    report.english = rendering.english
    if rendering.title_note and rendering.title_note not in report.quality.warnings:
        report.quality.warnings.append(rendering.title_note)
    return report
