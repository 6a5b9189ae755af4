"""The jurisdiction: the place whose Party committee or government holds the event.

Places are found with the gazetteer in summarize/data/places/places.tsv (every province, prefecture and
county-level unit) plus a pattern for development zones, which are not administrative units.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..gazetteer import Place, bare_counties, gazetteer
from ..text.han import HAN_CLASS, is_han_char

ZONE_SUFFIX = re.compile(r"高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区|工业园区|自贸区")
UNKNOWN_LEADING_PLACE = re.compile(
    rf"^([{HAN_CLASS}]{{2,5}}?(?:[市县区州旗]|镇|乡|街道))(?=召开|举行|开展|启动|部署|组织|印发|出台)")
# 州委书记…调研, 市政府召开…: the organ's level says whose event it is.
ORGAN = re.compile(r"^(市|县|区|州|省|旗|镇|乡)(?:委|政府|人大|政协|长)")
SCOPE = re.compile(r"^(?:全|我)(市|县|区|州|省|旗|镇|乡)")
# 全市, or an organ holding the event: …，省委、省政府举行…
SCOPE_IN_TEXT = re.compile(r"(?:全|我)(市|县|区|旗|镇|乡)|(?:^|[，。\n])(省|市|县|区|州|旗)(?:委|政府)(?:[、和]\2(?:委|政府))?"
                           r"(?:召开|举行|印发|组织)")
LEVEL_OF_SCOPE = {"市": "city", "州": "city", "盟": "city", "县": "county", "旗": "county", "区": "district",
                  "省": "province"}
# A visit: a movement word, the place(s), then what was done there (or the visit verb, then the place).
VISIT_BEFORE = re.compile(r"到|赴|在|来到|深入|走进|莅临|调研|考察|视察")
VISIT_AFTER = re.compile(r"[，,]?(?:调研|考察|视察|检查|督导|督查|走访|慰问|看望|开展|召开|就|实地|现场|指导|宣讲|"
                         r"参加|出席|举行)")
TOWN = re.compile(rf"[{HAN_CLASS}]{{1,4}}?(?:镇|乡|街道)")
DELEGATION = re.compile(r"(?:党政)?(?:代表团|考察团|客商)")
# Guests arriving at the report's own place: 代表团来怀考察, 率党政代表团来我县考察学习 (not 来陵县投资).
GUESTS_ARRIVE = re.compile(rf"(?:{DELEGATION.pattern})(?:一行)?(?:来|莅临)")
# A place holding an organ: 楚雄州人大常委会, 绍兴市委常委 (the organ's place, maybe not the event's).
ORGAN_AFTER = re.compile(r"[省市县区州旗盟]?(?:委|政府|人大|政协)")
# One link of an official's title chain, up to the next unit: 绍兴市|委常委、|越城区委书记.
CHAIN_LINK = re.compile(rf"[省市县区州旗盟]?(?:委|政府|人大|政协)[{HAN_CLASS}]{{0,6}}、")
# A visit written 对X…进行视察: 对楚雄市高原特色现代农业发展进行专题视察.
INSPECTED = re.compile(r"对(?=[^，。]{2,30}?进行[^，。]{0,6}?(?:视察|调研|考察|检查|督查|督导))")
RANK = {"province": 0, "city": 1, "county": 2}
# 镇 and 乡 words that are no town's name: 城镇, 乡镇, 集镇.
NOT_TOWNS = frozenset({"城", "乡", "集", "村", "市", "小", "重", "各乡", "建制", "特色", "中心", "全", "我", "该", "本"})


@cache
def _first_chars() -> frozenset[str]:
    return frozenset(form[0] for form in gazetteer())


def _person_cover(text: str, persons: frozenset[str]) -> list[int]:
    """Prefix counts of the characters covered by an occurrence of a person's name (of 2+ characters):
    span [i, j) touches a name iff cover[j] != cover[i]. One pass over the text for all names (a search
    per name was quadratic in many officials); per name, occurrences are taken left to right without
    overlap, as re.finditer found them."""
    names = {name for name in persons if len(name) >= 2}
    depth = [0] * (len(text) + 1)  # +1 where an occurrence starts, -1 where it ends
    if names:
        lengths = sorted({len(name) for name in names})
        firsts = {name[0] for name in names}
        next_free: dict[str, int] = {}
        for i, char in enumerate(text):
            if char not in firsts:
                continue
            for length in lengths:
                if i + length > len(text):
                    break
                name = text[i:i + length]
                if name in names and i >= next_free.get(name, 0):
                    next_free[name] = i + length
                    depth[i] += 1
                    depth[i + length] -= 1
    cover, open_spans, covered = [0], 0, 0
    for k in range(len(text)):
        open_spans += depth[k]
        covered += open_spans > 0
        cover.append(covered)
    return cover


def places_in(text: str, persons: frozenset[str] = frozenset()) -> list[tuple[int, int, Place]]:
    """Longest gazetteer match at each position, left to right, no overlaps, none inside a person's name
    (吴忠琼 is no 吴忠市); plus development zones named after a place (江华高新区, not 县工业园区)."""
    index = gazetteer()
    firsts = _first_chars()
    in_person = _person_cover(text, persons)
    found: list[tuple[int, int, Place]] = []
    i = 0
    while i < len(text):
        if text[i] not in firsts:
            i += 1
            continue
        for length in range(min(12, len(text) - i), 1, -1):
            place = index.get(text[i:i + length])
            if place:
                if in_person[i + length] == in_person[i]:  # no character of it inside a person's name
                    found.append((i, i + length, place))
                i += length
                break
        else:
            i += 1
    ends = {end: start for start, end, _ in found}
    for match in ZONE_SUFFIX.finditer(text):
        start = ends.get(match.start())
        if start is None:
            start = next((match.start() - n for n in (4, 3, 2) if text[match.start() - n:match.start()]
                          in bare_counties()), None)
        if start is not None:
            found.append((start, match.end(), Place(text[start:match.end()], "zone", "")))
    return found


def _qualify(place: Place, text: str) -> str:
    """The official name; a district is named with its city (or municipality) when the report names it."""
    if place.level != "county" or not place.name.endswith("区") or not place.parent:
        return place.full
    parent_bare = place.parent[:-1] if place.parent[-1] in "市州" else place.parent
    return place.parent + place.full if parent_bare in text else place.full


def _run_at(line: str, pos: int, persons: frozenset[str], visit: bool = False) -> tuple[int, list[str]]:
    """The places written one after another from pos (泸州市纳溪区, 崇左市扶绥县, 紫云县大营镇): end and
    official names. In a visit (到琼海调研) a county's bare name and a town count too."""
    names: list[str] = []
    hits = {s: (e, p) for s, e, p in places_in(line[pos:pos + 24], persons)}
    cursor = pos
    while True:
        hit = hits.get(cursor - pos)
        if hit and hit[1].level != "zone":
            names.append(hit[1].full)
            cursor = pos + hit[0]
            continue
        if visit and not VISIT_AFTER.match(line, cursor) and (town := TOWN.match(line, cursor)) \
                and _is_town(town.group(0)):
            return town.end(), names + [town.group(0)]  # nothing smaller follows a town
        if visit and not names:
            bare = next((line[cursor:cursor + n] for n in (4, 3, 2) if line[cursor:cursor + n] in bare_counties()),
                        None)
            if bare:
                names.append(bare_counties()[bare].full)
                cursor += len(bare)
                continue
        return cursor, names


