"""Rule-based headline translation: 泸州市纳溪区召开“X”行动动员大会 ->
'Naxi District of Luzhou holds mobilization meeting for the "X" campaign'.

The headline is cut at its event verb (召开, 举行 ... from data/english/templates.toml) into a
subject (usually a place) and an object (the event). The object's events, joined by 暨, are each
split into a head noun (the longest glossary ``event`` term at its end: 动员大会) and a modifier,
and put in English order: "<head> for the <campaign>", "<head> of the <organ>" or
"<modifier> <head>".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .datafiles import english_toml
from .phrases import Translator
from .places import parse_place, place_en

_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}


@cache
def _config() -> dict[str, Any]:
    return english_toml("templates")["headline"]


@dataclass
class Headline:
    subject: str | None  # English subject, None when the headline has no verb
    verb: str | None
    event: str  # English object (the event), without an article


def _segments(text: str, translator: Translator) -> list[tuple[int, str]]:
    """Glossary terms of ``text`` by position (outside quotes), longest match first."""
    out: list[tuple[int, str]] = []
    pos = 0
    closing = None
    while pos < len(text):
        ch = text[pos]
        if closing:
            closing = None if ch == closing else closing
            pos += 1
            continue
        if ch in _QUOTES:
            closing = _QUOTES[ch]
            pos += 1
            continue
        entry = translator.glossary.match_at(text, pos, min_len=2)
        if entry is None:
            pos += 1
            continue
        out.append((pos, entry.zh))
        pos += len(entry.zh)
    return out


def _split_verb(text: str, translator: Translator) -> tuple[str, str, str] | None:
    verbs = _config()["verbs"]
    segments = _segments(text, translator)
    for verb in verbs:
        for pos, zh in segments:
            if zh == verb:
                return text[:pos], verb, text[pos + len(verb):]
    return None


def render_event(text: str, translator: Translator) -> str:
    """One event noun phrase in English order."""
    config = _config()
    text = text.strip()
    for scope in config["scope_words"]:
        if text.startswith(scope) and len(text) > len(scope):
            text = text[len(scope):]
            break
    glossary = translator.glossary
    head = None
    for start in range(len(text)):
        entry = glossary.get(text[start:])
        if entry is not None and entry.category == "event":
            head = entry
            break
    if head is None or len(head.zh) == len(text):
        return translator.phrase(text)
    modifier_zh = text[: -len(head.zh)]
    modifier = translator.phrase(modifier_zh)
    if modifier_zh.endswith(tuple(config["campaign_endings"])):
        template = config["for_campaign"]
    elif (entry := glossary.get(modifier_zh)) is not None and entry.category in ("organ", "event"):
        template = config["of_organ"]
    else:
        template = config["compound"]
    return template.format(head=head.en, modifier=modifier)


def render_object(text: str, translator: Translator) -> str:
    """The events of a headline object, split on 暨 and the like."""
    conjunctions = _config()["conjunctions"]
    parts: list[tuple[str, str | None]] = []  # (chinese event, english conjunction before it)
    current = ""
    closing = None
    joiner: str | None = None
    for ch in text:
        if closing:
            closing = None if ch == closing else closing
        elif ch in _QUOTES:
            closing = _QUOTES[ch]
        elif ch in conjunctions and ch == "暨" and current:
            parts.append((current, joiner))
            current, joiner = "", conjunctions[ch]
            continue
        current += ch
    if current:
        parts.append((current, joiner))
    out = ""
    for zh, conj in parts:
        out += (f" {conj} " if conj else "") + render_event(zh, translator)
    return out


def render_headline(title: str | None, jurisdiction: str | None, translator: Translator) -> Headline | None:
    if not title or not title.strip():
        return None
    title = title.strip()
    split = _split_verb(title, translator)
    if split is None:
        return Headline(None, None, render_object(title, translator))
    before, verb, after = split
    config = _config()
    verb_en = config["verbs"][verb]
    glossary = translator.glossary
    own = place_en(jurisdiction, glossary, joiner=" of ") if jurisdiction else None
    if verb in config["visit_verbs"]:
        if before.endswith(config["team_marker"]):  # 李四带队督导……
            before, verb_en = before[: -len(config["team_marker"])], config["team_verbs"].get(verb, verb_en)
        for marker in config["visit_markers"]:  # 张三到维西县调研……: the visitor inspects the place
            agent, found, target = before.partition(marker)
            if found and agent and target:
                if agent.endswith(config["team_marker"]):
                    agent, verb_en = agent[: -len(config["team_marker"])], config["team_verbs"].get(verb, verb_en)
                where = _place_or_phrase(target, translator)
                if after.strip():
                    return Headline(translator.phrase(agent), verb_en, f"{render_object(after, translator)} in {where}")
                return Headline(translator.phrase(agent), verb_en, where)
        if not after.strip() and before.strip() not in config["self_words"]:
            return Headline(translator.phrase(before), config["visit_alone"], "")
    if not after.strip():  # "……大会召开": the jurisdiction holds it
        return Headline(own, verb_en, render_object(before, translator))
    if before.strip() in config["self_words"]:  # 我县召开……
        subject = own or translator.phrase(before)
    else:
        subject = _place_or_phrase(before, translator)
    return Headline(subject, verb_en, render_object(after, translator))


def _place_or_phrase(text: str, translator: Translator) -> str:
    entry = translator.glossary.get(text)
    if entry is not None and entry.category in ("admin", "organ"):  # 到高新区: "the High-tech Zone"
        return f"the {entry.en}"
    if parse_place(text, translator.glossary, strict=True):
        return place_en(text, translator.glossary, joiner=" of ") or translator.phrase(text)
    return translator.phrase(text)


def headline_text(headline: Headline | None) -> str | None:
    if headline is None:
        return None
    if headline.subject and headline.verb:
        text = _config()["sentence"].format(subject=headline.subject, verb=headline.verb, object=headline.event)
        text = text.strip()
    else:
        text = headline.event
    return text[:1].upper() + text[1:] if text else None
