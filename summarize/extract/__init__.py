"""The extract stage: grounded facts from the clean text, each item with offsets into it."""

from __future__ import annotations

from ..compose.zh import compose_summary
from ..config import Settings
from ..document import STAFF_FIELDS, Report
from .dates import find_event_date
from .event_type import classify_event
from .items import find_campaigns, find_projects, find_targets
from .key_points import pick_key_points
from .ner import tag_intervals
from .officials import cue_intervals, find_officials
from .places import find_jurisdiction
from .text import sentences

__all__ = ["extract"]


def extract(report: Report, settings: Settings) -> Report:
    text, meta, facts = report.text, report.metadata, report.facts
    facts.title, facts.published, facts.source = meta.title, meta.published, meta.source
    body_start = len(meta.title) + 1 if meta.title and text.startswith(meta.title) else 0
    body_sentences = sentences(text[body_start:], body_start)
    lead = body_sentences[0].text if body_sentences else ""

    facts.event_date, time_of_day, _, _ = find_event_date(text, body_start, facts.published)
    # The headline, else the lead, else the next sentences (a lead may be scene-setting: 惊蛰到、万物长。).
    facts.event_type = classify_event(facts.title, lead, *(s.text for s in body_sentences[1:3]))
    staff = {getattr(meta, f) for f in STAFF_FIELDS}
    staff_names = {name for value in staff if value for name in value.split("、")}
    tagged = tag_intervals(text, cue_intervals(text))  # None where the tagger is unavailable
    report.quality.ner = "lac" if tagged is not None else "rules"
    if tagged is not None and tagged.untagged_from is not None:
        report.quality.warnings.append(f"ner: tagger window cap reached; names from offset "
                                       f"{tagged.untagged_from} on found by the rules alone")
    facts.officials = find_officials(text, excluded_names=staff_names, tagged=tagged)
    persons = frozenset(o.name for o in facts.officials) | frozenset(staff_names)
    facts.jurisdiction = find_jurisdiction(facts.title, lead, text, facts.source, persons)
    facts.projects = find_projects(text)
    facts.campaigns = find_campaigns(text)
    facts.targets = find_targets(text)
    facts.key_points = pick_key_points(text, body_start, {o.name for o in facts.officials})
    facts.summary_zh = compose_summary(facts, time_of_day, lead, text)
    return report