def _leading_place(line: str, text: str, persons: frozenset[str]) -> str | None:
    """A run of places at the start of a headline or sentence: 泸州市纳溪区召开… -> 泸州市纳溪区."""
    hits = sorted(h for h in places_in(line[:20], persons) if h[2].level != "province")
    if not hits or hits[0][0] != 0:
        # A place the gazetteer does not know yet (renamed, upgraded 县 -> 市), or a town, leading a headline.
        unknown = UNKNOWN_LEADING_PLACE.match(line)
        return unknown.group(1) if unknown else None
    end, names = _run_at(line, 0, persons)
    if DELEGATION.match(line, end):
        return None  # 枞阳县党政代表团来怀考察: the guests' place is not where it happens
    if len(names) == 1:
        return _qualify(_own_unit(line, end, hits[0][2], persons), text)
    return "".join(names) or None


def _own_unit(line: str, end: int, place: Place, persons: frozenset[str]) -> Place:
    """An official's title chain names the larger unit first and the person's own one after it:
    绍兴市委常委、越城区委书记 -> 越城区 (a unit of 绍兴市); else ``place``."""
    link = CHAIN_LINK.match(line, end)
    if not link:
        return place
    hit = next((h for h in places_in(line[link.end():link.end() + 12], persons) if h[0] == 0), None)
    if hit and hit[2].parent == place.name and ORGAN_AFTER.match(line, link.end() + hit[1]):
        return hit[2]
    return place


