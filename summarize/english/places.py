"""Place names: 泸州市纳溪区 -> units (泸州, 市) (纳溪, 区) -> "Naxi District, Luzhou".

A place is read as a run of units, each a name followed by a unit word from
data/english/place_suffixes.tsv. Names come from the glossary's ``place`` entries when listed
there (conventional spellings: 陕西 Shaanxi, 西藏 Tibet), otherwise from pinyin. Autonomous areas
keep their ethnic groups from the glossary's ``ethnic`` entries (维西傈僳族自治县 -> Weixi Lisu
Autonomous County).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..gazetteer import everyday_name, generic_names, place_rows, township_names, township_rows
from ..text.datafiles import load_tsv
from ..text.han import is_han_text
from .glossary import Glossary
from .romanize import romanize_place

MIN_NAME = 2  # a unit name has at least two characters, unless the whole text is name + unit word
MAX_STRICT_NAME = 4  # longer unknown names are not accepted as places in strict mode


@dataclass(frozen=True)
class Suffix:
    zh: str
    en: str
    style: str  # bare | unit | unit-if-lowest | feature


@dataclass(frozen=True)
class PlaceUnit:
    name: str  # Chinese name without the unit word (and without ethnic groups)
    suffix: Suffix | None
    ethnic: tuple[str, ...] = ()  # Chinese names of ethnic groups of an autonomous area


@cache
def suffixes() -> tuple[Suffix, ...]:
    rows = load_tsv("english/place_suffixes.tsv", ("zh", "en", "style"))
    return tuple(sorted((Suffix(*f) for _, f in rows), key=lambda s: -len(s.zh)))


@cache
def place_index() -> tuple[dict[str, list[str]], frozenset[str]]:
    """From data/places/places.tsv: full unit name -> parent names, and the names without unit words.

    Lets a bare county name get its city (大观区 -> Daguan District, Anqing) and lets a place name
    written without its unit word inside a phrase (宁德服务) be recognised as a place. An autonomous
    area is also known by its everyday name (宽甸县 for 宽甸满族自治县) and its short name is that name's,
    without the peoples (宽甸, never 宽甸满族). The towns, townships and subdistricts of
    data/places/townships.tsv are full names only (月塘镇 -> its county): their short names (东风, 城关)
    are common words, never places.
    """
    parents: dict[str, list[str]] = {}
    short: set[str] = set()
    for name, _level, parent in place_rows():
        parents.setdefault(name, []).append(parent)
        if "自治" in name and (everyday := everyday_name(name)) != name:
            parents.setdefault(everyday, [])  # a full name; its city is named only as the official name's
            name = everyday  # its short name: 宽甸县 -> 宽甸
        for suffix in suffixes():
            if suffix.style != "feature" and name.endswith(suffix.zh) and len(name) - len(suffix.zh) >= 2:
                short.add(name[: -len(suffix.zh)])
                break
    return _WithTownships(parents), frozenset(short)


class _WithTownships(dict[str, list[str]]):
    """Full names -> parents, the townships' included: their 38,000 names are a set, their parents (a county,
    never wanted for a city) are read only when asked for, so building the index stays cheap."""

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or is_township(name)

    def __getitem__(self, name: str) -> list[str]:
        if dict.__contains__(self, name) or not is_township(name):
            return dict.__getitem__(self, name)
        return _township_parents()[name]

    def get(self, name: str, default=None):  # type: ignore[override]
        try:
            return self[name]
        except KeyError:
            return default


def is_township(name: str) -> bool:
    """A township of the gazetteer by its full name, unless the name is an everyday phrase: 中心镇, 小城镇, 明星镇
    are real townships, and in a report "central towns", "small towns", "star towns" far more often
    (data/places/generic_names.txt)."""
    return name in township_names() and name not in generic_names()


@cache
def _township_parents() -> dict[str, list[str]]:
    parents: dict[str, list[str]] = {}
    for name, parent in township_rows():
        parents.setdefault(name, []).append(parent)
    return parents


def _township(text: str, glossary: Glossary) -> PlaceUnit | None:
    """A township by its full name as one unit: 月塘镇 -> (月塘, 镇), 喇叭沟门满族乡 -> (喇叭沟门, 乡, 满族)."""
    if not is_township(text):
        return None
    suffix = next((s for s in suffixes() if s.style == "unit" and text.endswith(s.zh)), None)
    if suffix is None or len(text) - len(suffix.zh) < MIN_NAME:
        return None
    name = text[: -len(suffix.zh)]
    name, ethnic = _split_ethnic(name, glossary)
    if len(name) < MIN_NAME:
        return PlaceUnit(text[: -len(suffix.zh)], suffix)
    return PlaceUnit(name, suffix, ethnic)


def known_parent(name: str) -> str | None:
    """The city a county-level unit belongs to, when the gazetteer knows exactly one (none for a township)."""
    if name in township_names():
        return None
    parents = {p for p in place_index()[0].get(name, []) if p.endswith(("市", "州", "盟", "地区"))}
    return parents.pop() if len(parents) == 1 else None


def _split_ethnic(name: str, glossary: Glossary) -> tuple[str, tuple[str, ...]]:
    groups: list[str] = []
    ethnic = glossary.with_category("ethnic") if "族" in name else {}
    changed = True
    while changed and ethnic:
        changed = False
        for zh in sorted(ethnic, key=len, reverse=True):
            if name.endswith(zh) and len(name) > len(zh):
                groups.insert(0, zh)
                name = name[: -len(zh)]
                changed = True
                break
    return name, tuple(groups)


def parse_place(text: str, glossary: Glossary, features: bool = False,
                strict: bool = False) -> list[PlaceUnit] | None:
    """Units of a place name, or None when ``text`` does not read as one.

    ``features`` also accepts rivers, roads and the like (永春河) as the last unit; ``strict``
    accepts a name without a unit word only when the glossary or the gazetteer knows it.
    """
    text = text.strip()
    if not text or not is_han_text(text):
        return None
    if (township := _township(text, glossary)) is not None:
        return [township]
    units: list[PlaceUnit] = []
    pos = 0
    while pos < len(text):
        rest = text[pos:]
        found = None
        first = 1 if len(rest) == 2 else MIN_NAME
        for i in range(first, len(rest)):
            for suffix in suffixes():
                if suffix.style == "feature" and not (features and i + len(suffix.zh) == len(rest)):
                    continue
                if rest.startswith(suffix.zh, i):
                    found = (rest[:i], suffix)
                    break
            if found:
                break
        if found is None:
            known = rest in glossary.with_category("place") or rest in place_index()[1]
            if known or (len(rest) >= MIN_NAME and not strict):
                units.append(PlaceUnit(rest, None))
                break
            return None
        name, suffix = found
        name, ethnic = _split_ethnic(name, glossary) if suffix.zh.startswith("自治") else (name, ())
        if strict and len(name) > MAX_STRICT_NAME and name not in place_index()[1]:
            return None  # 市委书记张三到高新区 is no place name
        units.append(PlaceUnit(name, suffix, ethnic))
        pos += len(found[0]) + len(suffix.zh)
    return units or None


def place_name_en(name: str, glossary: Glossary) -> str:
    entry = glossary.get(name)
    if entry is not None and entry.category == "place":
        return entry.en
    return romanize_place(name)


def unit_en(unit: PlaceUnit, glossary: Glossary, lowest: bool) -> str:
    """One unit in English: with its unit word when it is the place itself, bare as a parent."""
    if unit.suffix is not None and not unit.ethnic:
        whole = glossary.get(unit.name + unit.suffix.zh)  # a listed irregular name: 蔚县 Yuxian County
        if whole is not None and whole.category == "place":
            return whole.en
    name = place_name_en(unit.name, glossary)
    if unit.suffix is None:
        return name
    if not lowest or unit.suffix.style == "bare":
        return name
    ethnic = " and ".join(glossary.en(e) or romanize_place(e) for e in unit.ethnic)
    unit_word = unit.suffix.en
    if ethnic and not unit.suffix.zh.startswith(("自治", "民族")):  # 满族乡: Manchu Ethnic Township
        unit_word = next((s.en for s in suffixes() if s.zh == "民族" + unit.suffix.zh), unit_word)
    return " ".join(p for p in (name, ethnic, unit_word) if p)


def place_en(text: str, glossary: Glossary, joiner: str = ", ", unit_word: bool = True,
             features: bool = False, add_parent: bool = False) -> str | None:
    """A place in English, smallest unit first: 泸州市纳溪区 -> "Naxi District, Luzhou".

    ``joiner`` separates a unit from its parent (", " for jurisdiction_en, " of " in headlines);
    ``unit_word=False`` drops the smallest unit's word too (when a title already says "County");
    ``add_parent`` names the city of a lone district or county when the gazetteer knows it.
    Returns None when the text does not read as a place.
    """
    units = parse_place(text, glossary, features)
    if not units:
        return None
    if add_parent and len(units) == 1 and (parent := known_parent(text.strip())):
        units = (parse_place(parent, glossary) or []) + units
    parts = [unit_en(u, glossary, lowest=unit_word and k == len(units) - 1) for k, u in enumerate(units)]
    # Drop a parent repeated inside the unit's name (随州 + 随州高新区 is just Suizhou High-tech Zone).
    parts = [p for k, p in enumerate(parts) if k == len(parts) - 1 or not parts[-1].startswith(p + " ")]
    ordered = list(reversed(parts))
    if len(ordered) == 1:
        return ordered[0]
    return ordered[0] + joiner + ", ".join(ordered[1:])


@cache
def _autonomous_cores(ethnic: frozenset[str]) -> frozenset[str]:
    """Gazetteer names less their ethnic groups (维西傈僳族 -> 维西): reports write 维西县 for 维西傈僳族自治县."""
    cores = set()
    for name in place_index()[1]:
        core = name
        while "族" in core and (group := next((e for e in ethnic if core.endswith(e) and len(core) > len(e)), None)):
            core = core[: -len(group)]
        if core != name and len(core) >= MIN_NAME:
            cores.add(core)
    return frozenset(cores)


def is_known_unit(unit: PlaceUnit, glossary: Glossary) -> bool:
    """A unit whose name the gazetteer or the glossary's places list: never a common word or a person's name."""
    full, short = place_index()
    name = unit.name + "".join(unit.ethnic)
    if unit.suffix is not None and is_township(name + unit.suffix.zh):
        return True
    places = glossary.with_category("place")
    if name in short or unit.name in places or unit.name in _autonomous_cores(frozenset(glossary.with_category("ethnic"))):
        return True
    return unit.suffix is not None and (name + unit.suffix.zh in full or name + unit.suffix.zh in places)


def known_place_en(text: str, glossary: Glossary, joiner: str = ", ", unit_word: bool = True,
                   add_parent: bool = False) -> str | None:
    """``place_en`` for a place every unit of which the gazetteer (or the glossary) knows, else None:
    the pinyin of an unknown name (开工仪式在 -> "Kaigongyishizai") is a guess, not a place."""
    units = parse_place(text, glossary)
    if not units or not all(is_known_unit(u, glossary) for u in units):
        return None
    return place_en(text, glossary, joiner=joiner, unit_word=unit_word, add_parent=add_parent)


# Parts of a region named by direction after a province's abbreviation (渝东南: southeastern Chongqing).
_DIRECTIONS = {"东南": "southeastern", "东北": "northeastern", "西南": "southwestern", "西北": "northwestern",
               "东": "eastern", "西": "western", "南": "southern", "北": "northern", "中": "central"}


@cache
def _abbreviations() -> dict[str, str]:
    return {abbr: province for _, (abbr, province) in load_tsv("places/province_abbreviations.tsv",
                                                                ("abbreviation", "province"))}


@cache
def _regional_pattern() -> re.Pattern[str]:
    abbreviations = "".join(_abbreviations())
    directions = "|".join(sorted(_DIRECTIONS, key=len, reverse=True))
    return re.compile(f"([{abbreviations}])({directions})(?:部|地区)?|([{abbreviations}])([{abbreviations}])边(?:区|地区)?")


def regional_names(text: str, glossary: Glossary) -> list[tuple[int, int, str]]:
    """Regions named by provinces' abbreviations (data/places/province_abbreviations.tsv): 渝东南 -> "southeastern
    Chongqing", 湘赣边 -> "the Hunan-Jiangxi border area", as (start, end, English)."""
    found = []
    for m in _regional_pattern().finditer(text):
        if m.group(1):
            province = glossary.en(_abbreviations()[m.group(1)])
            if province:
                found.append((m.start(), m.end(), f"{_DIRECTIONS[m.group(2)]} {province}"))
        else:
            first, second = (glossary.en(_abbreviations()[m.group(k)]) for k in (3, 4))
            if first and second and first != second:
                found.append((m.start(), m.end(), f"the {first}-{second} border area"))
    return found


@cache
def unit_word_endings() -> tuple[str, ...]:
    """The English unit words of place_suffixes.tsv (" County", " Town" ...), as a place's English ends with them."""
    return tuple(sorted({f" {s.en}" for s in suffixes() if s.style != "feature"}))
