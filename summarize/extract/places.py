"""The jurisdiction: the place whose Party committee or government holds the event.

Places are found with the gazetteer in summarize/data/places/places.tsv (every province, prefecture and
county-level unit) plus a pattern for development zones, which are not administrative units.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..resources import data_lines

ZONE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区|工业园区|自贸区)")
UNKNOWN_LEADING_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,5}?[市县区州旗])(?=召开|举行|开展|启动|部署|组织|印发|出台)")
# 州委书记…调研, 市政府召开…: the organ's level says whose event it is.
ORGAN = re.compile(r"^(市|县|区|州|省)(?:委|政府|人大|政协|长)")
SCOPE = re.compile(r"^(?:全|我)(市|县|区|州|省|镇|乡)")
LEVEL_OF_SUFFIX = {"市": "city", "州": "city", "盟": "city", "县": "county", "区": "county", "旗": "county",
                   "省": "province"}


@dataclass(frozen=True)
class Place:
    name: str  # everyday full form: 维西县, 安庆市, 大观区
    level: str  # province | city | county | zone
    parent: str  # parent city's everyday name (for counties), else ""


@cache
def place_rows() -> tuple[tuple[str, str, str], ...]:
    """(name, level, parent name) of every unit in data/places/places.tsv, as written there."""
    rows = []
    for line in data_lines("places/places.tsv"):
        _, name, level, parent = (line.split("\t") + [""])[:4]
        rows.append((name, level, parent))
    return tuple(rows)


@cache
def gazetteer() -> dict[str, Place]:
    """Every surface form -> Place. Cities also answer to their bare name (安庆 -> 安庆市)."""
    index: dict[str, Place] = {}
    generic = set(data_lines("places/generic_names.txt"))
    for name, level, parent in place_rows():
        if name in generic:
            continue
        place = Place(_everyday(name), level, _everyday(parent) if level == "county" else "")
        for form in {name, place.name}:
            index.setdefault(form, place)
        if level == "city" and len(place.name) >= 3 and place.name[-1] in "市州盟":
            index.setdefault(place.name[:-1], place)
    return index


@cache
def _autonomy() -> re.Pattern[str]:
    """Ethnic-autonomy words, dropped to get the everyday name: 维西傈僳族自治县 -> 维西县."""
    groups = "|".join(sorted(data_lines("places/ethnic_groups.txt"), key=len, reverse=True))
    return re.compile(rf"(?:(?:{groups})族?)+自治(?=[县州旗区])")


@cache
def _first_chars() -> frozenset[str]:
    return frozenset(form[0] for form in gazetteer())


def _everyday(name: str) -> str:
    short = _autonomy().sub("", name)
    return short if len(short) >= 2 else name  # 鄂伦春自治旗 is named after its people alone


def places_in(text: str) -> list[tuple[int, int, Place]]:
    """Longest gazetteer match at each position, left to right, no overlaps; plus development zones."""
    index = gazetteer()
    firsts = _first_chars()
    found: list[tuple[int, int, Place]] = []
    i = 0
    while i < len(text):
        if text[i] not in firsts:
            i += 1
            continue
        for length in range(min(12, len(text) - i), 1, -1):
            place = index.get(text[i:i + length])
            if place:
                found.append((i, i + length, place))
                i += length
                break
        else:
            i += 1
    for match in ZONE.finditer(text):
        found.append((match.start(), match.end(), Place(match.group(0), "zone", "")))
    return found


def _qualify(place: Place, text: str) -> str:
    """Districts and counties are named with their city when the report mentions that city."""
    if place.level != "county" or not place.name.endswith("区") or not place.parent:
        return place.name
    parent_bare = place.parent[:-1] if place.parent[-1] in "市州" else place.parent
    return place.parent + place.name if parent_bare in text else place.name


def _leading_place(line: str, text: str) -> str | None:
    """A run of places at the start of a headline or sentence: 泸州市纳溪区召开… -> 泸州市纳溪区."""
    hits = [h for h in places_in(line[:20]) if h[2].level != "province"]
    hits.sort()
    if not hits or hits[0][0] != 0:
        # A place the gazetteer does not know yet (renamed, upgraded 县 -> 市) leading a headline.
        unknown = UNKNOWN_LEADING_PLACE.match(line)
        return unknown.group(1) if unknown else None
    end, names, last = 0, [], None
    for start, stop, place in hits:
        if start != end:
            break
        names.append(place.name)
        end, last = stop, place
    if last is None:
        return None
    if len(names) == 1:
        return _qualify(last, text)
    return "".join(names)


def find_jurisdiction(title: str | None, lead: str, text: str, source: str | None) -> str | None:
    for line in (title, lead):
        if line:
            line = re.sub(r"^[^，。]{0,12}?[日号](?:上午|下午|晚上|晚)?，", "", line)
            if (name := _leading_place(line, text)):
                return name
    scope = next((m.group(1) for line in (title, lead) if line and (m := SCOPE.match(line) or ORGAN.match(line))),
                 None)
    if scope is None and (m := re.search(r"(?:全|我)(市|县|区)", text)):
        scope = m.group(1)
    corpus = "\n".join(filter(None, (title, source, text)))
    hits = places_in(corpus)
    if scope:
        level = LEVEL_OF_SUFFIX.get(scope)
        wanted = [p for _, _, p in hits if p.level == level or (scope == "区" and p.level == "zone")]
        if wanted:
            return _qualify(Counter(wanted).most_common(1)[0][0], text)
    if source:
        source_hits = [p for s, e, p in places_in(source) if s == 0 and e == len(source)]
        if source_hits:
            return _qualify(source_hits[0], text)
    counted = Counter(p for _, _, p in hits if p.level != "province")
    return _qualify(counted.most_common(1)[0][0], text) if counted else None