def _visited(line: str, persons: frozenset[str]) -> str | None:
    """The place a visit goes to: 徐麟在黔东南州调研, 率队到龙门镇召开…, 调研齐乐镇…"""
    for match in VISIT_BEFORE.finditer(line):
        end, names = _run_at(line, match.end(), persons, visit=True)
        if names and (VISIT_AFTER.match(line, end) or match.group(0).endswith(("调研", "考察", "视察"))):
            return "".join(names)
    for match in INSPECTED.finditer(line):
        if names := _run_at(line, match.end(), persons)[1]:
            return "".join(names)
    return None


def _rank(name: str) -> int | None:
    """The level of the smallest gazetteer unit a place name ends with (None for a town or a zone)."""
    hits = [h for h in places_in(name) if h[1] == len(name) and h[2].level in RANK]
    return RANK[hits[-1][2].level] if hits else None


def _from_line(line: str, text: str, persons: frozenset[str]) -> str | None:
    """The place a headline or lead names: where it happens, or where a visit goes. An organ's place
    (州人大常委会组织…) gives way to a smaller unit it visits (…对楚雄市…进行视察): a higher body's visit
    belongs to the place visited; a town visited stays the visiting county's own work."""
    leading = _leading_place(line, text, persons)
    if leading is None:
        return _visited(line, persons)
    end = _run_at(line, 0, persons)[0]
    if not ORGAN_AFTER.match(line, end):
        return leading
    visited = _visited(line[end:], persons)
    leading_rank, visited_rank = _rank(leading), _rank(visited) if visited else None
    if visited_rank is not None and leading_rank is not None and visited_rank > leading_rank:
        return visited
    return leading


def _scoped(level: str, title: str | None, source: str | None, text: str,
            persons: frozenset[str], guests: frozenset[Place] = frozenset()) -> Place | None:
    """The place of the level the report speaks of (我县, 市委): the outlet's own place first (民权网,
    海安日报), then the most frequent one in the text, then a bare county name in the headline."""
    def fits(place: Place) -> bool:
        if place in guests:
            return False
        if level == "city":  # 我市: a prefecture or a county-level city
            return place.level == "city" or place.level == "county" and place.name.endswith("市")
        if level == "county" and place.level == "county":
            return not place.name.endswith("市") and (not place.name.endswith("区") or scope_district)
        return place.level == level or level == "district" and place.level in ("county", "zone")
    scope_district = level == "district"
    if source:
        for _, _, place in places_in(source, persons):
            if fits(place):
                return place
        bare = next((p for n, p in bare_counties().items() if source.startswith(n)), None)
        if bare and fits(bare):
            return bare
        if bare and level == "city" and bare.name.endswith("县"):
            # 海安日报 of a page saying 我市: a county since made a city (the gazetteer is older than the page).
            return Place(bare.name[:-1] + "市", "county", bare.parent, bare.name[:-1] + "市")
    counted = Counter(p for _, _, p in places_in("\n".join(filter(None, (title, text))), persons) if fits(p))
    if counted:
        return counted.most_common(1)[0][0]
    for line in filter(None, (title, text)):
        for i in range(len(line) - 1):
            bare = next((bare_counties()[line[i:i + n]] for n in (4, 3, 2) if line[i:i + n] in bare_counties()), None)
            if bare and fits(bare) and (i == 0 or not is_han_char(line[i - 1])
                                        or line[i + len(bare.name) - 1:i + len(bare.name)] != bare.name[-1]):
                return bare
    return None


