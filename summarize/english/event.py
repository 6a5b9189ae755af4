"""The event phrase of summary_en ("a promotion meeting on key projects", "a groundbreaking ceremony
for key projects", "a Standing Committee meeting of the County Party Committee") from the event noun
of the headline or of the lead sentence (facts.summary_zh), composed through the phrasebook grammar.

The head is the glossary's event noun at the end of the phrase (推进会, 常委会议, 开工仪式). Its
modifier is kept only when the phrasebook and the clause grammar render it whole; otherwise the head
stands alone ("a promotion meeting"), never a word-by-word gloss. Dates, ordinals and terms before
the head (2023年, 第二次, 第十三届) are left out: the summary gives the date itself.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..text.datafiles import load_toml
from .glossary import Glossary
from .grammar import modifier as grammar_modifier
from .grammar import render_phrase
from .phrasebook import Phrasebook

_VERBS = ("主持召开", "召开", "举行", "举办")
_QUOTES = "“”\"‘’「」"


@cache
def _config() -> dict[str, Any]:
    return load_toml("english/templates.toml")["event"]


def event_text(sentence: str) -> tuple[str, str] | None:
    """(organizer, event) Chinese spans around the sentence's last 召开/举行: the object after the
    verb, or, when the verb ends the clause (……动员大会召开), the words before it."""
    clause_end = re.compile(r"[，,。；;：:！!？?]")
    for verb in _VERBS:
        pos = sentence.rfind(verb)
        if pos < 0:
            continue
        before = clause_end.split(sentence[:pos])[-1]
        after = clause_end.split(sentence[pos + len(verb):])[0]
        if after.strip():
            return before, after
        return "", before.split("在")[0]  # ……推进会在县文化中心召开: the event is the subject
    return None


def _strip_detail(text: str, jurisdiction: str | None) -> str:
    """Leave out what the summary says elsewhere or what does not translate as a modifier: the
    jurisdiction, scope words (全县), dates, ordinals and terms."""
    config = _config()
    text = text.strip()
    places = [p for p in (jurisdiction or "", (jurisdiction or "")[:-1]) if len(p) >= 2]
    changed = True
    while changed and text:
        changed = False
        for prefix in (*places, *config["scope_words"]):
            if text.startswith(prefix) and len(text) > len(prefix):
                text, changed = text[len(prefix):], True
        if jurisdiction and text.startswith(("委", "政府", "人大", "政协")):
            text = jurisdiction[-1] + text  # 甘谷县委: the place goes, the level stays with its organ
        stripped = re.sub(config["detail_end"], "", re.sub(config["detail_pattern"], "", text, count=1))
        if stripped != text and stripped:
            text, changed = stripped, True
    return text


def _heads(text: str, glossary: Glossary) -> list[str]:
    """Event nouns the text ends with, longest first."""
    endings = tuple(_config()["head_endings"])
    heads = []
    for start in range(len(text)):
        entry = glossary.get(text[start:])
        if entry is not None and entry.category == "event" and entry.zh.endswith(endings):
            heads.append(entry.zh)
    return heads


def compose_event(text: str, phrasebook: Phrasebook, glossary: Glossary,
                  jurisdiction: str | None = None, shorten: bool = False) -> tuple[str, bool] | None:
    """One event (no 暨) in English: (phrase, whole) where ``whole`` says the modifier rendered too;
    None when the text has no event noun. ``shorten`` (headlines): a modifier that does not render
    whole keeps its longest final noun phrase that does (援疆项目推进会 -> "promotion meeting on
    projects"): Chinese modifiers are head-final, so the shorter one is less specific, not wrong."""
    config = _config()
    quoted = re.findall(r"[“‘「\"]([^”’」\"]+)", text)  # a quoted name is never cut (shorten)
    text = _strip_detail(re.sub(f"[{_QUOTES}]", "", text).strip(), jurisdiction)
    heads = _heads(text, glossary)
    if not heads:
        return None
    fallback = None
    for head_zh in heads:
        head = glossary.get(head_zh).en  # type: ignore[union-attr]
        modifier_zh = _strip_detail(re.sub(config["ordinals"], "", text[: -len(head_zh)]), jurisdiction)
        if not set(head.split()) & set(config["meeting_words"]):  # 县委常委会 names the organ: a meeting of it
            head = config["meeting_of"].format(organ=_organ_case(head))
        if modifier_zh in config["levels"]:
            modifier_zh = ""  # 县政府常务会议: the level is the jurisdiction's
        organ = _organ_prefix(modifier_zh, glossary)
        if organ:
            rest = _strip_detail(modifier_zh[len(organ[0]):], jurisdiction)
            if not rest or " of " in head:
                return config["of_organ"].format(head=head, modifier=organ[1]), True
        if not modifier_zh:
            return head, True
        fallback = fallback or head
        entry = glossary.get(modifier_zh)
        if entry is not None and entry.category in ("title", "post"):
            return head, True  # 书记专题会: who called it is said by the opening, not by the noun
        modifier = render_phrase(modifier_zh, phrasebook, glossary, types=("np",))
        for cut in range(1, len(modifier_zh) - 1) if modifier is None and shorten else ():
            if any(0 <= (at := modifier_zh.find(q)) < cut < at + len(q) for q in quoted):
                continue
            modifier = render_phrase(modifier_zh[cut:], phrasebook, glossary, types=("np",))
            if modifier is not None:
                modifier_zh = modifier_zh[cut:]
                break
        if modifier is None:
            continue
        if entry is not None and entry.category == "organ" or modifier.lower().endswith(tuple(config["organ_words"])):
            return config["of_organ"].format(head=head, modifier=_organ_case(modifier)), True
        if modifier_zh.endswith(tuple(config["campaign_endings"])):
            return config["for_campaign"].format(head=head, modifier=modifier), True
        if head.split()[-1] == modifier.split()[-1] and " for " in head:  # ... for a group of key projects
            return f"{head.rsplit(' ', 1)[0]} {modifier}", True
        if head.endswith(tuple(config["for_heads"])):
            return config["for"].format(head=head, modifier=modifier), True
        if shorten and len(modifier.split()) <= 2 and not modifier.startswith("the "):
            # Headlines stack short nouns ("project work promotion meeting"); a plural modifier is singular.
            return f"{grammar_modifier(modifier)} {head}", True
        return config["on"].format(head=head, modifier=modifier), True
    return (fallback, False) if fallback else None


def _organ_prefix(text: str, glossary: Glossary) -> tuple[str, str] | None:
    """The longest organ the modifier opens with (县人大常委会, 宽甸...指挥部 is not one), in English."""
    levels = _config()["levels"]
    for end in range(len(text), 1, -1):
        entry = glossary.get(text[:end])
        if entry is not None and entry.category == "organ":
            return text[:end], _organ_case(entry.en)
        if text[:1] in levels and (entry := glossary.get(text[1:end])) is not None and entry.category == "organ":
            return text[:end], _organ_case(f"{levels[text[:1]]} {entry.en}")
    return None


def _organ_case(name: str) -> str:
    """Organs are proper nouns in news English: "the County Party Committee"."""
    return " ".join(w if w in ("of", "and", "the", "for") else w[:1].upper() + w[1:] for w in name.split())


def render_event(text: str, phrasebook: Phrasebook, glossary: Glossary,
                 jurisdiction: str | None = None) -> tuple[str, bool] | None:
    """The events of one Chinese event phrase, joined by 暨 ("... and ...")."""
    parts = [p for p in re.split(r"暨", text) if p.strip()]
    rendered = [r for p in parts if (r := compose_event(p, phrasebook, glossary, jurisdiction))]
    whole = [r for r in rendered if r[1]]
    if len(whole) < len(rendered) and whole:
        rendered = whole  # a bare "meeting" beside a composed event adds nothing
    if not rendered:
        return None
    phrases = [r[0] for r in rendered]
    return " and ".join(dict.fromkeys(phrases)), len(whole) == len(rendered) and len(rendered) == len(parts)


def organizer(text: str, phrasebook: Phrasebook, glossary: Glossary,
               jurisdiction: str | None) -> tuple[str, str | None] | None:
    """The organ before 召开 when it is one (县委, 市人大常委会), with the jurisdiction's name."""
    own = jurisdiction if jurisdiction and jurisdiction[:-1] and jurisdiction[:-1] in text else None
    text = _strip_detail(re.sub(_config()["ordinals"], "", text), jurisdiction)
    organ = _organ_prefix(text, glossary)
    if organ is None or organ[0] != text:
        return None
    return organ[1], own


def find_event(headline: str | None, lead: str | None, phrasebook: Phrasebook, glossary: Glossary,
               jurisdiction: str | None = None) -> tuple[str, str | None, str | None] | None:
    """(event phrase, organizer organ, organizer's jurisdiction in Chinese) from the headline or the
    lead; a phrase whose modifiers render whole is preferred to a bare head noun."""
    candidates: list[tuple[str, str]] = []
    if headline:
        found = event_text(headline)
        candidates.append(found if found else ("", headline))
    if lead:
        first = re.split(r"[。！!？?]", lead)[0]
        found = event_text(first)
        if found:
            candidates.append(found)
    best = None
    for organizer_zh, event_zh in candidates:
        event = render_event(event_zh, phrasebook, glossary, jurisdiction)
        if event is None:
            continue
        organ = organizer(organizer_zh, phrasebook, glossary, jurisdiction) if organizer_zh else None
        result = (event[0], *(organ or (None, None)))
        if event[1]:
            return result
        best = best or result
    return best
