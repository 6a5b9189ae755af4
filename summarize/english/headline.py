"""title_en: the headline in the conventions of a news agency's English headlines (present tense,
no article: "Weixi County holds work promotion meeting on projects", "Xu Lin inspects Qiandongnan
Prefecture"), composed only from parts that render whole; never a gloss.

The headline is cut at its event verb (召开, 举行 ... from ``[headline]`` in data/english/templates.toml)
into a subject and an object:

- the subject is the jurisdiction (我县, 全市, or a verb at the end: ……大会召开), an organ
  (县委, 县政府), a gazetteer place, or for a visit (X到Y调研) the official by name, romanized;
- a meeting's object is the event phrase of english/event.py (the head noun with its modifier
  when the phrasebook grammar renders that whole, else the head alone);
- a visit's object is the place visited (gazetteer only) and what was inspected when it renders.

A part that does not render is left out. When the headline has no part that renders as a
sentence, one is composed from the facts that do: the host (organ or place) and the event phrase
of the headline or the lead. Nothing with brackets or Han characters is ever returned; when
nothing can be said the result is empty and the reason is given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..compose.en import local_title
from ..text.datafiles import load_toml
from ..text.han import HAN_CLASS
from .event import compose_event, find_event, organizer
from .glossary import Glossary
from .grammar import render_phrase
from .phrasebook import Phrasebook
from .places import known_place_en, place_index, place_name_en

_QUOTES = "“”\"‘’「」"
_UNCLEAN = re.compile(rf"[\[\]【】{HAN_CLASS}]")
# Two-part headlines: a slogan and the news, cut by a dash or a wide space.
# An organ named by its level ("County Party Committee") takes the jurisdiction's name before it.
_LEVEL_WORDS = ("County", "District", "Municipal", "City", "Prefecture", "Town", "Township", "Banner")
_PARTS = re.compile(r"——|—|--|\s{1,}|｜|\|")


@cache
def _config() -> dict[str, Any]:
    return load_toml("english/templates.toml")["headline"]


@dataclass(frozen=True)
class HeadlineContext:
    """What the headline may draw on besides its own text: the facts, already in English."""

    jurisdiction: str | None = None  # Chinese
    # (Chinese name, English name, English title or None) of the officials
    names: tuple[tuple[str, str, str | None], ...] = ()
    lead: str | None = None  # facts.summary_zh, for the event phrase when the headline has none


@dataclass(frozen=True)
class Headline:
    text: str  # "" when nothing can be said
    reason: str | None = None  # why the headline is empty or composed, for quality.warnings


def _outside_quotes(text: str, pos: int) -> bool:
    opened = sum(text[:pos].count(q) for q in "“‘「\"") - sum(text[:pos].count(q) for q in "”’」")
    return opened <= 0 if '"' not in text[:pos] else text[:pos].count('"') % 2 == 0


def _find_verb(text: str) -> tuple[int, str] | None:
    """The main verb: a holding verb (召开, 举行) anywhere, else a visit verb, else another; earliest."""
    config = _config()
    verbs = sorted(config["verbs"], key=len, reverse=True)
    groups = (config["hold_verbs"], config["visit_verbs"], verbs)
    for group in groups:
        found: list[tuple[int, str]] = []
        for verb in sorted(group, key=len, reverse=True):
            for m in re.finditer(re.escape(verb), text):
                if _outside_quotes(text, m.start()) and not any(s <= m.start() < s + len(v) for s, v in found):
                    found.append((m.start(), verb))
        if found:
            return min(found)
    return None


def _place(text: str, glossary: Glossary) -> str | None:
    """A gazetteer place (never a common word read as a name), headline style: "Naxi District of Luzhou"."""
    text = text.strip()
    if not text or text in _config()["self_words"]:
        return None
    entry = glossary.get(text)
    if entry is not None and entry.category == "admin":  # 高新区 is a kind of zone, not a name
        return f"the {entry.en}"
    if text in place_index()[1]:
        return place_name_en(text, glossary)  # 秀山, 琼海: a known name without its unit word
    return known_place_en(text, glossary, joiner=" of ")


def _own_place(context: HeadlineContext, glossary: Glossary) -> str | None:
    return known_place_en(context.jurisdiction, glossary, joiner=" of ") if context.jurisdiction else None


def _person(text: str, context: HeadlineContext) -> str | None:
    """The official named in ``text`` (a visit's agent), romanized, after the first part of the title
    when the text names one ("County Party Secretary Wang Jingxian"); never a name glued to a verb."""
    found = sorted((text.find(zh), zh, en, title) for zh, en, title in context.names if zh and zh in text)
    if not found:
        return None
    _, zh, name, title = found[0]
    if title and text.index(zh) > 0 and not _UNCLEAN.search(title):
        first = re.split(r", | and ", title)[0]
        return f"{local_title(first, None)} {name}" if len(first.split()) <= 5 else name
    return name


def _subject(before: str, context: HeadlineContext, phrasebook: Phrasebook, glossary: Glossary) -> str | None:
    config = _config()
    before = before.strip()
    if not before or before in config["self_words"]:
        return _own_place(context, glossary)
    if (person := _person(before, context)) is not None:
        return person
    if (place := _place(before, glossary)) is not None:
        return place
    # 县委 / 东辽县政府 / 市人大常委会: the organ with its place, "Dongliao County Government".
    found = organizer(before, phrasebook, glossary, context.jurisdiction)
    return _organ_with_place(*found, glossary) if found else None


def _event(text: str, context: HeadlineContext, phrasebook: Phrasebook, glossary: Glossary) -> str | None:
    """The events of the object, joined by 暨, each with the longest modifier that renders; the year
    stays in front, as headlines keep it ("2024 mobilization meeting ...")."""
    text = text.strip()
    for scope in _config()["scope_words"]:
        if text.startswith(scope) and len(text) > len(scope):
            text = text[len(scope):]
    phrases = []
    for part in (p for p in re.split("暨", text) if p.strip()):
        found = compose_event(part, phrasebook, glossary, context.jurisdiction, shorten=True)
        if found is None:
            continue
        period = _period(part)
        phrase = found[0]
        if period:  # the year of a campaign is the campaign's ("for the 2024 ... drive"), else the meeting's
            phrase = phrase.replace(" for the ", f" for the {period} ", 1) if " for the " in phrase \
                else f"{period} {phrase}"
        phrases.append(phrase)
    phrases = list(dict.fromkeys(phrases))
    return " and ".join(phrases) if phrases else None


def _period(text: str) -> str | None:
    """The year and quarter an event phrase opens with, which headlines keep: "2024 first quarter"."""
    m = re.match(r"\s*(\d{4})年(?:度)?(?:第?([一二三四])季度)?", text)
    if not m:
        return None
    quarter = {"一": "first", "二": "second", "三": "third", "四": "fourth"}.get(m.group(2) or "")
    return f"{m.group(1)} {quarter} quarter" if quarter else m.group(1)


def _started(part: str, context: HeadlineContext, phrasebook: Phrasebook, glossary: Glossary) -> str | None:
    """Groundbreaking headlines: [<place>]<N><projects>开工建设 -> "21 key projects start construction in
    Xiushan"; [<place>]开工<N><projects> -> "Yinchuan starts construction of 307 major projects"."""
    config = _config()
    for verb in sorted(config["start_verbs"], key=len, reverse=True):
        before, found, after = part.partition(verb)
        if not found:
            continue
        before = re.sub(config["start_manner"], "", before)
        place, rest = _leading_place(before, glossary)
        if not after.strip() and rest:
            projects = render_phrase(rest, phrasebook, glossary, types=("np",))
            if projects is None:
                return None
            where = place or _own_place(context, glossary)
            return f"{projects} start construction" + (f" in {where}" if where else "")
        projects = render_phrase(after.strip(), phrasebook, glossary, types=("np",)) if after.strip() else None
        subject = place or _subject(rest, context, phrasebook, glossary)
        if projects and subject:
            return f"{subject} starts construction of {projects}"
    return None


def _noun_phrase(text: str, phrasebook: Phrasebook, glossary: Glossary) -> str | None:
    """The whole noun phrase, else its longest final noun phrase that renders (head-final, so less
    specific but not wrong: 极贫乡镇脱贫攻坚工作 -> the part that renders); never a cut inside quotes."""
    text = text.strip()
    for cut in range(0, max(0, len(text) - 1)):
        if cut and (_inside_quotes(text, cut) or text[cut] in _QUOTES):
            continue
        if (en := render_phrase(text[cut:], phrasebook, glossary, types=("np",))) is not None:
            return en
    return None


def _inside_quotes(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        depth += ch in "“‘「"
        depth -= ch in "”’」"
    return depth > 0


def _leading_place(text: str, glossary: Glossary) -> tuple[str | None, str]:
    """A gazetteer place at the start of ``text`` and the rest."""
    for end in range(min(len(text), 12), 1, -1):
        if (place := _place(text[:end], glossary)) is not None:
            return place, text[end:]
    return None, text


def _visit(before: str, verb: str, after: str, context: HeadlineContext, phrasebook: Phrasebook,
           glossary: Glossary) -> str | None:
    """<agent>[带队]到<place><verb>[<object>]: "He Li inspects Daying Town"."""
    config = _config()
    verb_en = config["verbs"][verb]
    after = re.sub(config["speech_after"], "", after).strip()  # 调研时强调 …: what was said is not the event
    before = re.sub(config["visit_light_verbs"], "", before)  # 到琼海开展调研: 开展 only carries the noun
    agent, target = before, ""
    for marker in config["visit_markers"]:
        head, found, rest = before.partition(marker)
        if found and head and rest:
            agent, target = head, rest
            break
    if agent.endswith(config["team_marker"]) or agent.endswith("率队"):
        agent = agent[:-2]
        verb_en = config["team_verbs"].get(verb, verb_en)
    who = _person(agent, context) or _place(agent, glossary) or render_phrase(agent, phrasebook, glossary)
    if who is None:
        return None
    where = (_place(target, glossary) or render_phrase(target, phrasebook, glossary)) if target else None
    what = _noun_phrase(after, phrasebook, glossary) if after else None
    if what and where:
        return f"{who} {verb_en} {what} in {where}"
    if what or where:
        return f"{who} {verb_en} {what or where}"
    return f"{who} {config['visit_alone']}"


def _sentence(part: str, context: HeadlineContext, phrasebook: Phrasebook, glossary: Glossary) -> str | None:
    """One headline part as a sentence, or None when its subject or event does not render."""
    config = _config()
    found = _find_verb(part)
    if (found is None or found[1] not in config["hold_verbs"]) and (started := _started(part, context, phrasebook,
                                                                                          glossary)):
        return started
    if found is None:
        event = _event(part, context, phrasebook, glossary)  # 全县……动员大会: a headline that is its event
        subject = _own_place(context, glossary)
        return f"{subject} holds {event}" if event and subject else None
    pos, verb = found
    before, after = part[:pos], part[pos + len(verb):]
    if after.strip() in config["visit_nouns"] and verb not in config["visit_verbs"]:
        verb, after = after.strip(), ""  # 到琼海开展调研: the noun is the visit
    if verb in config["visit_verbs"]:
        return _visit(before, verb, after, context, phrasebook, glossary)
    verb_en = config["verbs"][verb]
    if not after.strip():  # ……大会召开: the jurisdiction holds it
        before, after = "", before
    event = _event(after, context, phrasebook, glossary)
    subject = _subject(before, context, phrasebook, glossary)
    if event is None:
        return None
    if subject is None:
        subject = _own_place(context, glossary)  # an organ or subject that does not render: the place holds it
    return f"{subject} {verb_en} {event}" if subject else None


def _composed(title: str, context: HeadlineContext, phrasebook: Phrasebook, glossary: Glossary) -> str | None:
    """A headline from the facts: host and event phrase ("Gangu County Party Committee holds ...")."""
    found = find_event(title, context.lead, phrasebook, glossary, context.jurisdiction)
    if found is None:
        return None
    event, organizer_en, own = found
    host = None
    if organizer_en:
        host = _organ_with_place(organizer_en, own, glossary)
    host = host or _own_place(context, glossary)
    return f"{host} holds {event}" if host else None


def _organ_with_place(organ: str, own: str | None, glossary: Glossary) -> str:
    place = known_place_en(own, glossary, joiner=" of ", unit_word=False) if own else None
    if place and organ.split()[0] in _LEVEL_WORDS:
        return f"{place.split(' of ')[0]} {organ}"
    return organ


def render_headline(title: str | None, context: HeadlineContext, phrasebook: Phrasebook,
                    glossary: Glossary) -> Headline | None:
    """The headline in English; None when the report has no headline."""
    if not title or not title.strip():
        return None
    text = unicodedata.normalize("NFKC", title).strip()
    text = text.replace("\u201c", "“")
    parts = [p for p in _PARTS.split(text) if p.strip()]
    # The part that names the event first (紧盯目标——莎车县召开……: the second).
    parts.sort(key=lambda p: _find_verb(p) is None)
    for part in parts:
        sentence = _sentence(part, context, phrasebook, glossary)
        if sentence and not _UNCLEAN.search(sentence):
            return Headline(_capitalize(sentence))
    composed = _composed(title, context, phrasebook, glossary)
    if composed and not _UNCLEAN.search(composed):
        return Headline(_capitalize(composed), "title_en composed from the facts: the headline does not render whole")
    return Headline("", "title_en empty: no part of the headline renders (never glossed)")


def _capitalize(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]
