"""Merge the officials named in many reports into people.

Two mentions are one person when they carry the same Chinese name and their reports' jurisdictions
are the same place, or one is the direct parent of the other (a city leader at a county's meeting).
Two sibling places (two counties of one city) are never merged through their parent: a city-level
mention between two counties where the name occurs stays a person of its own, since it cannot be told
which one it is. A report with no jurisdiction merges with nobody. ``merged_by`` records which rule
made each person, so an analyst can trust or discount the merge.

Dates are the event date when it has a year, else the page's publication date.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from .places import Node, jurisdiction_node

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# merged_by values (docs/database.md)
SINGLE_REPORT = "single report"
SAME_PLACE = "same jurisdiction"
PARENT_PLACE = "jurisdiction and its parent"
UNPLACED = "no jurisdiction: not merged"


@dataclass(frozen=True)
class Mention:
    report: str
    position: int
    name: str
    name_en: str | None
    title: str | None
    title_en: str | None
    role: str | None
    date: str | None
    jurisdiction: str | None
    duplicate_of: str | None = None  # mentions in a duplicate page do not count as another report


def mention_date(event_date: str | None, published: str | None) -> str | None:
    if event_date and FULL_DATE.match(event_date):
        return event_date
    return published or None


def merge_people(mentions: list[Mention]) -> tuple[list[dict[str, Any]], dict[tuple[str, int], str]]:
    """People rows, and each mention's person id (keyed by (report, position))."""
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_name[mention.name].append(mention)
    people: list[dict[str, Any]] = []
    assigned: dict[tuple[str, int], str] = {}
    for name in sorted(by_name):
        for cluster_node, group in _clusters(by_name[name]):
            person = _person(name, cluster_node, group)
            people.append(person)
            for mention in group:
                assigned[(mention.report, mention.position)] = person["id"]
    return people, assigned


def _clusters(mentions: list[Mention]) -> list[tuple[Node | None, list[Mention]]]:
    """Group one name's mentions: each group with the deepest place it covers (None: unplaced)."""
    nodes: dict[str, Node] = {}
    placed: dict[str, list[Mention]] = defaultdict(list)
    groups: list[tuple[Node | None, list[Mention]]] = []
    for mention in mentions:
        node = jurisdiction_node(mention.jurisdiction)
        if node is None:
            groups.append((None, [mention]))
        else:
            nodes[node.key] = node
            placed[node.key].append(mention)
    # Union a place with its only child place among this name's places; a chain results, so every
    # group has one deepest place.
    root = {key: key for key in nodes}

    def find(key: str) -> str:
        while root[key] != key:
            key = root[key]
        return key

    children: dict[str, list[str]] = defaultdict(list)
    for key, node in nodes.items():
        if node.parent in nodes:
            children[node.parent].append(key)
    for parent, kids in children.items():
        if len(kids) == 1:
            root[find(parent)] = find(kids[0])
    members: dict[str, list[str]] = defaultdict(list)
    for key in nodes:
        members[find(key)].append(key)
    for deepest, keys in members.items():
        groups.append((nodes[deepest], [m for key in keys for m in placed[key]]))
    return groups


def _person(name: str, node: Node | None, group: list[Mention]) -> dict[str, Any]:
    group = sorted(group, key=lambda m: (m.date or "9999", m.report, m.position))
    reports = sorted({m.duplicate_of or m.report for m in group})
    places = {jurisdiction_node(m.jurisdiction) for m in group}
    if node is None:
        merged_by = UNPLACED
    elif len(reports) == 1:
        merged_by = SINGLE_REPORT
    else:
        merged_by = SAME_PLACE if len(places) == 1 else PARENT_PLACE
    where = node.label if node is not None else f"?{group[0].report}#{group[0].position}"
    names_en = Counter(m.name_en for m in group if m.name_en)
    dates = [m.date for m in group if m.date]
    return {
        "id": f"{name}@{where}",
        "name": name,
        "name_en": names_en.most_common(1)[0][0] if names_en else None,
        "jurisdiction": node.label if node is not None else None,
        "latest_title": next((m.title for m in reversed(group) if m.title), None),
        "titles": json.dumps(_titles(group), ensure_ascii=False),
        "roles": json.dumps(dict(sorted(Counter(m.role for m in group if m.role).items())), ensure_ascii=False),
        "first_seen": min(dates) if dates else None,
        "last_seen": max(dates) if dates else None,
        "reports": len(reports),
        "mentions": len(group),
        "merged_by": merged_by,
    }


def _titles(group: list[Mention]) -> list[dict[str, Any]]:
    """Each title the person was given, in order of first appearance, with its date range."""
    titles: dict[str, dict[str, Any]] = {}
    for m in group:  # sorted by date
        if not m.title:
            continue
        entry = titles.setdefault(m.title, {"title": m.title, "title_en": m.title_en, "first": m.date,
                                            "last": m.date, "reports": 0})
        entry["last"] = m.date or entry["last"]
        entry["reports"] += 1
    return list(titles.values())
