"""The administrative gazetteer (data/places/places.tsv, generic_names.txt, ethnic_groups.txt), shared by extract
(jurisdiction, places in text) and english (place names): units as Places and the index of their surface forms.
English also reads the towns and townships of data/places/townships.tsv (township_rows), by full name only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .text.datafiles import load_lines, load_text
from .text.han import HAN_CLASS


@dataclass(frozen=True)
class Place:
    name: str  # everyday full form: 维西县, 安庆市, 大观区
    level: str  # province | city | county | zone | town
    parent: str  # parent city's everyday name (for counties; the province for 重庆市北碚区), else ""
    official: str = ""  # the full official name: 维西傈僳族自治县 (the jurisdiction is written so)

    @property
    def full(self) -> str:
        return self.official or self.name


@cache
def place_rows() -> tuple[tuple[str, str, str], ...]:
    """(name, level, parent name) of every unit in data/places/places.tsv, as written there."""
    rows = []
    for line in load_lines("places/places.tsv"):
        _, name, level, parent = (line.split("\t") + [""])[:4]
        rows.append((name, level, parent))
    return tuple(rows)


# A township row's name and parent (the first two columns; comment lines start with '#').
_TOWNSHIP_ROW = re.compile(r"^([^\t#\n][^\t\n]*)\t([^\t\n]*)", re.M)
_TOWNSHIP_NAME = re.compile(r"^[^\t#\n][^\t\n]*(?=\t)", re.M)


@cache
def township_rows() -> tuple[tuple[str, str], ...]:
    """(name, county-level parent name) of every township-level unit in data/places/townships.tsv (towns,
    townships, subdistricts, sumu; made by eval/tools/make_townships.py). Read only by the full name with its
    unit word (月塘镇), never by the name alone: most township names are common words (东风, 城关)."""
    return tuple(_TOWNSHIP_ROW.findall(load_text("places/townships.tsv")))


@cache
def township_names() -> frozenset[str]:
    """The full names of township_rows, without building the rows (38,000 names: a regex, not a loop)."""
    return frozenset(_TOWNSHIP_NAME.findall(load_text("places/townships.tsv")))


def everyday_name(name: str) -> str:
    """An autonomous area's name as reports write it, without its peoples and 自治: 宽甸满族自治县 -> 宽甸县,
    延边朝鲜族自治州 -> 延边州; any other name unchanged."""
    return _everyday(name)


# Parents in the file that are not places: districts of the four municipalities, counties a province
# administers directly. Their parent is the province.
NOT_PARENTS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


@cache
def _province_of_code() -> dict[str, str]:
    provinces = {}
    for line in load_lines("places/places.tsv"):
        code, name, level = line.split("\t")[:3]
        if level == "province":
            provinces[code[:2]] = name
    return provinces


@cache
def generic_names() -> frozenset[str]:
    """Unit names that are everyday phrases (城区, 市辖区, 小城镇): never a place on their own in running text."""
    return frozenset(load_lines("places/generic_names.txt"))


@cache
def units() -> tuple[Place, ...]:
    """Every unit of the gazetteer file as a Place, in file order (provinces before their cities)."""
    generic = generic_names()
    provinces = _province_of_code()
    found = []
    for line in load_lines("places/places.tsv"):
        code, name, level, parent = (line.split("\t") + [""])[:4]
        if name in generic:
            continue
        if level == "county" and parent in NOT_PARENTS:
            parent = provinces.get(code[:2], "")
        everyday = name if level == "province" else _everyday(name)  # 广西壮族自治区 has no shorter official form
        found.append(Place(everyday, level, _everyday(parent) if level == "county" else "", name))
    return tuple(found)


@cache
def gazetteer() -> dict[str, Place]:
    """Every surface form -> Place: the official name, the everyday one (维西县), the one without the
    people's name (秀山自治县); cities and provinces also answer to their bare name (安庆, 江西)."""
    index: dict[str, Place] = {}
    for place in units():
        for form in (place.official, place.name, _without_people(place.official)):
            index.setdefault(form, place)
        if place.level in ("city", "province") and len(_bare(place)) >= 2:
            index.setdefault(_bare(place), place)
    for form, place in _short_forms().items():
        index.setdefault(form, place)
    return index


# A banner's name: direction, the Mongolian name, wing, position: 西|乌珠穆沁|旗, 科尔沁|左翼|中|旗.
BANNER = re.compile(rf"^(东|西)?([{HAN_CLASS}]+?)(左翼|右翼|左|右)?(前|中|后)?旗$")


def _short_forms() -> dict[str, Place]:
    """Abbreviations written in running text, by the general patterns of their kind, kept only when one unit
    has them: a banner with a long name keeps its direction, the name's first character, its wing and its
    position (西乌珠穆沁旗 -> 西乌旗, 科尔沁右翼前旗 -> 科右前旗, 阿拉善左旗 -> 阿左旗); an autonomous county
    of three characters or more is called by them alone (张家川回族自治县 -> 张家川)."""
    forms: dict[str, list[Place]] = {}
    for place in units():
        if place.level != "county":
            continue
        banner = BANNER.match(place.name)
        if banner and len(banner.group(2)) >= 3 and (banner.group(1) or banner.group(3) or banner.group(4)):
            direction, name, wing, position = banner.groups()
            forms.setdefault(f"{direction or ''}{name[0]}{(wing or '')[:1]}{position or ''}旗", []).append(place)
        if "自治" in place.official and place.name != place.official and "族" not in (bare := _bare(place)) \
                and len(bare) >= 3:
            forms.setdefault(bare, []).append(place)
    return {form: found[0] for form, found in forms.items() if len(found) == 1}


@cache
def bare_counties() -> dict[str, Place]:
    """County-level units by their bare name (民权 -> 民权县): read only where the report's own scope
    (我县, 县委) or a visit says a county is meant, never in running text (民权 is also a word)."""
    index: dict[str, Place] = {}
    for place in units():
        if place.level == "county" and len(_bare(place)) >= 2:
            index.setdefault(_bare(place), place)
    return index


def _bare(place: Place) -> str:
    if place.level == "province":  # 江西省 -> 江西, 广西壮族自治区 -> 广西, 内蒙古自治区 -> 内蒙古
        bare = re.sub(rf"(?:(?:{_groups()})族?)?(?:自治区|特别行政区|省|市)$", "", place.official)
        return bare if len(bare) >= 2 else re.sub("(?:自治区|省|市)$", "", place.official)
    bare = re.sub(r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)$", "", place.name)
    return bare if len(bare) >= 2 else place.name


def _without_people(name: str) -> str:
    return _autonomy().sub("自治", name, count=1)


@cache
def _groups() -> str:
    return "|".join(sorted(load_lines("places/ethnic_groups.txt"), key=len, reverse=True))


@cache
def _autonomy() -> re.Pattern[str]:
    """Ethnic-autonomy words, dropped to get the everyday name: 维西傈僳族自治县 -> 维西县."""
    # The place's own name (two characters at least) comes first: 陵水|黎族自治县, not 陵|水黎族 (水 is a people).
    return re.compile(rf"(?<=^[{HAN_CLASS}]{{2}})(?:(?:{_groups()})族?)+?自治(?=[县州旗区])|"
                      rf"(?<=^[{HAN_CLASS}]{{3}})(?:(?:{_groups()})族?)+?自治(?=[县州旗区])")


def _everyday(name: str) -> str:
    short = _autonomy().sub("", name)
    return short if len(short) >= 2 else name  # 鄂伦春自治旗 is named after its people alone
