"""Check that every name, number, date and place a model wrote is supported by the source.

Pure Python (no torch): the evaluation harness reuses ``find_unsupported``. "Supported" means the item
appears in the clean text or the grounded facts; English names and places are compared through pinyin
(pypinyin) of the source's Chinese, so "Tan Rongbing" is supported by 谭荣兵 in the text. Chinese names
and places are found with jieba's part-of-speech tags and title patterns (县委书记马盛春).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ..document import Report
from ..text.datafiles import load_lines, load_toml
from ..text.han import HAN_CLASS
from ..text.numerals import DIGITS, SCALES, UNITS, parse_numeral

DATA = "grounding/data"  # the verifier's word lists, inside the package

CJK = HAN_CLASS
ZH_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
# A Chinese numeral counts as a number only when a measure word follows (三十天, 两个); 一是/统一 are words.
ZH_MEASURE = "个项年月日天名人家次条元户座所批场亩公里米吨台辆件处期位股支类份万亿%"


def _syllables() -> frozenset[str]:
    """The shared syllable table, with ü also spelled v and u as English text writes it (Lü, Lv, Lu)."""
    from ..text.datafiles import pinyin_syllables

    # Interjection readings (嗯 n, 呣 m) would let English words like "No" split into syllables.
    base = pinyin_syllables() - {"m", "n", "ng", "hm", "hng"}
    return frozenset(base | {s.replace("ü", "v") for s in base} | {s.replace("ü", "u") for s in base})


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    numbers = [line.split("\t") for line in load_lines("en_numbers.tsv", under=DATA)]
    return {
        "syllables": _syllables(),
        # The extractor's title words: one list decides what counts as a title before a name.
        "titles": list(load_toml("extract.toml")["officials"]["title_words"]),
        "followers": load_lines("zh_name_followers.txt", under=DATA),
        "suffixes": load_lines("zh_place_suffixes.txt", under=DATA),
        "generic": frozenset(load_lines("zh_place_generic.txt", under=DATA)),
        "allowed": frozenset(load_lines("allowed_places.txt", under=DATA)),
        "place_words": frozenset(load_lines("en_place_words.txt", under=DATA)),
        "not_names": frozenset(w.lower() for w in load_lines("en_not_names.txt", under=DATA)),
        "english": frozenset(load_lines("en_words_pinyin_like.txt", under=DATA)),
        "en_numbers": {w: (int(v), k) for w, v, k in numbers},
        "months": {w: int(m) for w, m in (line.split("\t") for line in load_lines("en_months.tsv", under=DATA))},
    }


# ---------------------------------------------------------------- numbers and dates (both languages)

def _num(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass
class Source:
    """Everything the model may draw on, pre-indexed."""

    text: str
    numbers: set[float]
    dates: set[tuple[int | None, int, int | None]]  # (year, month, day)
    years: set[int]
    pinyin: set[str]  # romanised CJK substrings (1-4 characters), lower case, no spaces
    # Default romanisation of each CJK run, one syllable per character, for names longer than 4 characters.
    runs: list[list[str]] = field(default_factory=list)
    # English of the glossary's entries whose Chinese the text holds (满族 -> "manchu"), keyed like pinyin.
    glossary_en: set[str] | None = None


ZH_DATE_RE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]?)?")
ZH_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)")  # a year on its own: 2023年
ISO_DATE_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
ARABIC_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def _source_numbers(text: str) -> set[float]:
    found: set[float] = set()
    for m in re.finditer(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*([万亿]?)", text):
        value = _num(m.group(1))
        found.add(value)
        if m.group(2):
            found.add(value * SCALES[m.group(2)])
    if "双" in text:  # 双竞赛 is rendered "two competitions": 双 is a count of two
        found.add(2.0)
    for m in re.finditer(f"[{ZH_NUMERALS}]+", text):
        run = m.group()
        # Every sub-run too: 十四五 (the 14th Five-Year Plan) holds 14 and 5, 一二三 holds 1, 2 and 3.
        for size in range(1, min(len(run), 6) + 1):
            for start in range(len(run) - size + 1):
                part = run[start:start + size]
                if part != run and sum(c in DIGITS for c in part) > 1 and not any(c in UNITS for c in part):
                    continue  # 四五 inside 十四五 is not forty-five
                value = parse_numeral(part)
                if value is not None:
                    found.add(float(value))
    return found


def _source_dates(text: str) -> tuple[set[tuple[int | None, int, int | None]], set[int]]:
    dates: set[tuple[int | None, int, int | None]] = set()
    years: set[int] = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)}
    for m in ISO_DATE_RE.finditer(text):
        dates.add((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in ZH_DATE_RE.finditer(text):
        year = int(m.group(1)) if m.group(1) else None
        dates.add((year, int(m.group(2)), int(m.group(3)) if m.group(3) else None))
    return dates, years


def _date_supported(date: tuple[int | None, int | None, int | None], source: Source) -> bool:
    year, month, day = date
    if year is not None and year not in source.years:
        return False
    if month is None:
        return True
    return any(s_month == month and (day is None or s_day == day) for _, s_month, s_day in source.dates)


def _number_supported(value: float, source: Source) -> bool:
    return any(abs(value - s) < 1e-9 * max(1.0, abs(s)) for s in source.numbers)


# ---------------------------------------------------------------- the source index

def source_text(report: Report) -> str:
    facts, meta = report.facts, report.metadata
    parts = [report.text, facts.title, facts.jurisdiction, facts.source, facts.event_date, facts.published,
             meta.title, meta.source, meta.published]
    parts += [f"{o.title or ''}{o.name}" for o in facts.officials]
    if facts.jurisdiction:
        # The English names a county's city from the gazetteer (商州区 -> Shangzhou District, Shangluo):
        # the parent of a grounded place is supported by the gazetteer, not invented.
        from ..english.places import known_parent

        parts.append(known_parent(facts.jurisdiction) or "")
    return "\n".join(p for p in parts if p)


def _pinyin_index(text: str) -> set[str]:
    """Romanisations of every 1-4 character CJK run in ``text`` (heteronyms included, capped)."""
    from itertools import product

    from pypinyin import Style, pinyin

    index: set[str] = set()
    for run in re.findall(f"[{CJK}]+", text):
        readings = [[r.lower() for r in options][:3] for options in pinyin(run, heteronym=True, style=Style.NORMAL)]
        if len(readings) != len(run):  # pypinyin merged something: fall back to the default reading
            continue
        for size in range(1, 5):
            for start in range(len(run) - size + 1):
                for combo in product(*readings[start:start + size]):
                    index.add("".join(combo))
    return index


def build_source(report: Report) -> Source:
    return _source_for(source_text(report))


@lru_cache(maxsize=8)
def _source_for(text: str) -> Source:
    """Cached: a translation verifies every sentence against the same report."""
    dates, years = _source_dates(text)
    numbers = _source_numbers(text)
    for year, month, day in dates:
        numbers.update(float(v) for v in (year, month, day) if v is not None)
    return Source(text, numbers, dates, years, set())


def _with_pinyin(source: Source) -> Source:
    if not source.pinyin:
        from pypinyin import Style, lazy_pinyin

        source.pinyin = _pinyin_index(source.text)
        runs = re.findall(f"[{CJK}]+", source.text)
        source.runs = [[r.lower() for r in lazy_pinyin(run, style=Style.NORMAL)] for run in runs]
    return source


def _romanised_in_source(key: str, source: Source) -> bool:
    """``key`` (lower case, no spaces) spells a contiguous run of source characters, any length."""
    if key in source.pinyin:
        return True
    for syllables in source.runs:
        for start in range(len(syllables)):
            spelled = ""
            for syllable in syllables[start:]:
                spelled += syllable
                if not key.startswith(spelled):
                    break
                if spelled == key:
                    return True
    return False


def _glossary_en(source: Source) -> set[str]:
    """Standard English renderings (glossary) of words the source holds: "Manchu" maps to 满族 as its
    pinyin never would."""
    if source.glossary_en is None:
        from ..english.glossary import load_glossary
        from ..english.places import regional_names

        glossary = load_glossary()
        entries = glossary.entries
        source.glossary_en = {re.sub(r"[\s'-]", "", e.en.lower()) for zh, e in entries.items()
                              if len(zh) >= 2 and zh in source.text and e.en != "-"}
        # A province named by its abbreviation in a regional name (渝东南: southeastern Chongqing).
        source.glossary_en |= {re.sub(r"[\s'-]", "", word.lower()) for _, _, en in regional_names(source.text, glossary)
                               for word in re.findall(r"[A-Z][\w'-]*", en)}
    return source.glossary_en


def _run_supported(words: list[str], source: Source) -> bool:
    """A run of romanised words is supported when it splits into supported pieces of whole words.

    Adjacent names run together in English ("District Party Secretary of Shangzhou Zhang Ying'an" is
    the place 商州 and the person 张盈安); a piece of two words may put the given name first. A piece
    that is one single-syllable word is never enough on its own.
    """
    keys = [w.lower().replace("'", "").replace("-", "") for w in words]
    syllables = _data()["syllables"]
    ok = [True] + [False] * len(keys)
    for end in range(1, len(keys) + 1):
        for start in range(end):
            if not ok[start]:
                continue
            piece = keys[start:end]
            if len(keys) > 1 and len(piece) == 1 and piece[0] in syllables:
                continue
            options = {"".join(piece)}
            if len(piece) == 2:
                options.add(piece[1] + piece[0])
            if any(_romanised_in_source(k, source) for k in options) or "".join(piece) in _glossary_en(source):
                ok[end] = True
                break
    return ok[-1]


# ---------------------------------------------------------------- Chinese output

def _item(kind: str, text: str, start: int, end: int) -> dict[str, Any]:
    return {"kind": kind, "text": text, "start": start, "end": end}


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _zh_dates_numbers(output: str, source: Source) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    matches = list(ISO_DATE_RE.finditer(output)) + list(ZH_DATE_RE.finditer(output)) + list(ZH_YEAR_RE.finditer(output))
    for m in matches:
        if _overlaps(m.start(), m.end(), taken):
            continue
        if m.re is ISO_DATE_RE:
            date = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif m.re is ZH_YEAR_RE:
            date = (int(m.group(1)), None, None)
        else:
            date = (int(m.group(1)) if m.group(1) else None, int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        taken.append((m.start(), m.end()))
        if not _date_supported(date, source):
            found.append(_item("date", m.group().strip(), m.start(), m.start() + len(m.group().rstrip())))
    for m in ARABIC_RE.finditer(output):
        if _overlaps(m.start(), m.end(), taken):
            continue
        value = _num(m.group())
        scale = output[m.end():m.end() + 1]
        if scale in SCALES:  # 5万 needs 50000 (or 5万) in the source
            value *= SCALES[scale]
        if not _number_supported(value, source):
            found.append(_item("number", m.group(), m.start(), m.end()))
    for m in re.finditer(f"(第)?([{ZH_NUMERALS}]+)(?=[{ZH_MEASURE}])", output):
        value = parse_numeral(m.group(2))
        if value is None or value < 2 or m.group(1) or _overlaps(m.start(2), m.end(2), taken):
            continue
        if not _number_supported(float(value), source):
            found.append(_item("number", m.group(2), m.start(2), m.end(2)))
    return found, taken


def _in_source(word: str, source: Source) -> bool:
    return word in source.text


def _zh_names_places(output: str, source: Source) -> list[dict[str, Any]]:
    import jieba
    import jieba.posseg as posseg

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    data = _data()
    found: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()

    def report_(kind: str, word: str, start: int) -> None:
        key = (start, start + len(word))
        if key not in seen:
            seen.add(key)
            found.append(_item(kind, word, start, start + len(word)))

    titles = "|".join(sorted(map(re.escape, data["titles"]), key=len, reverse=True))
    followers = "|".join(sorted(map(re.escape, data["followers"]), key=len, reverse=True))
    tags = posseg.dt.word_tag_tab  # jieba's dictionary: word -> part-of-speech tag
    for m in re.finditer(f"(?:{titles})([{CJK}]{{2,3}}?)(?={followers})", output):
        name = m.group(1)
        if tags.get(name, "nr")[:2] != "nr":  # 副书记主持 / 市长亲自: a dictionary word, not a name
            continue
        if not _in_source(name, source) and name not in data["titles"]:
            report_("name", name, m.start(1))
    offset = 0
    tokens = [(w, f) for w, f in posseg.cut(output)]
    for index, (word, flag) in enumerate(tokens):
        start = output.find(word, offset)
        offset = start + len(word) if start >= 0 else offset
        if start < 0 or not re.fullmatch(f"[{CJK}]+", word):
            continue
        nxt = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if flag == "ns" and nxt in data["suffixes"]:
            word = word + nxt  # 成都 + 市
        suffix = next((s for s in data["suffixes"] if word.endswith(s)), None)
        is_place = flag == "ns" or (suffix is not None and len(word) >= 3 and flag not in ("v", "vn"))
        if is_place and len(word) >= 2:
            stem = word[: -len(suffix)] if suffix and len(word) - len(suffix) >= 2 else word
            if (word in data["generic"] or word in data["allowed"] or _in_source(word, source)
                    or _in_source(stem, source)):
                continue
            report_("place", word, start)
        elif flag in ("nr", "nrfg", "nrt") and 2 <= len(word) <= 4 and not _in_source(word, source):
            report_("name", word, start)
    return found


# ---------------------------------------------------------------- English output

def _splits_into_syllables(word: str, syllables: frozenset[str]) -> bool:
    word = word.lower().replace("'", "").replace("-", "")
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[start] and word[start:end] in syllables for start in range(max(0, end - 6), end))
    return ok[-1] and bool(word)


EN_DATE_RES = (
    # June 7, 2023 / June 7 / June 2023
    re.compile(r"\b([A-Z][a-z]{2,8}\.?)\s+(?:(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{4}))\b"),
    # 7 June 2023 / 7 June
    re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]{2,8}\.?)(?:,?\s+(\d{4}))?\b"),
)


def _en_dates(output: str, source: Source) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    months = _data()["months"]
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for m in ISO_DATE_RE.finditer(output):
        taken.append((m.start(), m.end()))
        if not _date_supported((int(m.group(1)), int(m.group(2)), int(m.group(3))), source):
            found.append(_item("date", m.group(), m.start(), m.end()))
    for pattern in EN_DATE_RES:
        for m in pattern.finditer(output):
            if _overlaps(m.start(), m.end(), taken):
                continue
            if pattern is EN_DATE_RES[0]:
                month = months.get(m.group(1).rstrip(".").lower())
                day, year = m.group(2), m.group(3) or m.group(4)
            else:
                month = months.get(m.group(2).rstrip(".").lower())
                day, year = m.group(1), m.group(3)
            if month is None or (day is not None and not 1 <= int(day) <= 31):
                continue
            taken.append((m.start(), m.end()))
            date = (int(year) if year else None, month, int(day) if day else None)
            if not _date_supported(date, source):
                found.append(_item("date", m.group(), m.start(), m.end()))
    return found, taken


def _en_number_words(token: str, words: dict[str, tuple[int, str]]) -> float | None:
    """"thirty" -> 30, "thirty-one" / "thirty one" -> 31; other words -> None."""
    parts = re.split(r"[- ]", token)
    if len(parts) == 1:
        entry = words.get(parts[0])
        return float(entry[0]) if entry and entry[1] == "number" else None
    tens, ones = words.get(parts[0]), words.get(parts[1])
    if tens and ones and tens[0] % 10 == 0 and tens[0] >= 20 and ones[0] < 10:
        return float(tens[0] + ones[0])
    return None


def _en_numbers(output: str, source: Source, taken: list[tuple[int, int]]) -> list[dict[str, Any]]:
    words = _data()["en_numbers"]
    found: list[dict[str, Any]] = []
    number_words = "|".join(sorted((w for w, (_, k) in words.items() if k != "scale"), key=len, reverse=True))
    scales = "|".join(w for w, (_, k) in words.items() if k == "scale")
    pattern = re.compile(rf"\b(\d+(?:,\d{{3}})*(?:\.\d+)?|(?:{number_words})(?:[- ](?:{number_words}))?)"
                         rf"(?:\s+({scales}))?\b", re.IGNORECASE)
    for m in pattern.finditer(output):
        token = m.group(1)
        if _overlaps(m.start(), m.end(), taken):
            continue
        if token[0].isdigit():
            value = _num(token)
        else:
            value = _en_number_words(token.lower(), words)
            if value is None:
                continue
        if m.group(2):  # "3 million" needs 3,000,000 (or 300万) in the source, not just a 3
            value *= words[m.group(2).lower()][0]
        if not _number_supported(value, source):
            found.append(_item("number", m.group().strip(), m.start(), m.end()))
    return found


@cache
def _capitalized_phrases() -> tuple[tuple[str, str], ...]:
    """Phrasebook entries whose English holds a capitalized word (长征 Long March, 十三五 the 13th Five-Year Plan)."""
    from ..english.phrasebook import load_phrasebook

    return tuple((zh, en) for zh, kinds in load_phrasebook().words.items() for en in kinds.values()
                 if len(zh) >= 2 and _CAPITALIZED.search(en))


_CAPITALIZED = re.compile(r"\b[A-Z][a-z]")


def _phrase_spans(output: str, source: Source) -> list[tuple[int, int]]:
    """Where the output holds the English of a capitalized phrase whose Chinese the source holds: "Long" of
    "Long March" is no name."""
    return [m.span() for zh, en in _capitalized_phrases() if zh in source.text
            for m in re.finditer(re.escape(en), output)]


def _en_names_places(output: str, source: Source) -> list[dict[str, Any]]:
    data = _data()
    syllables = data["syllables"]
    found: list[dict[str, Any]] = []
    phrases = _phrase_spans(output, source)
    tokens = [m for m in re.finditer(r"[A-Z][a-z]*(?:['-][a-z]+)*", output)
              if not _overlaps(m.start(), m.end(), phrases)]
    run: list[re.Match[str]] = []

    def flush(next_word: str | None) -> None:
        if not run:
            return
        words = [m.group() for m in run]
        start, end = run[0].start(), run[-1].end()
        sentence_start = not output[:start].strip() or output[:start].rstrip()[-1] in ".!?:;\"“"
        place = next_word in data["place_words"]
        if len(words) == 1 and not place and (words[0].lower() in data["not_names"] or sentence_start
                                              or words[0] in data["allowed"]):
            return
        if all(w.lower() in data["english"] for w in words):  # "Women", "Leading", "Meeting": English words
            return
        if not _run_supported(words, _with_pinyin(source)):
            found.append(_item("place" if place else "name", output[start:end], start, end))

    for m in tokens:
        word = m.group()
        pinyin_like = (word not in data["place_words"] and word not in data["allowed"]
                       and word.lower().rstrip(".") not in data["months"]  # June = ju-ne
                       and _splits_into_syllables(word, syllables))
        adjacent = run and output[run[-1].end():m.start()] in (" ", "-")
        if pinyin_like and (not run or adjacent):
            run.append(m)
            continue
        flush(word if run and output[run[-1].end():m.start()] == " " else None)
        run = [m] if pinyin_like else []
    flush(None)
    return found


# Heads of English titles: each one in summary_en must sit inside a title the facts hold.
_TITLE_HEADS = re.compile(r"\b(?:Secretary|Secretaries|Mayors?|Governors?|Magistrates?|Chairman|Chairmen|Chairwoman|"
                          r"Directors?|Commissioners?|Presidents?|Heads?|Chiefs?)\b")


def _fact_titles(report: Report) -> set[str]:
    """The English titles the facts hold (each official's title_en, which render_en composed from the
    Chinese title), their parts and their plurals ("Vice Chairmen of the ..."), as summary_en writes them."""
    from ..compose.en import local_title, plural_title

    titles: set[str] = set()
    for official in report.facts.officials:
        title = official.title_en
        if not title:
            continue
        parts = [title, *re.split(r", | and ", title)]
        titles.update(p.strip() for p in parts if p.strip())
    if not titles:  # facts without English titles (a report only cleaned): the source's own titles
        titles = _source_titles(report)
    titles |= {local_title(t, None) for t in titles}  # "Gangu County Party Secretary", as news agencies write
    titles |= {plural_title(t) for t in titles}
    return titles


def _source_titles(report: Report) -> set[str]:
    """English of the titles written in the source: each title word of the extractor with every run of
    characters before it that composes as a title (党委书记, 自治区党委书记, 市人大常委会副主任)."""
    from ..english.glossary import load_glossary
    from ..english.titles import render_title

    glossary = load_glossary()
    text = source_text(report)
    words = "|".join(sorted(map(re.escape, _data()["titles"]), key=len, reverse=True))
    titles: set[str] = set()
    for m in re.finditer(words, text):
        for start in range(max(0, m.start() - 12), m.start() + 1):
            en = render_title(text[start:m.end()], glossary)  # None unless every part composes
            if en and not re.search(rf"[\[\]{HAN_CLASS}]", en):
                titles.update(t.strip() for t in (en, *re.split(r", | and ", en)) if t.strip())
    return titles


def _en_titles(output: str, report: Report) -> list[dict[str, Any]]:
    """Title words in ``output`` that no title of the facts covers: an invented or misread title."""
    spans: list[tuple[int, int]] = []
    for title in _fact_titles(report):
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(title), output)]
    found = []
    for m in _TITLE_HEADS.finditer(output):
        if not any(start <= m.start() and m.end() <= end for start, end in spans):
            # Report the title as written: the capitalised words up to the head.
            start = m.start()
            while (prev := re.search(r"(?:[A-Z][\w'-]*|of|the|and) $", output[:start])) is not None:
                start = prev.start()
            found.append(_item("title", output[start:m.end()].strip(), start, m.end()))
    return found


# ---------------------------------------------------------------- entry point

def find_unsupported(output: str, report: Report, lang: str) -> list[dict[str, Any]]:
    """Items in ``output`` (a model's text, ``lang`` "zh" or "en") that the report does not support.

    Each item is ``{"kind": "name"|"number"|"date"|"place"|"title", "text": ..., "start": ..., "end": ...}``
    with character offsets into ``output``, in order of appearance.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    source = build_source(report)
    if lang == "zh":
        found, taken = _zh_dates_numbers(output, source)
        found += [f for f in _zh_names_places(output, source) if not _overlaps(f["start"], f["end"], taken)]
    else:
        found, taken = _en_dates(output, source)
        found += _en_numbers(output, source, taken)
        found += [f for f in _en_names_places(output, source) if not _overlaps(f["start"], f["end"], taken)]
        found += _en_titles(output, report)
    return sorted(found, key=lambda f: (f["start"], f["end"]))
