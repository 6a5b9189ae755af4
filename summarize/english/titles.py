"""Official titles: 县委常委、常务副县长 -> "Member of the County Party Standing Committee and
Executive Deputy County Magistrate".

A chain is split into parts (data/english/titles.toml: separators). Each part is looked up whole
in the glossary first (so a user glossary can override any title), then read as
``[place] [level] [organ] post`` and composed from the patterns in titles.toml. A place or an
organisation named at the start of one part also owns the bare posts that follow it
(产投集团董事长、总经理 -> "Chairman and General Manager of the Industrial Investment Group").
A part that reads as neither makes the whole title None (listed as untranslated), never a gloss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..compose.en import join_list
from ..text.datafiles import load_toml
from .glossary import Glossary
from .places import is_known_unit, parse_place, place_en

_TITLE_CATEGORIES = ("title", "post")


@dataclass
class Part:
    text: str  # English of the part, without the place that owns it
    place: str | None = None  # English place owning the part ("Suizhou High-tech Zone")
    post: str | None = None  # a lone post ("General Manager"): may join the organisation before it
    organ: str | None = None  # "{post} of the {organ}" parts: the organ, for bare posts that follow
    has_level: bool = False  # names its own level (县委..., 市人大...): does not inherit a place
    posts: list[str] = field(default_factory=list)  # the posts of an organ-owned part


@cache
def _config() -> dict[str, Any]:
    return load_toml("english/titles.toml")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _starts_with_key(text: str, keys: dict[str, Any]) -> str | None:
    for key in sorted(keys, key=len, reverse=True):
        if text.startswith(key):
            return key
    return None


def _self_contained(zh: str, category: str) -> bool:
    """A complete title that names its own level (副县长, 常务副市长): drops the organ before it."""
    return category == "title" and any(level in zh for level in _config()["levels"])


def _compose(level: str | None, rest: str, glossary: Glossary) -> Part | None:
    """Read ``rest`` as [organ] post under ``level``; None when it does not read so."""
    config = _config()
    adjectives = config["levels"].get(level, {"party": "", "gov": ""}) if level else {"party": "", "gov": ""}
    organ_key = _starts_with_key(rest, config["organs"])
    organ_entry = None
    if organ_key is None:
        for length in range(len(rest) - 1, 1, -1):
            entry = glossary.get(rest[:length])
            if entry is not None and entry.category == "organ":
                organ_entry = entry
                break
    organ_zh = organ_key or (organ_entry.zh if organ_entry else "")
    post_zh = rest[len(organ_zh):]
    post = glossary.get(post_zh)
    if (post is None or post.category not in _TITLE_CATEGORIES) and organ_zh and post_zh:
        # The organ's last character shared with the post: 武装部长 = 武装部 + 部长, 组织部长.
        post = glossary.get(organ_zh[-1] + post_zh)
    if post is None or post.category not in _TITLE_CATEGORIES:
        return None
    if not organ_zh:
        if level is None:
            return Part(post.en, post=post.en)
        return None  # a level with a bare post (县主任) is not a title we know how to write
    if _self_contained(post.zh, post.category):
        return Part(post.en, has_level=level is not None)
    if organ_key is not None:
        organ = config["organs"][organ_key]
        full = _clean(organ["full"].format(**adjectives))
        short = _clean(organ.get("short", organ["full"]).format(**adjectives))
        patterns = config["patterns"][organ["kind"]]
        pattern = patterns.get(post.zh, patterns["*"])
    else:
        assert organ_entry is not None
        full = _clean(f"{adjectives['gov']} {organ_entry.en}")
        short = full
        pattern = config["patterns"]["organ"]["*"]
    text = _clean(pattern.format(full=full, short=short, post=post.en))
    organ_owner = full if pattern == "{post} of the {full}" and level is None else None
    return Part(text, organ=organ_owner, posts=[post.en] if organ_owner else [], has_level=level is not None)


def _parse_structured(part: str, glossary: Glossary) -> Part | None:
    levels = _config()["levels"]
    level = _starts_with_key(part, levels)
    if level is not None and (parsed := _compose(level, part[len(level):], glossary)):
        return parsed
    if (parsed := _compose(None, part, glossary)) is not None:
        return parsed
    # A place name first: 随州高新区党工委书记, 宁德市委书记.
    for cut in range(len(part) - 1, 1, -1):
        units = parse_place(part[:cut], glossary)
        if not units or units[-1].suffix is None or not units[-1].name \
                or not all(is_known_unit(u, glossary) for u in units):
            continue  # only a gazetteer place owns a title: 张三到高新区 is no place
        rest = part[cut:]
        parsed = None
        if units[-1].suffix.zh in _config()["named_units"] and (parsed := _compose(None, rest, glossary)):
            # 宁夏回族自治区党委书记 -> Party Secretary of the Ningxia Hui Autonomous Region
            parsed.place = "the " + place_en(part[:cut], glossary, unit_word=True)
            parsed.has_level = False
            return parsed
        if units[-1].suffix.zh in levels:  # 宁德市委书记: the place's unit is also the level
            level = units[-1].suffix.zh
            # 宾县县委书记: a one-character name keeps its unit, so the level is written twice.
            parsed = _compose(level, rest.removeprefix(level) if len(rest) > len(level) + 1 else rest, glossary)
        level_from_place = parsed is not None
        parsed = parsed or _compose(None, rest, glossary)
        if parsed is not None:
            # A one-character name is no name without its unit: "of Bin County", never "of Bin".
            parsed.place = place_en(part[:cut], glossary,
                                    unit_word=not level_from_place or len(units[-1].name) == 1)
            parsed.has_level = False
            return parsed
    return None


def render_part(part: str, glossary: Glossary) -> Part | None:
    entry = glossary.get(part)
    if entry is not None and (entry.category in _TITLE_CATEGORIES or entry.user):
        has_level = _starts_with_key(part, _config()["levels"]) is not None or _self_contained(part, entry.category)
        bare = entry.category == "post" or not (has_level or _starts_with_key(part, _config()["organs"]))
        return Part(entry.en, post=entry.en if bare else None, has_level=has_level)
    parsed = _parse_structured(part, glossary)
    if parsed is not None:
        return parsed
    # An organisation the glossary does not know, then a post: 某某公司董事长.
    for cut in range(1, len(part) - 1):
        post = glossary.get(part[cut:])
        if post is not None and post.category in _TITLE_CATEGORIES and not _self_contained(post.zh, post.category):
            organ = _organ_en(part[:cut])
            if organ is None:
                break
            return Part(f"{post.en} of the {organ}", organ=organ, posts=[post.en])
    return None  # never a word-by-word gloss: the caller leaves the title out and lists it as untranslated


def _organ_en(zh: str) -> str | None:
    """An organisation's English through the clause renderer's noun phrases, or None (no gloss)."""
    from .grammar import render_phrase

    return render_phrase(zh)


def split_chain(title: str) -> list[str]:
    pattern = "|".join(re.escape(s) for s in _config()["separators"])
    return [p.strip() for p in re.split(pattern, title) if p.strip()]


MAX_TITLE_CHARS = 60  # the longest chain in the seeds' and the dev suite's notes has 26 characters


def render_title(title: str | None, glossary: Glossary, untranslated: list[str] | None = None) -> str | None:
    """English for a title chain, in the style of the reference notes, or None when a part does not
    compose (the title is then appended to ``untranslated``, when given)."""
    if not title or not title.strip():
        return None
    if len(title) > MAX_TITLE_CHARS:  # not a title chain but a run of text: never parsed (that is quadratic)
        if untranslated is not None and title not in untranslated:
            untranslated.append(title)
        return None
    rendered = [render_part(p, glossary) for p in split_chain(title)]
    if any(part is None for part in rendered):
        if untranslated is not None and title not in untranslated:
            untranslated.append(title)  # a title that does not compose is null, never glossed
        return None
    parts = [p for p in rendered if p is not None]
    # Bare posts after an "X of the <organ>" part share that organ.
    merged: list[Part] = []
    for part in parts:
        previous = merged[-1] if merged else None
        if previous and previous.organ and previous.posts and part.post and not part.has_level \
                and not part.place:
            previous.posts.append(part.post)
            previous.text = f"{join_list(previous.posts)} of the {previous.organ}"
            continue
        merged.append(part)
    # A place owns the parts after it that name no level or place of their own.
    owner: str | None = None
    for part in merged:
        if part.place:
            owner = part.place
        elif part.has_level:
            owner = None
        else:
            part.place = owner
    items: list[str] = []
    for k, part in enumerate(merged):
        closes_group = part.place and (k == len(merged) - 1 or merged[k + 1].place != part.place)
        items.append(f"{part.text} of {part.place}" if closes_group else part.text)
    return join_list(items)
