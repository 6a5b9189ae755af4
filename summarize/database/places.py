"""A report's jurisdiction as a node of the administrative tree, for merging people across reports.

``泸州市纳溪区``, ``纳溪区`` and ``泸州市 纳溪区`` are one node (adcode 510503), whose parent is 泸州市 (510500),
whose parent is 四川省 (510000). The tree comes from the adcodes in data/places/places.tsv (a county's
code shares its first four digits with its city, a city its first two with its province), so no
parent is ever guessed from a name. A development zone or a place the gazetteer does not know is a node
of its own, named by its text, under the administrative place it starts with (if any).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..extract.places import places_in
from ..gazetteer import gazetteer, generic_names
from ..text.datafiles import load_lines


@dataclass(frozen=True)
class Node:
    key: str  # adcode, or "zone:<text>" for a place outside the gazetteer
    label: str  # readable name with its city: 泸州市纳溪区, 泸州市, 四川省, 泸州市高新区
    parent: str | None  # the parent node's key


@cache
def _units() -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    """adcode -> (everyday name, level), and everyday or official name -> adcodes (file order)."""
    index = gazetteer()
    generic = generic_names()
    by_code: dict[str, tuple[str, str]] = {}
    codes_of: dict[str, list[str]] = {}
    for line in load_lines("places/places.tsv"):
        code, name, level = (line.split("\t") + ["", ""])[:3]
        if name in generic:  # 市辖区, 县: placeholders between a municipality and its districts
            continue
        place = index.get(name)
        everyday = place.name if place else name
        by_code[code] = (everyday, level)
        for form in dict.fromkeys((everyday, name)):
            codes_of.setdefault(form, []).append(code)
    return by_code, codes_of


def _parent_code(code: str) -> str | None:
    by_code, _ = _units()
    if code.endswith("0000"):
        return None
    city, province = code[:4] + "00", code[:2] + "0000"
    if not code.endswith("00") and city in by_code:
        return city
    return province if province in by_code else None


def _chain(code: str) -> list[str]:
    """The code and its ancestors, deepest first."""
    chain = [code]
    while (parent := _parent_code(chain[-1])) is not None:
        chain.append(parent)
    return chain


def _label(code: str) -> str:
    """A county with its city or municipality (two counties may share a name); a city or province alone."""
    by_code, _ = _units()
    name, level = by_code[code]
    parent = _parent_code(code)
    if level == "county" and parent is not None:
        return by_code[parent][0] + name
    return name


@cache
def jurisdiction_node(jurisdiction: str | None) -> Node | None:
    """The node of a report's jurisdiction; None when the report names none."""
    if not jurisdiction or not jurisdiction.strip():
        return None
    text = jurisdiction.strip()
    by_code, codes_of = _units()
    code: str | None = None
    end = 0
    for start, stop, place in sorted(h for h in places_in(text) if h[2].level != "zone"):
        if start != end:  # only a run of places from the start: 泸州市纳溪区, not 纳溪区…泸县
            break
        candidates = codes_of.get(place.name) or codes_of.get(text[start:stop]) or []
        if not candidates:
            break
        # A county name shared by several cities: the one under the place named before it.
        under = [c for c in candidates if code is not None and code in _chain(c)]
        code, end = (under or candidates)[0], stop
    if code is not None and end == len(text):
        return Node(code, _label(code), _parent_code(code))
    # A zone (泸州高新区) or an unknown place: its own node, under the place it starts with.
    return Node(f"zone:{text}", text, code)
