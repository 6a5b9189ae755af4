"""summary_zh: when, where, what event, who presided and spoke, the main directives; 60-150 characters.

The opening is the lead sentence when it carries the event (it names who did what, where, in the
report's own words), else a clause built from the headline. Each directive is attributed to the
official the report gives it to (the nearest speaker before it), so one official's directive never
appears under another's name; the one who presided closes the summary when not named before.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Facts, Item, Official
from ..text.datafiles import load_toml
from ..text.han import HAN_CLASS
from ..text.lost import LOST_RUN

MAX_CHARS = 150
SCOPE_PREFIX = re.compile(r"^(?:全|我)(?:市|县|区|州|省|镇|乡)")


@cache
def _rules() -> dict:
    rules = load_toml("summary.toml")["summary"]
    compiled = {key: re.compile(value) for key, value in rules.items() if isinstance(value, str)}
    return {**rules, **compiled}


def _date_zh(date: str | None, time_of_day: str | None) -> str:
    if not date:
        return ""
    parts = date.split("-")
    if len(parts) == 3:
        text = f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    else:
        text = f"{int(parts[0])}月{int(parts[1])}日"
    return text + (time_of_day or "")


def _headline_clause(facts: Facts, lead: str) -> str:
    """'维西县召开项目工作推进会' from the headline, with 全市/我县 replaced by the jurisdiction."""
    title = _event_segment(facts.title) if facts.title else None
    place = facts.jurisdiction or ""
    if title and not re.search(r"召开|举行|开展|启动|会$|会议|活动$|大会", title):
        return title  # a visit or an inspection headline (州委书记…到…调研) is already a clause
    if title and re.search(r".(?:主持召开|召开|举行)", title):
        return title if not place or place[:2] in title else place + SCOPE_PREFIX.sub("", title)
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
    clause = _strip_dateline(lead)
    return clause.split("，")[0] if len(clause) > 60 else clause.rstrip("。")


def _event_segment(title: str) -> str:
    """The part of a two-part headline that names the event ('紧盯目标——莎车县召开…推进会')."""
    parts = [p for p in re.split(r"——|—|\s+|：", title) if p]
    if len(parts) < 2:
        return title
    for part in parts:
        if _rules()["event_verbs"].search(part):
            return part
    return title


def _strip_dateline(sentence: str) -> str:
    """'中新网…4月3日电（记者姜辉）3日，哈尔滨市宾县举行…' -> '哈尔滨市宾县举行…'."""
    rules = _rules()
    cut = 0
    for match in rules["leading_date"].finditer(sentence[:60]):
        cut = match.end()
    return sentence[cut:].lstrip("，, ")


def _lead_clause(lead: str) -> str | None:
    """The lead sentence as the opening, when it says what happened (its clauses up to a length).

    Not a quotation, not a subtitle (short, or words set apart by spaces); a leading purpose clause
    (为深入学习…，) sends the opening back to the headline."""
    rules = _rules()
    body = _strip_dateline(lead)
    if len(body) < 15 or body[0] in "“\"「" or re.search(rf"[{HAN_CLASS}] +[{HAN_CLASS}]", body):
        return None
    clauses = re.findall(r"[^，。；！？]+[，。；！？]?", body)
    if not clauses or rules["purpose_clause"].match(clauses[0]):
        return None  # 为深入学习…，认清…，: the event comes late in such a lead; the headline says it
    while len(clauses) > 1 and len(clauses[0]) <= 12 and not rules["event_verbs"].search(clauses[0]):
        clauses.pop(0)  # 春节假期后上班第一天，: a scene before the event
    out = ""
    for clause in clauses:
        if out and len(out) + len(clause) > rules["max_opening"]:
            break
        if lost := LOST_RUN.search(clause):  # a lost character (任务??|县委副书记…): the opening ends before it
            out += clause[:lost.start()]
            break
        out += clause
        if len(out) >= rules["min_opening"]:
            break
    if not rules["event_verbs"].search(out):
        return None
    return out.rstrip("，。；！？ ")


def _with_place(opening: str, place: str | None) -> str:
    """县委书记王静娴主持… -> 民权县委书记王静娴主持…; 我区召开… -> 北碚区召开… (the summary names the place)."""
    if not place or len(place) < 2:
        return opening
    stem = place[:-1] if place[-1] in "省市县区州旗镇乡" and len(place) > 2 else place
    if stem in opening[:30]:
        return opening
    scope = re.search(r"(?:^|，)(?:全|我|该)([省市县区州旗镇乡])", opening[:30])
    if scope and scope.group(1) == place[-1]:  # 春节假期后上班第一天，全市…大会召开 -> 宁德市…
        head = scope.group().startswith("，")
        return opening[: scope.start() + head] + place + opening[scope.end():]
    if re.match(r"[省市县区州旗镇乡](?:委|政府|人大|政协|纪委)", opening) and opening[0] == place[-1]:
        return stem + opening
    return opening


def _speaker_of(point: Item, text: str, officials: list[Official]) -> Official | None:
    """The official the report gives this directive to: the last one named before it (他/她 refers back);
    None when the meeting itself is the subject (会议要求) after the last name."""
    if point.start < 0 or not text:
        return None
    window_start = max(0, point.start - 400)
    before = text[window_start:point.start]
    best: tuple[int, Official | None] = (-1, None)
    for official in officials:
        at = before.rfind(official.name)
        if at > best[0]:
            best = (at, official)
    meeting = _rules()["meeting_subject"]
    last_meeting = max((m.start() for m in meeting.finditer(before)), default=-1)
    if last_meeting > best[0]:
        return None
    return best[1]


def _short(point: str) -> str:
    parts = re.split(r"(?<=，)", point)
    return "".join(parts[:SHORT]).rstrip("，")


SHORT = 2


def _person(official: Official) -> str:
    return (official.title or "").split("、")[-1] + official.name


def _continuation(opening: str, lead: str, text: str) -> list[str]:
    """Clauses that say more of what happened: the rest of the lead after the opening, then the next
    sentence when it is not a speech (听取…汇报，研究…). Used when the directives leave room."""
    body = _strip_dateline(lead)
    at = body.find(opening[-12:]) if opening else -1
    rest = body[at + len(opening[-12:]):] if at >= 0 else ("" if _lead_clause(lead) else body)
    follow = ""
    where = text.find(lead) if lead and text else -1
    if where >= 0:
        after = text[where + len(lead):].lstrip()
        following = re.match(r"[^。！？\n]*[。！？]", after)
        if following and not _rules()["speech"].search(following.group()):
            follow = following.group()
    clauses = re.findall(r"[^，。；！？]+[，。；！？]?", rest.lstrip("，。；") + follow)
    return [c.rstrip("，。；！？") for c in clauses if c.strip("，。；！？ ") and not LOST_RUN.search(c)]


def _event_sentence(lead: str, text: str) -> str:
    """The lead, or the next sentence when the lead is an undated subtitle and the next one opens with
    the date (一次性开工307个重大项目…。3月5日，银川市…推进会…举行。)."""
    where = text.find(lead) if lead and text else -1
    if where < 0 or _strip_dateline(lead) != lead:
        return lead
    for following in re.findall(r"[^。！？\n]*[。！？]", text[where + len(lead):where + len(lead) + 400])[:2]:
        following = following.strip()
        if _rules()["leading_date"].match(following) and _strip_dateline(following) != following:
            return following
    return lead


def compose_summary(facts: Facts, time_of_day: str | None, lead: str, text: str = "") -> str:
    date = _date_zh(facts.event_date, time_of_day)
    lead = _event_sentence(lead, text)
    opening = _lead_clause(lead) or _headline_clause(facts, lead)
    event = _with_place(opening, facts.jurisdiction)
    event = re.sub(r"^\d{1,2}[日号](?:上午|下午|晚上|晚)?", "", event).lstrip("，")
    first = f"{date}，{event}" if date and not event.startswith(date[:4]) else event
    rest = _compose_rest(facts, first.rstrip("。") + "。", text)
    room = MAX_CHARS - len(first) - len(rest) - 1
    for clause in _continuation(opening, lead, text):
        if len(clause) + 1 > room:
            break
        first, room = first.rstrip("。") + "，" + clause, room - len(clause) - 1
    summary = first.rstrip("。") + "。" + rest
    presider = next((o for o in facts.officials if o.role == "presided"), None)
    closing = f"{_person(presider)}主持。" if presider else ""
    if closing and summary.endswith(closing) and presider.name in summary[: -len(closing)]:
        summary = summary[: -len(closing)]  # the lead's further clauses already say who presided
    return summary[:MAX_CHARS]


def _compose_rest(facts: Facts, summary: str, text: str) -> str:
    """The directives, each under its speaker, and who presided; ``summary`` is the opening so far."""
    opening = summary

    leaders = [o for o in facts.officials if o.role in ("presided", "led", "spoke")]
    groups: dict[str, list[str]] = {}  # speaker's name ('' for the meeting) -> directives, in order
    speakers: dict[str, Official] = {}
    for point in facts.key_points:
        if LOST_RUN.search(point.text):
            continue  # a directive with a lost character would carry the '?' into the summary
        speaker = _speaker_of(point, text, leaders) if text else (leaders[0] if leaders else None)
        key = speaker.name if speaker else ""
        if speaker:
            speakers[key] = speaker
        groups.setdefault(key, []).append(_short(point.text))

    presider = next((o for o in facts.officials if o.role == "presided"), None)
    closing = f"{_person(presider)}主持。" if presider and presider.name not in summary else ""
    verbs = _rules()["role_verbs"]
    for key, points in groups.items():
        if not key:
            who = "会议要求"
        elif key in summary:
            who = f"{key}要求"
        else:  # first mention: title, name and what the official did (县委书记马盛春讲话，要求…)
            who = f"{_person(speakers[key])}{verbs[speakers[key].role]}，要求"
        sentence = ""
        for point in points:
            candidate = (sentence + "；" + point) if sentence else f"{who}{point}"
            if len(summary) + len(candidate) + 1 + len(closing) > MAX_CHARS:
                continue
            sentence = candidate
        if sentence:
            summary += sentence + "。"

    if presider and presider.name not in summary and len(summary) + len(closing) <= MAX_CHARS:
        summary += closing  # the one who presided closes the summary unless named already
    return summary[len(opening):]
