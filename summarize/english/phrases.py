"""Literal phrase rendering: glossary longest match, then CC-CEDICT for leftovers, else marked.

A phrase is cut into clauses at punctuation; a clause that matches a construction in
data/english/constructions.tsv (把A转化为B -> turn A into B) is rendered in that English order,
its slots recursively. Otherwise dates and numbers (data/english/numbers.toml) and the names of
the officials are rendered first, and the rest is cut into glossary terms (longest match first,
terms of two or more characters). Characters between terms form leftover runs: a run CC-CEDICT knows as a whole, or can cut into
words of two or more characters, is rendered from it; a lone leftover character is rendered from
the glossary's one-character entries (particles, conjunctions) or CC-CEDICT; anything else is kept
in Chinese inside brackets and recorded as untranslated, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from . import cedict
from .datafiles import ENGLISH_DIR, english_toml, read_tsv
from .glossary import OMIT, Glossary
from .places import gazetteer, parse_place, place_en, place_name_en, suffixes

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_OPEN_QUOTES = "“‘「『《〈"
_CLOSE_QUOTES = "”’」』》〉"
_PUNCT = {"、": ",", "，": ",", ",": ",", "；": ";", ";": ";", "：": ":", ":": ":", "。": ".", "！": "!",
          "？": "?", "(": "(", ")": ")", "（": "(", "）": ")", "—": "-", "-": "-", "·": "-", "…": "..."}
MAX_CEDICT_WORD = 4
SMALL_UNITS = ("镇", "乡", "村", "街道", "社区")  # places too small for the gazetteer
_NUMERALS = "一二三四五六七八九十两几多"
MAX_CONSTRUCTION_DEPTH = 2  # constructions inside constructions, at most this deep
# Clauses are matched against constructions one at a time; the separators stay as their own parts.
_CLAUSE_SPLIT = re.compile(r"((?<!\d),|,(?!\d)|[，、;；。:：!！?？])")  # not the comma in 1,000


def chinese_number(text: str) -> int | None:
    """Arabic or simple Chinese numerals (up to 99): '12' -> 12, '十二' -> 12, '二十' -> 20."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def ordinal(number: int) -> str:
    """1 -> 1st, 2 -> 2nd, 13 -> 13th, 22 -> 22nd."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


@cache
def _number_patterns() -> tuple[list[tuple[re.Pattern[str], str]], list[str]]:
    data = english_toml("numbers")
    return [(re.compile(p["regex"]), p["en"]) for p in data["pattern"]], data["months"]


def month_name(month: int | str) -> str:
    """English name of month 1-12; ValueError otherwise."""
    number = int(month)
    if not 1 <= number <= 12:
        raise ValueError(f"no month {month!r}")
    return _number_patterns()[1][number - 1]


def _format_number(match: re.Match[str], template: str) -> str | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    extra: dict[str, str] = {}
    try:
        for key, name in (("m", "month"), ("m2", "month2")):
            if key in groups:
                if not 1 <= int(groups[key]) <= 12:
                    return None
                extra[name] = month_name(groups[key])
        if "n" in groups:
            num = chinese_number(groups["n"])
            if num is not None:
                extra["num"] = str(num)
                extra["roman"] = _ROMAN[num] if num < len(_ROMAN) else str(num)
                extra["ordinal"] = ordinal(num)
            if re.fullmatch(r"\d+(?:\.\d+)?", groups["n"]):
                value = float(groups["n"])
                extra["millions"] = f"{value * 100:g}"
                extra["ten_thousands"] = f"{value * 10000:,.0f}"
        return template.format(**groups, **extra)
    except (KeyError, ValueError, IndexError):
        return None


@dataclass
class Translator:
    """Renders Chinese phrases; collects what it could not render in ``untranslated``."""

    glossary: Glossary
    untranslated: list[str] = field(default_factory=list)
    place_joiner: str = ", "  # between a place and its parent: ", " or " of " (headlines)
    names: dict[str, str] = field(default_factory=dict)  # people named in the facts: zh -> English

    def note_untranslated(self, text: str) -> str:
        if text not in self.untranslated:
            self.untranslated.append(text)
        return f"[{text}]"

    def tokens(self, text: str, depth: int = 0) -> list[str]:
        """English tokens for ``text``, clause by clause (punctuation as its own token)."""
        text = unicodedata.normalize("NFKC", text)
        out: list[str] = []
        for clause in _CLAUSE_SPLIT.split(text):
            if not clause:
                continue
            if depth < MAX_CONSTRUCTION_DEPTH and (rendered := self._construction(clause, depth)) is not None:
                out.append(rendered)
            else:
                out.extend(self._clause_tokens(clause))
        return out

    def _construction(self, clause: str, depth: int) -> str | None:
        """A clause matching one of data/english/constructions.tsv, in English word order."""
        if clause in self.glossary:  # a listed term wins over a pattern (自己的事)
            return None
        for regex, template in _constructions():
            m = regex.fullmatch(clause)
            if m is None:
                continue
            slots = {k: (join_tokens(self.tokens(v, depth + 1)) if v else "") for k, v in m.groupdict().items()}
            return re.sub(r"\s+", " ", template.format(**slots)).strip()
        return None

    def _clause_tokens(self, text: str) -> list[str]:
        out: list[str] = []
        leftover = ""
        pos = 0
        patterns = _number_patterns()[0]
        while pos < len(text):
            ch = text[pos]
            matched = None
            if ch.isdigit() or ch in _CN_DIGITS or ch in "十第":
                for regex, template in patterns:
                    m = regex.match(text, pos)
                    if m and (en := _format_number(m, template)) is not None:
                        matched = (m.end(), en)
                        break
            if not matched and (name := self._name_at(text, pos)):
                matched = (pos + len(name), self.names[name])
            entry = None if matched or not _HAN.match(ch) else self.glossary.match_at(text, pos, min_len=2)
            if (matched or entry or not _HAN.match(ch)) and leftover:
                out.extend(self._fallback(leftover))
                leftover = ""
            if matched:
                pos, en = matched
                out.append(en)
            elif entry:
                if entry.en != OMIT:
                    out.append(entry.en)
                pos += len(entry.zh)
            elif _HAN.match(ch):
                leftover += ch
                pos += 1
            else:
                if token := self._non_han(ch, text, pos, out):  # "" when glued to the previous token
                    out.append(token)
                pos += 1
        if leftover:
            out.extend(self._fallback(leftover))
        return [t for t in out if t]

    def _name_at(self, text: str, pos: int) -> str | None:
        for name in sorted(self.names, key=len, reverse=True):
            if text.startswith(name, pos):
                return name
        return None

    def _non_han(self, ch: str, text: str, pos: int, out: list[str]) -> str:
        if ch in _OPEN_QUOTES:
            return "\u0001"  # opening quote marker, resolved in join()
        if ch in _CLOSE_QUOTES:
            return "\u0002"
        if ch == '"':
            return "\u0001" if out.count("\u0001") <= out.count("\u0002") else "\u0002"
        if ch.isspace():
            return ""
        between_digits = 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()
        if ch.isalnum() or ch in "%.+/&" or (ch == "," and between_digits):
            # Keep Latin words and numbers whole: glue to the previous token when it is one too.
            if out and out[-1] and (out[-1][-1].isalnum() or out[-1][-1] in "%.+/&,") and pos > 0 \
                    and not text[pos - 1].isspace() and not _HAN.match(text[pos - 1]):
                out[-1] += ch
                return ""
            return ch
        return _PUNCT.get(ch, ch)

    def _fallback(self, run: str) -> list[str]:
        """Render a run of characters the glossary did not cover."""
        if len(run) == 1:
            single = self.glossary.get(run)
            if single is not None:
                return [] if single.en == OMIT else [single.en]
            return [self._uncovered(run)]
        if (place := self._place_tokens(run)) is not None:
            return place
        if run in gazetteer()[1]:  # a known place written without its unit word: 宁德
            return [place_name_en(run, self.glossary)]
        if len(run) <= MAX_CEDICT_WORD and (en := cedict.lookup(run)):
            return [en]
        pieces: list[tuple[str, str | None]] = []  # (chinese, english or None)
        i = 0
        while i < len(run):
            for length in range(min(MAX_CEDICT_WORD, len(run) - i), 1, -1):
                en = cedict.lookup(run[i : i + length])
                if en:
                    pieces.append((run[i : i + length], en))
                    i += length
                    break
            else:
                single = self.glossary.get(run[i])
                pieces.append((run[i], (single.en if single else None)))
                i += 1
        out: list[str] = []
        pending = ""
        for k, (zh, en) in enumerate(pieces):
            if en is not None:
                if pending:
                    out.append(self._uncovered(pending))
                    pending = ""
                if en != OMIT:
                    out.append(en)
            else:
                pending += zh
            if k == len(pieces) - 1 and pending:
                out.append(self._uncovered(pending))
        return out

    def _place(self, run: str, known_only: bool = False) -> str | None:
        """A run that is a whole place name (泸州市纳溪区, 永春河): its English name."""
        units = parse_place(run, self.glossary, features=True)
        if not units or any(u.suffix is None or len(u.name) < 2 or u.name[0] in _NUMERALS for u in units):
            return None  # 三大片区 is "three big areas", not a place called Sandapian
        if known_only and any(u.name + u.suffix.zh not in gazetteer()[0] for u in units if u.suffix):
            return None
        return place_en(run, self.glossary, joiner=self.place_joiner, features=True)

    def _place_tokens(self, run: str) -> list[str] | None:
        """A leftover run ending in a place name: 赴维西县 -> [to, Weixi County]."""
        if (place := self._place(run, known_only=True)) is not None:
            return [place]
        heads, longest = _known_place_heads()
        for cut in range(1, len(run) - 2):  # a known place after some words
            # Only a cut where a gazetteer name starts can succeed: checking that first keeps a long
            # run without punctuation linear instead of parsing every suffix of it (issue 11).
            if not any(run[cut:cut + k] in heads for k in range(1, longest + 1)):
                continue
            if (place := self._place(run[cut:], known_only=True)) is not None:
                return [*self._fallback(run[:cut]), place]
        for suffix in suffixes():  # an unknown river, road or town: a two-character name before it
            if suffix.style != "feature" and suffix.zh not in SMALL_UNITS:
                continue
            if run.endswith(suffix.zh) and len(run) > len(suffix.zh) + 2:
                cut = len(run) - len(suffix.zh) - 2
                if (place := self._place(run[cut:])) is not None:
                    return [*self._fallback(run[:cut]), place]
        place = self._place(run)
        return [place] if place is not None else None

    def _uncovered(self, chars: str) -> str:
        # A lone character between rendered words: CC-CEDICT's literal sense is safe enough.
        if len(chars) == 1 and (en := cedict.lookup(chars)):
            return en
        return self.note_untranslated(chars)

    def phrase(self, text: str) -> str:
        return join_tokens(self.tokens(text))


@cache
def _known_place_heads() -> tuple[frozenset[str], int]:
    """Names that a gazetteer unit starts with (its full name less a unit word), and the longest length."""
    heads = {name[: -len(s.zh)] for name in gazetteer()[0] for s in suffixes() if name.endswith(s.zh)}
    return frozenset(heads), max(map(len, heads), default=0)


@cache
def _constructions() -> list[tuple[re.Pattern[str], str]]:
    rows = read_tsv(ENGLISH_DIR / "constructions.tsv", ("pattern", "en"))
    return [(re.compile(pattern), en) for _, (pattern, en) in rows]


def join_tokens(tokens: list[str]) -> str:
    """Join English tokens with spaces, attaching punctuation and quotes the English way."""
    text = ""
    attach_next = True
    for token in tokens:
        if token == "\u0001":
            text += ("" if attach_next else " ") + '"'
            attach_next = True
            continue
        if token == "\u0002":
            text = text.rstrip() + '"'
            attach_next = False
            continue
        if token in (",", ";", ":", ".", "!", "?", ")", "..."):
            text = text.rstrip() + token
            attach_next = False
            continue
        if token in ("(",):
            text += ("" if attach_next else " ") + token
            attach_next = True
            continue
        if token == "-":
            text = text.rstrip() + " -"
            attach_next = False
            continue
        text += ("" if attach_next else " ") + token
        attach_next = False
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\band other(?=[,.;:)]|$)", "etc.", text)  # 等 at the end of a list
    # Words rendered twice by overlapping terms: "Yongchun River river basin", "go all out go all out for".
    text = re.sub(r"\b(\w+(?: \w+){0,3}) \1\b", r"\1", text, flags=re.IGNORECASE)
    return re.sub(r"[,;:]\s*$", "", text).strip()
