"""summary_zh: when, where, what event, who presided and spoke, the main directives; 60-150 characters."""

from __future__ import annotations

import re

from ..document import Facts
from ..resources import data_toml

MAX_CHARS = 150
SCOPE_PREFIX = re.compile(r"^(?:全|我)(?:市|县|区|州|省|镇|乡)")


def _date_zh(date: str | None, time_of_day: str | None) -> str:
    if not date:
        return ""
    parts = date.split("-")
    if len(parts) == 3:
        text = f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    else:
        text = f"{int(parts[0])}月{int(parts[1])}日"
    return text + (time_of_day or "")


def _event_clause(facts: Facts, lead: str) -> str:
    """'维西县召开项目工作推进会' from the headline, with 全市/我县 replaced by the jurisdiction."""
    title = facts.title
    place = facts.jurisdiction or ""
    if title and not re.search(r"召开|举行|开展|启动|会$|会议|活动$|大会", title):
        return title  # a visit or an inspection headline (州委书记…到…调研) is already a clause
    if title:
        title = SCOPE_PREFIX.sub("", title)
        verb = re.search(r"(召开|举行|开展|启动)$", title)
        if verb:  # '…大会召开' -> '召开…大会'
            title = verb.group(1) + title[: verb.start()]
        bare = place[-3:] if len(place) > 3 else place
        for known in (place, bare):
            if known and title.startswith(known):
                title = title[len(known):]
                break
        if not re.match(r"(召开|举行|开展|启动|组织|深入|调研|督导|检查)", title):
            title = "召开" + title if re.search(r"会$|会议$", title) else "举行" + title
        return place + title
    # No headline: the lead sentence after its date is the event.
    clause = re.sub(r"^[^，]{0,14}?[日号](?:上午|下午|晚上|晚)?，", "", lead)
    return clause.split("，")[0] if len(clause) > 60 else clause.rstrip("。")


def _people_clause(facts: Facts) -> str:
    verbs = data_toml("summary.toml")["summary"]["role_verbs"]
    shown = [o for o in facts.officials if o.role in ("presided", "led", "spoke")]
    order = {"presided": 0, "led": 1, "spoke": 2}
    shown.sort(key=lambda o: order[o.role])
    parts: list[tuple[str, list[str]]] = []  # (verb, people) with people who did the same joined by 、
    for official in shown[:3]:
        person = (official.title or "").split("、")[-1] + official.name
        verb = verbs[official.role]
        if parts and parts[-1][0] == verb:
            parts[-1][1].append(person)
        else:
            parts.append((verb, [person]))
    return "，".join("、".join(people) + verb for verb, people in parts)


def compose_summary(facts: Facts, time_of_day: str | None, lead: str) -> str:
    date = _date_zh(facts.event_date, time_of_day)
    event = _event_clause(facts, lead)
    people = _people_clause(facts)
    first = f"{date}，{event}" if date and not event.startswith(date) else event
    summary = first.rstrip("。") + "。"
    leader = next((o for o in facts.officials if o.role in ("presided", "led", "spoke")), None)
    if people and not (leader and leader.name in summary):
        summary += people
        joiner = "，要求"
    else:
        joiner = f"{leader.name}要求" if leader else "会议要求"
    points = [kp.text for kp in facts.key_points]
    targets = [t.text for t in facts.targets if t.text not in "".join(points)]
    added = False
    for phrase in points + targets:
        candidate = summary + (joiner if not added else "；") + phrase
        if len(candidate) + 1 > MAX_CHARS:
            continue
        summary, added = candidate, True
    summary = summary.rstrip("，；") + ("。" if not summary.endswith("。") else "")
    return summary[:MAX_CHARS]
