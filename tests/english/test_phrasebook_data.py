"""The phrasebook of official language (summarize/data/english/phrasebook/*.tsv) is well formed.

The format is documented in docs/english.md ("Phrasebook format"). These checks read the files
directly, so they hold whatever renderer uses them.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from seeds_util import REPO

FOLDER = REPO / "summarize" / "data" / "english" / "phrasebook"
TYPES = {"np", "vp", "v", "adv", "frame", "sense"}
SENSE_TYPES = {"np", "vp", "v", "adv"}
FRAME_RESULTS = {"np", "vp", "adv", "S"}  # a frame's optional note: what the whole frame is
ZH_SLOT = re.compile(r"\{([XYZ]):(np|vp)\}")
EN_SLOT = re.compile(r"\{([XYZ])\}")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# zh is Simplified Chinese text: Han characters, digits and Latin letters (5G), the enumeration comma.
ZH_TEXT = re.compile(r"^[\u3400-\u9fff0-9A-Za-z、]+$")
# English words that are capitalised as proper nouns in official English; every other word is lower case.
PROPER = {
    "Party", "CPC", "Communist", "China", "Chinese", "Xi", "Jinping", "Thought", "Marxism", "Leninism",
    "Mao", "Zedong", "Deng", "Xiaoping", "Theory", "Three", "Represents", "Scientific", "Outlook",
    "Development", "Socialism", "Characteristics", "New", "Era", "Central", "Committee", "National",
    "Congress", "People's", "Five-Year", "Plan", "14th", "15th", "13th", "Spring", "Festival",
    "Mid-Autumn", "Dragon", "Boat", "Qingming", "Day", "May", "Labor", "Lunar", "Year",
    "Belt", "Road", "Initiative", "Yangtze", "Yellow", "River", "Internet", "Plus", "I", "II", "III",
    "CPPCC", "NPC", "Youth", "League", "Women's", "Federation", "Political", "Consultative", "Conference",
    "Army", "Liberation", "PLA", "Double", "Eleven", "Sessions", "Two", "Centenary", "Goals", "Four",
    "Comprehensives", "General", "Red", "Cross", "January", "February", "GDP", "Fengqiao", "Healthy", "Beautiful", "Digital", "Secretary", "Standing", "Government", "State", "Council", "Civil", "Code",
    # Month and day names are proper nouns in English.
    "March", "April", "June", "July", "August", "September", "October", "November", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Long", "Asian", "Games", "Olympic", "Hong", "Kong", "Macao", "Taiwan", "Beijing", "Western", "EU",
}


def phrasebook_rows() -> list[tuple[str, int, list[str]]]:
    rows = []
    for path in sorted(FOLDER.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                rows.append((path.name, number, line.split("\t")))
    return rows


ROWS = phrasebook_rows()


def where(name: str, number: int) -> str:
    return f"{name}:{number}"


def test_phrasebook_holds_at_least_3000_entries_in_several_files():
    assert len({(cols[0], cols[2]) for _, _, cols in ROWS}) >= 3000
    assert len({name for name, _, _ in ROWS}) >= 6


def test_every_line_has_three_or_four_columns_and_a_known_type():
    bad = [where(n, i) for n, i, cols in ROWS if len(cols) not in (3, 4) or cols[2] not in TYPES]
    assert not bad


def test_no_empty_or_padded_cells():
    bad = [where(n, i) for n, i, cols in ROWS if any(not c or c != c.strip() or "  " in c for c in cols)]
    assert not bad


def zh_is_well_formed(zh: str, kind: str) -> bool:
    text = ZH_SLOT.sub("", zh)
    return bool(ZH_TEXT.match(text) and HAN.search(text)) and (kind == "frame") == bool(ZH_SLOT.search(zh))


def test_zh_is_simplified_chinese_text_with_slots_only_in_frames():
    assert not [where(n, i) for n, i, cols in ROWS if not zh_is_well_formed(cols[0], cols[2])]


def slots_match(zh: str, en: str) -> bool:
    zh_slots = [m.group(1) for m in ZH_SLOT.finditer(zh)]
    en_slots = [m.group(1) for m in EN_SLOT.finditer(en)]
    return (len(set(zh_slots)) == len(zh_slots) and set(zh_slots) == set(en_slots)
            and "{" not in ZH_SLOT.sub("", zh) and "{" not in EN_SLOT.sub("", en)
            and "}{" not in zh)  # two adjacent slots cannot be told apart


def test_frame_slots_match_between_zh_and_en():
    assert not [where(n, i) for n, i, cols in ROWS if not slots_match(cols[0], cols[1])]


def test_english_is_plain_ascii_without_han_or_brackets():
    bad = []
    for name, number, cols in ROWS:
        en = EN_SLOT.sub("X", cols[1])
        if HAN.search(en) or not en.isascii() or re.search(r"[\[\]()<>{}]", en):
            bad.append(where(name, number))
    assert not bad


def test_english_is_lower_case_except_proper_nouns():
    bad = []
    for name, number, cols in ROWS:
        words = re.findall(r"[A-Za-z][A-Za-z0-9'-]*", EN_SLOT.sub("", cols[1]))
        if any(w[0].isupper() and w.removesuffix("'s") not in PROPER for w in words):
            bad.append(where(name, number) + " " + cols[1])
    assert not bad


def test_verb_phrases_are_in_base_form():
    bad = [where(n, i) for n, i, cols in ROWS
           if cols[2] in {"vp", "v"} and re.match(r"(to|the act of) ", cols[1])]
    assert not bad


def test_sense_entries_name_their_type_in_the_note():
    bad = [where(n, i) for n, i, cols in ROWS
           if cols[2] == "sense" and not (len(cols) == 4 and cols[3] in SENSE_TYPES)]
    assert not bad


def test_no_duplicate_zh_and_type_within_a_file():
    # Across files a later file's entry overrides an earlier one by design; within one file it is a slip.
    counts = Counter((name, cols[0], cols[2]) for name, _, cols in ROWS)
    assert not [key for key, count in counts.items() if count > 1]


def test_frame_notes_name_the_type_of_the_whole_frame():
    bad = [where(n, i) for n, i, cols in ROWS
           if cols[2] == "frame" and len(cols) == 4 and cols[3] not in FRAME_RESULTS]
    assert not bad


@pytest.mark.parametrize("kind, least", [("frame", 250), ("v", 150), ("adv", 80), ("sense", 150)])
def test_each_kind_is_covered(kind, least):
    assert sum(cols[2] == kind for _, _, cols in ROWS) >= least


def test_no_entry_is_a_place_name_from_the_gazetteer():
    gazetteer = REPO / "summarize" / "data" / "places"
    generic = {line for line in (gazetteer / "generic_names.txt").read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")}
    names = set()
    for line in (gazetteer / "places.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) > 1 and len(cols[1]) >= 3 and cols[1] not in generic:
            names.add(cols[1])
    assert not [cols[0] for _, _, cols in ROWS if cols[0] in names]