def find_jurisdiction(title: str | None, lead: str, text: str, source: str | None,
                      persons: frozenset[str] = frozenset()) -> str | None:
    """The place the report is about, with its official name; ``persons`` are names never read as places."""
    lines = [_strip_opening(line) for line in (title, lead) if line]
    guests: set[Place] = set()
    for line in lines:
        if (arrive := GUESTS_ARRIVE.search(line)) and not any(h[0] == 0 for h in places_in(line[arrive.end():])):
            # Guests come to the report's place (来我县, 来怀): theirs is named, the host's is the scope.
            guests.update(p for _, _, p in places_in(line[:arrive.start()], persons))
            continue
        if (name := _from_line(line, text, persons)):
            return name
    scope = next((m.group(1) for line in (title, lead) if line and (m := SCOPE.match(line) or ORGAN.match(line))),
                 None)
    if scope is None and (m := SCOPE_IN_TEXT.search(text)):
        scope = m.group(1) or m.group(2)
    if scope in ("镇", "乡"):
        towns = Counter(m.group(0) for m in TOWN.finditer("\n".join(filter(None, (title, text))))
                        if _is_town(m.group(0)))
        if towns:
            return towns.most_common(1)[0][0]
    level = LEVEL_OF_SCOPE.get(scope or "")
    if level and (place := _scoped(level, title, source, text, persons, frozenset(guests))):
        return _qualify(place, text)
    corpus = "\n".join(filter(None, (title, source, text)))
    counted = Counter(p for _, _, p in places_in(corpus, persons) if p.level != "province")
    return _qualify(counted.most_common(1)[0][0], text) if counted else None


def _is_town(name: str) -> bool:
    stem = name.removesuffix("街道")[:-1] if name.endswith("街道") else name[:-1]
    return stem not in NOT_TOWNS and not name.startswith(("全", "我", "该", "本", "各"))


def _strip_opening(line: str) -> str:
    """Drop a leading date (8月16日上午，) and brackets (【江西】 -> 江西)."""
    line = re.sub(r"^[^，。]{0,12}?[日号](?:上午|下午|晚上|晚)?[，,]", "", line)
    return re.sub(r"^[【\[（(]([^】\]）)]{2,8})[】\]）)]", r"\1", line)


def place_chain(name: str) -> tuple[str, ...]:
    """A jurisdiction as written, read as its units from largest to smallest, each by its official name:
    果洛州玛多县 -> (果洛藏族自治州, 玛多县); text the gazetteer does not know (a town) stays as written."""
    chain: list[str] = []
    cursor = 0
    for start, end, place in sorted(h for h in places_in(name) if h[2].level != "zone"):
        if start < cursor:
            continue
        if name[cursor:start].strip():
            chain.append(name[cursor:start].strip())
        chain.append(place.full)
        cursor = end
    if name[cursor:].strip():
        chain.append(name[cursor:].strip())
    return tuple(chain)


def same_place(a: str | None, b: str | None) -> bool:
    """One place written two ways: the smallest unit is the same (秀山自治县 = 秀山土家族苗族自治县) and
    every unit the shorter form names is in the longer one (北碚区 = 重庆市北碚区, not 海北州 = 海北州祁连县)."""
    if not a or not b:
        return not a and not b
    first, second = place_chain(a), place_chain(b)
    if not first or not second or first[-1] != second[-1]:
        return False
    shorter, longer = sorted((first, second), key=len)
    return set(shorter) <= set(longer)
