"""Clause rendering by a chart parse over typed phrasebook entries: never a word-by-word gloss.

A clause is cut at its punctuation into segments; each segment is parsed bottom-up (CKY) into the
types of the phrasebook (np, v, vp, adv, s) with binary rules that put the parts in English order:
``v + np -> vp``, ``np 的 np -> "Y of X"``, ``adv + vp``, lists joined by 、/和/并, and frames with
slots (``确保{X:np}按期完成``). A segment renders only when one parse covers all of it; a clause
renders only when all its segments do. Otherwise ``render_clause`` returns None and the caller
leaves the clause out. Nothing is guessed: no CC-CEDICT, no characters kept in brackets.

The words come from the phrasebook (data/english/phrasebook/), the glossary's nouns and typed
phrases, numbers and dates (data/english/numbers.toml) and gazetteer places; the function words
from data/english/grammar.toml. Segments are short (at most MAX_SEGMENT characters), so the cubic
parse stays cheap and the whole clause linear in its length.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..compose.en import join_list
from ..text.datafiles import load_lines, load_toml
from ..text.han import HAN
from ..text.numerals import SCALES, UNITS
from .glossary import OMIT, Glossary, load_glossary
from .morphology import (
    adjective_of_adverb,
    comparative,
    is_adjective,
    only_adjective,
    past_participle,
    past_tense,
    plural_agreement,
    plural_noun,
    present_participle,
    singular_noun,
    third_person,
    word_classes,
)
from .numbers import NUMBER_WORDS
from .phrasebook import Frame, Phrasebook, load_phrasebook
from .places import unit_word_endings
from .slogans import numbered_slogan

MAX_SEGMENT = 48  # longer runs without punctuation are not parsed (cost grows with the cube)
MAX_PLACE = 10  # longest gazetteer name tried
# Glossary categories that are noun phrases wherever they stand.
NOUN_CATEGORIES = ("title", "post", "organ", "admin", "event", "slogan", "term", "place")
_SEGMENT_SPLIT = re.compile(r"(?<!\d)[,，;；:：。!！?？](?!\d)|[，；：。！？]")
_OPEN, _CLOSE = "“‘「『《〈\"", "”’」』》〉\""
_QUOTED = re.compile(r'[“"]([^“”"]{2,12})[”"]')
# English manner adverbials that follow a verb's object ("advance X in a coordinated way").
_MANNER = re.compile(r" ((?:in an? [\w-]+(?: [\w-]+)? (?:way|manner|fashion))|step by step|without delay|"
                     r"on an? [\w-]+ basis|in all respects|across the board|at all levels|in depth|well)$")
_ONE_BY_ONE = re.compile(r"一([个件项步批家])\1")
_SCALES = frozenset(UNITS) | frozenset(SCALES)  # after digits, a unit or scale makes an amount (5亿元), not a count
# A count: digits (or a percentage) with an optional measure word, which English leaves out.
_COUNT = re.compile(r"(\d+(?:\.\d+)?%?)(?:个|项|家|座|条|所|名|处|场|批|户|次|台|套|栋)?")


@dataclass(frozen=True)
class Item:
    cost: float
    en: str
    parts: tuple[str, ...] = ()  # members of a coordination, joined at the end: "A, B and C"
    post: str = ""  # a verb's adverbial that English puts after the object ("in a coordinated way")
    counted: bool = False  # a noun phrase that already carries its count
    subj: str = ""  # a clause (np + vp): its subject and predicate, for pivot verbs (引导企业加大投入)
    pred: str = ""


@dataclass(frozen=True)
class Clause:
    """A rendered clause: its verb phrases (or clauses) in English and the subject it named, if any."""

    subject: str | None
    predicates: tuple[str, ...]
    fallback: bool = False  # a dictionary fallback was used (never, by construction: kept for the metric)
    gerunds: tuple[str, ...] = ()  # the predicates in -ing form ("called for ..."), a clause object's verbs kept

    @property
    def text(self) -> str:
        body = join_list(list(self.predicates))
        return f"{self.subject} should {body}" if self.subject else body

    @property
    def gerund_text(self) -> str:
        """The predicates as a gerund phrase: "advancing X and promoting Y" (the subject left out)."""
        return join_list(list(self.gerunds or self.predicates))


@cache
def _rules() -> dict[str, Any]:
    return load_toml("english/grammar.toml")


@dataclass
class Lexicon:
    """Every typed word the parser knows, by Chinese form."""

    words: dict[str, dict[str, str]]
    frames: tuple[Frame, ...]
    max_len: int
    after: frozenset[str] = frozenset()  # adverbs (by zh) that English puts after the verb phrase
    # Built once per lexicon (it is cached): each frame's literal strings, and the frames indexed by
    # one character of their longest literal, so a parse tests only the frames whose key occurs in its
    # text instead of rebuilding and testing ~900 literal lists per clause (was ~40% of per-report CPU).
    frame_literals: tuple[tuple[str, ...], ...] = field(init=False)
    frames_by_char: dict[str, tuple[int, ...]] = field(init=False)
    unkeyed_frames: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.frame_literals = tuple(tuple(p for p in f.parts if isinstance(p, str)) for f in self.frames)
        by_char: dict[str, list[int]] = {}
        unkeyed = []
        for index, literals in enumerate(self.frame_literals):
            longest = max(literals, key=len, default="")
            if longest:
                by_char.setdefault(longest[0], []).append(index)
            else:
                unkeyed.append(index)
        self.frames_by_char = {c: tuple(ids) for c, ids in by_char.items()}
        self.unkeyed_frames = tuple(unkeyed)

    def candidate_frames(self, text: str) -> list[int]:
        """Indexes, in frame order, of the frames whose literals all occur in ``text``."""
        candidates = set(self.unkeyed_frames)
        by_char = self.frames_by_char
        for c in set(text):
            ids = by_char.get(c)
            if ids is not None:
                candidates.update(ids)
        literals = self.frame_literals
        return [i for i in sorted(candidates) if all(lit in text for lit in literals[i])]


def _type_glossary_phrase(en: str, verbs: frozenset[str]) -> dict[str, str]:
    """A type for an untyped glossary `phrase` entry, from the shape of its English."""
    tokens = en.split()
    if not tokens:
        return {}
    if len(tokens) > 1 and tokens[1] in verbs and word_classes(tokens[0]) == {"ADV"}:
        return {"vp": en}  # "successfully complete": a manner adverb, then the verb
    if tokens[-1] == "to" and len(tokens) > 1:
        return {"adv": en}  # "make every effort to": stands before a verb
    if _adverbial(en):
        return {"adv": en}
    if tokens[-1] in ("in", "of", "on", "for", "with", "up", "forward"):
        return {"v": en} if tokens[0] in verbs else {}
    if tokens[0] in verbs:
        return {"v": en, "vp": en} if len(tokens) == 1 else {"vp": en}
    return {"np": en}


_ADVERBIAL_PREPOSITIONS = frozenset({"at", "in", "on", "during", "under", "through", "within", "after", "before"})


def _adverbial(en: str) -> bool:
    """English that opens with a preposition ("at the meeting", "in recent years"): an adverbial, never a noun."""
    tokens = en.split()
    return len(tokens) > 1 and tokens[0] in _ADVERBIAL_PREPOSITIONS

_LEXICONS: dict[tuple[int, int], tuple[Phrasebook, Glossary, Lexicon]] = {}


@cache
def _admin_units() -> tuple[re.Pattern[str], dict[str, str]]:
    """The unit words that run together as a list (grammar.toml admin_run_units), with their English from the
    gazetteer's suffix table, and the pattern of a run of three to five of them."""
    from .places import suffixes

    chars = _rules()["admin_run_units"]
    english = {suffix.zh: suffix.en.lower() for suffix in suffixes() if suffix.zh in chars}
    return re.compile(f"[{''.join(english)}]{{3,5}}"), english


@cache
def _boundary_words() -> frozenset[str]:
    """jieba's common words (data/english/word_boundaries.txt, made by eval/tools/make_word_boundaries.py)."""
    return frozenset(load_lines("english/word_boundaries.txt"))


def lexicon(phrasebook: Phrasebook, glossary: Glossary) -> Lexicon:
    """The merged word list (cached per phrasebook and glossary object)."""
    key = (id(phrasebook), id(glossary))
    cached = _LEXICONS.get(key)
    if cached is not None and cached[0] is phrasebook and cached[1] is glossary:
        return cached[2]
    rules = _rules()
    verbs = set(rules["verbs"])
    for types in phrasebook.words.values():
        for kind in ("v", "vp"):
            if kind in types and types[kind].split():
                first = types[kind].split()[0]
                # Verb phrases may open with an adverb ("actively promote"): that word is no verb.
                if "VERB" in word_classes(first):
                    verbs.add(first)
    frozen = frozenset(verbs)
    words: dict[str, dict[str, str]] = {}
    events = {zh for zh, entry in glossary.entries.items() if entry.category == "event"}
    for zh, entry in glossary.entries.items():
        if len(zh) < 2 or entry.en == OMIT:
            continue  # one-character glossary entries are function words, handled by the grammar
        if entry.category == "slogan" and entry.en.split()[0] in frozen:
            words.setdefault(zh, {})["vp"] = entry.en  # a slogan that opens with a verb is a verb phrase
        elif entry.category in NOUN_CATEGORIES:
            # "at the meeting" (会上) is filed with the events but is an adverbial.
            words.setdefault(zh, {})["adv" if _adverbial(entry.en) else "np"] = entry.en
        elif entry.category == "phrase":
            words.setdefault(zh, {}).update(_type_glossary_phrase(entry.en, frozen))
    for zh, types in phrasebook.words.items():  # the phrasebook wins over the glossary
        if zh in events and "np" not in types and types.keys() & {"v", "vp"}:
            # A verb in the phrasebook is no noun for the glossary's event list (开展 "carry out").
            words[zh].pop("np", None)
        words.setdefault(zh, {}).update(types)
    for types in words.values():
        np = types.get("np", "")
        if word_classes(np) == {"ADV"} or _MANNER.fullmatch(" " + np):
            # An adverb or manner phrase filed as a noun phrase (圆满 "successfully", 有序 "in an orderly way")
            # modifies verbs, never heads a noun phrase.
            types.setdefault("adv", np)
            del types["np"]
    lex = Lexicon(words, tuple(phrasebook.frames.values()), max(phrasebook.max_len, glossary.max_len),
                  frozenset(phrasebook.after))
    _LEXICONS[key] = (phrasebook, glossary, lex)
    return lex


# The closed classes of grammar.toml in lookup order: (key, type, English of every word, or None where the
# table maps each word to its own English).
_CLOSED_CLASSES = (
    ("np_conjunctions", "CONJ", None), ("vp_conjunctions", "VCONJ", None), ("aspect", "ASP", ""),
    ("complements", "RES", ""), ("list_end", "ETC", ""), ("coverbs", "P", None), ("disposal", "BA", ""),
    ("postpositions", "LOC", ""), ("negation", "NEG", None), ("purpose", "PURP", "to"),
    ("determiners", "DET", None), ("approximations", "APPROX", None), ("basis_suffixes", "HUA", ""),
    ("postposed_adverbs", "ADVP", None), ("difficulty", "NAN", ""), ("prospective", "PROS", ""),
    ("immediately", "JI", ""), ("progressive", "PROG", ""),
)
# Marks the "and" of a clause object (确保项目快签约、快开工) so the -ing pass leaves its verbs alone; removed
# before any text leaves the grammar.
_INNER = "\u2060"
# Auxiliaries that open a verb phrase: such a phrase has no -ing form ("canning") to modify a noun with.
_AUXILIARIES = frozenset({"can", "cannot", "will", "must", "should", "may", "dare"})
# A determiner's form before a plural noun phrase.
_PLURAL_DETERMINER = {"this": "these", "that": "those", "every": "all"}


def _function_words() -> dict[str, list[tuple[str, str]]]:
    """Closed-class words: zh -> [(type, en)]."""
    rules = _rules()
    out: dict[str, list[tuple[str, str]]] = {}
    for key, kind, english in _CLOSED_CLASSES:
        words = rules[key]
        for zh in words:
            out.setdefault(zh, []).append((kind, words[zh] if english is None else english))
    out.setdefault(rules["de"], []).append(("DE", ""))
    out.setdefault(rules["di"], []).append(("DI", ""))
    return out


_FUNCTION = cache(_function_words)


def _adverb_first(adv: str, after: bool = False) -> bool:
    """Single-word adverbs, "make every effort to" and auxiliaries ("no longer", "can only", "will not")
    go before the verb; "in a coordinated way" after, and so does any adverb the phrasebook notes
    `after` ("again", "respectively")."""
    return not after and (" " not in adv or adv.endswith(" to") or adv.split()[0].lower() in _PREVERBAL)


def _with_adverb(adv: str, vp: str, after: bool = False) -> str:
    if adv in _TO_GERUND:  # "to" is a preposition here: adhere to treating X as Y (each listed verb too)
        return f"{adv} {_nominal(vp) or gerund(vp)}"
    return f"{adv} {vp}" if _adverb_first(adv, after) else f"{vp} {adv}"


class Parser:
    """CKY over one segment. ``cells[i][j]`` maps a type to the cheapest Item spanning text[i:j]."""

    def __init__(self, text: str, lex: Lexicon, glossary: Glossary):
        self.text = text
        self.lex = lex
        self.glossary = glossary
        n = len(text)
        self.cells: list[list[dict[str, Item]]] = [[{} for _ in range(n + 1)] for _ in range(n + 1)]
        self.frames: dict[tuple[int, int], list[tuple[Frame, list[tuple[str, str, int, int]]]]] = {}

    def put(self, i: int, j: int, kind: str, item: Item) -> None:
        cell = self.cells[i][j]
        old = cell.get(kind)
        if old is None or item.cost < old.cost:
            cell[kind] = item

    # -- words -----------------------------------------------------------------------------------
    def lexical(self) -> None:
        text, n = self.text, len(self.text)
        function = _FUNCTION()
        inside_word = self._inside_words()
        for i in range(n):
            for j in range(i + 1, min(n, i + self.lex.max_len) + 1):
                if j == i + 1 and inside_word[i]:
                    continue  # 推进 is never 推 "push" + 进 "enter": a character inside a word is no word
                # A character alone costs a little more where a word of the phrasebook starts with it: of two
                # tilings with as many words, the one with the longer first word (提高|效率, never 提|高效率) wins.
                alone = j == i + 1 and any(text[i:m] in self.lex.words for m in range(i + 2, i + 5))
                cost = 1.05 if alone else 1.0
                for kind, en in self.lex.words.get(text[i:j], {}).items():
                    if kind == "adv" and text[i:j] in self.lex.after:
                        self.put(i, j, kind, Item(cost, en, post="after"))
                    elif kind == "v" and (m := _MANNER.search(en)) and m.start() > 0:
                        # "advance in a coordinated way" + object: the manner goes after the object.
                        self.put(i, j, kind, Item(cost, en[: m.start()], post=m.group(1)))
                    else:
                        self.put(i, j, kind, Item(cost, en))
            for j in range(i + 1, min(n, i + 4) + 1):
                for kind, en in function.get(text[i:j], ()):
                    if kind == "NEG":  # negation and auxiliaries: an adverb that always precedes the verb
                        self.put(i, j, "adv", Item(0.3, en))
                    else:
                        self.put(i, j, kind, Item(0.0, en))
        for status, en in _rules()["bracket_modifiers"].items() if "(" in text else ():
            for m in re.finditer(re.escape(f"({status})"), text):  # NFKC made the full-width brackets ASCII
                self.put(m.start(), m.end(), "PAREN", Item(0.2, en))
        unit_run, unit_en = _admin_units()
        for m in unit_run.finditer(text):  # 省市区, 省市县: a run of administrative units is a list
            units = [unit_en[ch] for ch in m.group()]
            self.put(m.start(), m.end(), "np", Item(0.8, f"the {join_list(units)}", tuple(units)))
        for m in _ONE_BY_ONE.finditer(text):  # 一个个, 一件件, 一项项: one by one
            self.put(m.start(), m.end(), "adv", Item(1.0, "one by one", post="after"))
        for m in _DISTRIBUTIVE.finditer(text):  # 分区, 分类: by zone, by category (unless the phrasebook has an adverb)
            if "adv" not in self.cells[m.start()][m.end()]:
                self.put(m.start(), m.end(), "adv", Item(1.0, f"by {_DISTRIBUTIVE_UNITS[m.group(1)]}", post="after"))
        for i in range(n - 2):  # 日调度, 周通报: daily scheduling, weekly circulars
            readings = self.lex.words.get(text[i + 1:i + 3], {})
            if text[i] in _PERIODIC and not inside_word[i] and "v" in readings and "np" in readings \
                    and not only_adjective(readings["np"]) and " " not in readings["np"]:
                self.put(i, i + 3, "np", Item(1.2, f"{_PERIODIC[text[i]]} {readings['np']}"))
        units = _rules()["time_units"]
        for i in range(n - 1):
            if text[i] == text[i + 1] and text[i] in units:  # 周周, 月月: every week, every month
                self.put(i, i + 2, "adv", Item(1.0, f"every {units[text[i]]}"))
        self._dictionary_nouns()
        self._numbers()
        self._places()
        self._slogans()
        for i, j, frame, slots in self._frame_instances():
            self.frames.setdefault((i, j), []).append((frame, slots))

    def _inside_words(self) -> list[bool]:
        """Characters that no shortest tiling of the segment into words leaves on their own.

        The single-character entries (the bound morphemes of chars_*.tsv) are only for characters that
        stand alone: 推进 is never 推 "push" + 进 "enter", 致富 never 致 + 富. A character may stand alone
        where some tiling with the fewest words (phrasebook and glossary words, any character counting as
        one) has it alone: 高效益 tiles as 高效|益 and as 高|效益, so 高 "high" stays. Function words,
        numbers and places are not affected. The words of the tiling include the common words of jieba's
        dictionary that the phrasebook lacks (取出, 应收账款): their characters are never read one by one.
        """
        text, n, words, longest = self.text, len(self.text), self.lex.words, max(self.lex.max_len, 4)
        boundaries = _boundary_words()

        def is_word(span: str) -> bool:
            # A one-character verb and its postverbal coverb (放到, 落实在) are two words of the grammar, not one.
            return span in words or (span in boundaries and not (
                len(span) == 2 and span[1] in _POSTVERBAL and "v" in words.get(span[0], {})))

        big = n + 1
        ahead = [0] + [big] * n  # fewest words for text[:i]
        for j in range(1, n + 1):
            ahead[j] = ahead[j - 1] + 1
            for i in range(max(0, j - longest), j - 1):
                if is_word(text[i:j]):
                    ahead[j] = min(ahead[j], ahead[i] + 1)
        behind = [big] * n + [0]  # fewest words for text[i:]
        for i in range(n - 1, -1, -1):
            behind[i] = behind[i + 1] + 1
            for j in range(i + 2, min(n, i + longest) + 1):
                if is_word(text[i:j]):
                    behind[i] = min(behind[i], behind[j] + 1)
        return [ahead[i] + 1 + behind[i + 1] > ahead[n] for i in range(n)]

    def _dictionary_nouns(self) -> None:
        """Common nouns the phrasebook lacks, where CC-CEDICT gives them one sense (nouns.py)."""
        from .nouns import MAX_CHARS, single_sense_noun

        text, n = self.text, len(self.text)
        for i in range(n):
            for j in range(i + 2, min(n, i + MAX_CHARS) + 1):
                if "np" not in self.lex.words.get(text[i:j], {}) and (en := single_sense_noun(text[i:j])) \
                        and not en[:1].isupper():  # a capitalized sense is a name (新军 "New Army"), never a guess
                    self.put(i, j, "np", Item(1.2, en))

    def _numbers(self) -> None:
        from ..text.numerals import parse_numeral
        from .numbers import NUMBER_STARTS, number_at

        for i, ch in enumerate(self.text):
            if not (ch.isdigit() or ch in NUMBER_STARTS):
                continue
            if (found := number_at(self.text, i)) is not None:
                end, en, is_date = found
                if en.startswith(("by ", "before ")):
                    self.put(i, end, "adv", Item(1.0, en))  # a deadline (6月底前) is no noun phrase
                    continue
                self.put(i, end, "np", Item(1.0, en))
                if is_date:
                    self.put(i, end, "adv", Item(1.0, ("in " if en[:1].isdigit() else "by ") + en))
            m = _COUNT.match(self.text, i)
            if m and (i == 0 or not self.text[i - 1].isdigit()) and self.text[m.end():m.end() + 1] not in _SCALES:
                # 5亿元 is an amount, never the count 5 before "100 million yuan".
                self.put(i, m.end(), "num", Item(0.5, m.group(1)))
            # A numbered slogan (三个一, 两个确保, 六大产业) counts its noun: it renders only when a noun
            # follows that renders ("six major industries"); "三个一" and "两个确保" name no noun and stay out.
            m = _CN_COUNT.match(self.text, i)
            if m and (i == 0 or self.text[i - 1] not in NUMBER_STARTS):
                word = NUMBER_WORDS[parse_numeral(m.group(1)) or 0]
                measure = _KEPT_MEASURES.get(m.group(2))
                self.put(i, m.end(), "num", Item(0.5, f"{word} {measure}" if measure else word))

    def _slogans(self) -> None:
        """Numbered slogans in quotation marks (“一城三园”: "one city and three parks"; slogans.py)."""
        for m in _QUOTED.finditer(self.text):
            en = numbered_slogan(m.group(1), lambda word: self.lex.words.get(word, {}).get("np"))
            if en is not None:
                self.put(m.start(), m.end(), "np", Item(1.3, f'"{en}"'))  # the phrasebook's reading wins

    def _places(self) -> None:
        """Gazetteer places only: a common word or a person's name never becomes a place."""
        from .places import place_en, place_index, place_name_en, regional_names

        for start, end, en in regional_names(self.text, self.glossary):
            if self.text[start:end] not in self.lex.words:
                self.put(start, end, "np", Item(1.0, en, post="region"))

        full, short = place_index()
        text, n = self.text, len(self.text)
        for i in range(n):
            for j in range(i + 2, min(n, i + MAX_PLACE) + 1):
                span = text[i:j]
                if span in self.lex.words:
                    continue  # a phrasebook word wins (开发区, 城关)
                if span in full:
                    en = place_en(span, self.glossary)
                elif span in short and j - i >= 2:
                    en = place_name_en(span, self.glossary)
                else:
                    continue
                if en:
                    self.put(i, j, "np", Item(1.0, en, post="place"))

    def _frame_instances(self) -> Iterator[tuple[int, int, Frame, list[tuple[str, str, int, int]]]]:
        text = self.text
        frames = self.lex.frames
        for index in self.lex.candidate_frames(text):
            frame = frames[index]
            starts = range(len(text)) if not isinstance(frame.parts[0], str) else \
                [m.start() for m in re.finditer(re.escape(frame.parts[0]), text)]
            for start in starts:
                for end, slots in _match_parts(text, frame.parts, 0, start):
                    yield start, end, frame, slots

    # -- rules -----------------------------------------------------------------------------------
    def parse(self) -> list[dict[str, Item]]:
        n = len(self.text)
        self.lexical()
        for length in range(1, n + 1):
            for i in range(n - length + 1):
                j = i + length
                for k in range(i + 1, j):
                    left, right = self.cells[i][k], self.cells[k][j]
                    if left and right:
                        for lt, litem in list(left.items()):
                            for rt, ritem in list(right.items()):
                                self._combine(i, k, j, lt, litem, rt, ritem)
                for frame, slots in self.frames.get((i, j), ()):
                    self._apply_frame(i, j, frame, slots)
                self._unary(i, j)
        return self.cells[0]

    def _unary(self, i: int, j: int) -> None:
        cell = self.cells[i][j]
        if "v" in cell:
            v = cell["v"]
            en = v.en
            if (m := _OF_OBJECT.fullmatch(en)) is not None:
                en = f"{m.group(1)} {m.group(2)}"  # 加快发展 alone: "speed up the development of" -> speed up development
            if " and " in en and not en.endswith(_DANGLING):
                # Verbs sharing no object: each says itself without its preposition ("attach great importance and
                # coordinate", never "attach great importance to and coordinate").
                en = " and ".join(part.rsplit(" ", 1)[0] if part.endswith(_DANGLING) and " " in part else part
                                  for part in en.split(" and "))
            if not en.endswith(_DANGLING):  # "focus on" with nothing after it is no verb phrase
                self.put(i, j, "vp", Item(v.cost + 0.5, f"{en} {v.post}".strip()))
        if self.text[i] in _OPEN and self.text[j - 1] in _CLOSE and j - i > 2:
            inner = self.cells[i + 1][j - 1]
            if self.text[i] == "《" or "np" in inner:
                # A document's title names it: a noun phrase, never a verb phrase; so does a quoted term that has a
                # noun reading (“一岗双责”: the dual responsibilities of each post, never "fulfill ...").
                inner = {kind: item for kind, item in inner.items() if kind == "np"}
            best = min(inner.values(), key=lambda it: it.cost, default=None)
            if best is not None and not any(k in inner for k in ("CONJ", "VCONJ", "DE", "DI")):
                self.put(i, j, "np", Item(best.cost, f'"{_finish(best)}"', counted=best.counted))

    def _combine(self, i: int, k: int, j: int, lt: str, left: Item, rt: str, right: Item) -> None:
        put = self.put
        cost = left.cost + right.cost
        a, b = _finish(left), _finish(right)
        text = self.text
        if lt == "np" and rt == "np" and len(left.parts) >= 2 and right.counted and not right.parts \
                and b.split()[0] in NUMBER_WORDS and NUMBER_WORDS.index(b.split()[0]) == len(left.parts) \
                and not any(part.startswith(("the ", "a ", "an ")) for part in left.parts):
            # A list and its count (规划、建设、管理三个环节): the three links of planning, construction and management.
            put(i, j, "np", Item(cost + 0.1, f"the {b} of {join_list(list(left.parts))}", counted=True))
            return
        if lt == "np" and rt == "np":
            if text[i:k] in _MODIFIER_SENSES and not left.parts:
                a = _MODIFIER_SENSES[text[i:k]]  # 智慧管理平台: smart management platforms
            if " " not in a and " " not in b and is_adjective(a) and is_adjective(b) and not (left.parts or right.parts):
                # Two adjectives side by side are a predicate pair (项目推进高效有序: ... is efficient and orderly);
                # before a noun they modify it one after the other (重大生态工程: major ecological projects).
                put(i, j, "adjp", Item(cost + 0.2, f"{a} and {b}"))
            if only_adjective(b) and not left.counted and not is_adjective(a.split()[-1]):
                # A noun and an adjective are a clause (项目推进有序 -> project progress is orderly), for the verbs
                # that take one (确保…).
                put(i, j, "s", _state(a, b, cost))
            if a.startswith('"') and b.startswith('"') and a.endswith('"'):
                parts = (*(left.parts or (a,)), *(right.parts or (b,)))  # “时间表”“路线图”: quoted names are a list
                put(i, j, "np", Item(cost + 0.1, join_list(parts), parts))
                return
            if text[k] == "《" and b.startswith('"') and not right.parts and not left.parts and not left.counted \
                    and " of " not in a and not _adjectival(a) and (left.post == "place" or _body(a)):
                # A body or place before a document's title is its author: 县人民检察院《关于…的意见》 -> the county
                # people's procuratorate's "Opinions on ...".
                put(i, j, "np", Item(cost + 0.3, f"{_the(a)}'s {b}"))
                return
            if not (left.parts or right.parts) and (2 <= k - i == j - k <= 3 and text[k - 1] == text[j - 1]
                                                    or k - i == j - k == 3 and text[i] == text[k]):
                # Two nouns that share their last morpheme are a list, not a compound: 热点难点 -> hot-button
                # issues and difficulties, 紧迫感责任感; so are two that share a first one (大发展大跨越).
                put(i, j, "np", Item(cost + 0.25, f"{a} and {b}", (a, b)))
                return
            if _closed_by_deng(b, text[k:j]):
                return  # the list before 等 starts where its first item does: nothing before it modifies the list
            if a.endswith(" of") and not left.parts and not right.counted and not b.startswith(("the ", "a ", "an ")):
                put(i, j, "np", Item(cost + 0.1, f"{a} {b}"))  # 各类安全事故: all kinds of safety accidents
                return
            if left.counted and re.match(r"\w+ (?:types|kinds) of ", a) and not right.counted and " of " not in b:
                put(i, j, "np", Item(cost + 0.3, f"{_the(b)} of {a}"))  # the intensive layout of four types of villages
                return
            if _COUNT_INSIDE.search(b) and not left.counted:
                return  # a count comes first in English: never "Xiushan 2019 21 key projects"
            if a == "a new round of" and b.startswith("the ") and " of " in b and not right.parts:
                put(i, j, "np", Item(cost + 0.2, f"a new {b[4:]}"))  # 新一轮X高潮: a new upsurge of X
                return
            if (m := _NUMBERED_BODY.match(b)) and not left.parts and " " not in a.removeprefix("the ") \
                    and (_named(a) or a.lower() in _UNIT_WORDS):
                # 建德市十七届人大二次会议: the place names the body, inside the session's name.
                unit = a.removeprefix("the ")
                put(i, j, "np", Item(cost + 0.2, f"the {m.group(1)}{_UNIT_WORDS.get(unit.lower(), unit)} "
                                                 f"{b[m.end():]}"))
                return
            if _NUMBERED_BODY.match(a.removeprefix("the ")) and not right.parts and not b.startswith("the ") \
                    and len(b.split()) <= 3 and not only_adjective(b):
                put(i, j, "np", Item(cost + 0.3, f"the {b} of {a}"))  # the draft agenda of the 2nd session of ...
                return
            if a.startswith("the whole ") and not right.counted and all(
                    word in _ADJECTIVE_NOUNS for word in b.split(" and ")):
                # 全旗经济社会: the economy and society of the whole banner.
                heads = join_list([_ADJECTIVE_NOUNS[word] for word in b.split(" and ")])
                put(i, j, "np", Item(cost + 0.4, f"{_the(heads)} of {a}"))
                return
            if b in _ADJECTIVE_NOUNS and " " not in b and " of " not in a and not left.counted:
                # 农村经济: the adjective of a noun word heads as its noun (rural economy).
                put(i, j, "np", Item(cost + 0.3, f"{modifier(a)} {_ADJECTIVE_NOUNS[b].removeprefix('the ')}"))
            if b.startswith("the ") or " of " in a or " that " in a or " worth " in a or " in " in a or " such as " in a \
                    or only_adjective(b) \
                    or b.endswith(" of") \
                    or right.post == "purpose" or (right.parts and only_adjective(b.split()[0])) \
                    or (_named(b) and a.split()[-1].islower() and not left.counted) \
                    or (text[j - 1] == "化" and " " not in b and is_adjective(b)) \
                    or (j - k == 1 and is_adjective(b)) \
                    or (" " not in b and "ADJ" in word_classes(b) and not right.parts and not b.endswith("s")):
                # An adjective heads nothing: 原 "former" (高原 is not "high former"), 良好 "good" ("the 13th
                # Five-Year Plan good" was a compound); a noun and an adjective are a clause (above).
                # A compound's head carries no article, and "X of Y" modifies no further noun.
                return
            if b.lower() in _OF_HEADS:
                det, _, rest = a.partition(" ")
                if det in ("a", "an") and rest and not left.counted:  # 一场项目建设攻坚战: a tough battle of ...
                    put(i, j, "np", Item(cost + 0.3, f"{'an' if b[0] in 'aeiou' else 'a'} {b} of {rest}"))
                    return
                put(i, j, "np", Item(cost + 0.3, f"the {b} of {a}"))  # the importance of project construction
                return
            if left.post == "amount":
                put(i, j, "np", Item(cost + 0.3, f"{b} worth {a}"))  # projects worth more than 500 million yuan
                return
            if a.startswith("the ") and (_agent(a) or a.startswith("the whole ")) and not right.counted \
                    and not is_adjective(b.split()[-1]):
                # Whose it is: 群众疾苦 -> the sufferings of the people, 全镇经济 -> the economy of the whole town.
                put(i, j, "np", Item(cost + 0.4, f"{_the(b)} of {a}"))
                return
            if modifier(a).lower() == modifier(b).lower() or \
                    (" " not in a and modifier(a).lower() in b.lower().split(" and ")[0].split()):
                # 方式方法: methods; 责任担当: sense of responsibility; 项目业主单位: project owners
                put(i, j, "np", Item(cost + 0.3, b))
                return
            if a.endswith(" at all levels") and not right.counted and not b.startswith(("the ", "a ", "an ")) \
                    and not is_adjective(b.split()[-1]):
                put(i, j, "np", Item(cost + 0.3, f"the {b} of {a}"))  # the responsibilities of officials at all levels
                return
            if text[k:j] == _SPIRIT_ZH and b == _SPIRIT_EN and not left.counted and not left.parts \
                    and " of " not in a and not a.startswith(("the ", "a ", "an ")) \
                    and _head_word(a) not in _GUIDING_PRINCIPLE_SOURCES:
                put(i, j, "np", Item(cost + 0.1, f"the {modifier(a)} spirit"))  # 劳模精神: the model worker spirit
                return
            if {w for w in a.lower().split() if len(w) > 4} & {w for w in b.lower().split() if len(w) > 4}:
                return  # 开工建设 is no compound "construction start construction"
            head, _, rest = b.partition(" ")
            if head in _FRONT_ADJECTIVES and rest and not left.counted and not right.counted \
                    and not any(is_adjective(word) for word in a.split()) and len(a.split()) <= 3 \
                    and a.split()[0].lower() not in _DETERMINER_WORDS and not a[:1].isdigit():
                # 招商引资强大合力: strong investment promotion synergy (the adjective stays in front).
                put(i, j, "np", Item(cost + 0.3, f"{head} {modifier(a)} {rest}"))
                return
            if head.lower() in ("all", "various") and rest and len(a.split()) <= 3 and not left.counted:
                # 招商引资各项工作: all investment promotion work, never "investment promotion all work".
                put(i, j, "np", Item(cost + 0.3, f"{head} {modifier(a)} {rest}", counted=right.counted))
                return
            if len(a.split()) > 1 and a.split()[0].lower() in ("all", "various") and not right.counted:
                put(i, j, "np", Item(cost + 0.4, f"{_the(b)} of {a}"))  # 各方积极性: the enthusiasm of all parties
                return
            # A place owns what follows it only by its full name (Zongyang County's development; never "Gucheng's
            # communities" in a project's name): its English ends in a unit word of place_suffixes.tsv.
            if (left.post == "region" or left.post == "place" and a.endswith(unit_word_endings())) \
                    and not right.counted and not right.parts \
                    and " of " not in b and " the " not in b and not re.search(r"[A-Z\d]", b) \
                    and not is_adjective(b.split()[-1]):
                # A place before what belongs to it is its owner: Yuetang Town's economic and social development.
                put(i, j, "np", Item(cost + 0.3, f"{a}'s {b}"))
                return
            if a.startswith("the whole "):
                return  # "the whole county" modifies no noun: its owner reading (above) or nothing
            # A verb's noun before a noun that is no compound head is more likely the verb and its object
            # (谋划论证项目: plan and evaluate projects, not "plan evaluation projects").
            verbal = "v" in self.cells[i][k] and " " not in a and not is_adjective(a) \
                and _head_word(b) not in _COMPOUND_HEADS
            put(i, j, "np", Item(cost + 0.3 + (0.3 if right.counted else 0) + (0.5 if verbal else 0),
                                 f"{modifier(a)} {b}", counted=right.counted))
        elif lt == "np" and rt == "PAREN" and not left.parts:
            article, _, rest = a.partition(" ")
            if article.lower() in ("the", "a", "an") and rest:
                put(i, j, "np", Item(cost + 0.1, f"the {b} {rest}"))
            else:
                put(i, j, "np", Item(cost + 0.1, f"{b} {a}"))  # 会议日程(草案): draft meeting agenda
        elif lt in ("v", "vp", "np") and rt == "NAN" and k - i == 2 and " " not in a:
            # 审批难, 用地难: the difficulty a one-word activity or thing meets ("difficulty with approval").
            thing = gerund(a) if lt != "np" and "NOUN" not in word_classes(a) else a
            put(i, j, "np", Item(cost + 0.3, f"difficulty with {thing}"))
        elif lt == "vp" and rt == "np" and left.cost <= 1.0 and k - i == 4 and right.cost <= 1.0 \
                and not right.counted and not b.startswith(("the ", "a ", "an ")) and "v" not in self.cells[i][k] \
                and (nominal := _nominal(a)):  # a verb that takes an object (加快推进) is no formula of its own
            # A four-character formula before a noun names what the noun is about (脱贫攻坚工作: the work of fighting
            # poverty), dearer than any reading the phrasebook gives the formula as a noun.
            put(i, j, "np", Item(cost + 0.8, f"the {b} of {nominal}"))
        elif lt == "vp" and rt == "ADVP" and j == len(text):
            put(i, j, "vp", Item(cost + 0.2, f"{a} {b}"))  # 抓住工业经济不放松: ... without letup
        elif lt == "np" and rt == "adjp" and not left.counted and not is_adjective(a.split()[-1]):
            put(i, j, "s", _state(a, b, cost))  # 项目推进高效有序: project progress is efficient and orderly
        elif lt == "vpA" and rt == "np" and not right.parts:
            if left.post == "v":
                put(i, j, "np", Item(cost + 0.4, f"{_the(b)} {a}"))
            else:
                put(i, j, "np", Item(cost + 0.4, f"{_the(b)} that {'have' if plural(b) else 'has'} {a}"))
        elif lt == "adv" and rt in ("vp", "v") and a in ("more", "already"):
            # 更 compares qualities, not actions. 已 + a verb before a noun is a relative clause (below): 已开工项目 ->
            # the projects that have already started construction; a transitive verb's noun is its object (已掌握项目
            # -> the projects already grasped); 已 + a verb phrase stands alone too, never 已 + verb + object.
            if a == "already" and right.cost <= 1.0 and (done := _perfect(b)) is not None:
                put(i, j, "vpA", Item(cost, done, post=rt))
                if rt == "vp":
                    put(i, j, rt, Item(cost + 0.1, _with_adverb(a, b, left.post == "after")))
        elif lt == "adv" and rt == "vp":
            if right.parts and not _adverb_first(a, left.post == "after"):
                return  # after a list, "every week" would read as the last item's: it stays with its own verb
            put(i, j, rt, Item(cost + 0.1, _with_adverb(a, b, left.post == "after")))
        elif lt == "adv" and rt == "v" and not (" and " in b and right.post):
            # (Not before a list whose verbs have manners of their own: 高标准[规划、高质量建设].)
            if left.post == "P:对" and a.startswith("on ") and k - i >= 3:
                # 对X督办: what 对 introduces is the verb's object ("supervise X"), dearer than a coverb phrase.
                put(i, j, "vp", Item(cost - 0.3, f"{b} {a[3:]} {right.post}".strip()))
            if a in _TO_GERUND:
                put(i, j, "v", Item(cost + 0.1, f"{a} {gerund(b)}", post=right.post))
            elif _adverb_first(a, left.post == "after"):
                put(i, j, "v", Item(cost + 0.1, f"{a} {b}", post=right.post))
            else:
                put(i, j, "v", Item(cost + 0.1, b, post=" ".join(p for p in (right.post, a) if p)))
        elif lt == "adv" and rt == "np" and a == "more" and " " not in b and is_adjective(b) and not right.counted:
            put(i, j, "np", Item(cost + 0.1, comparative(b)))  # 更高, 更强: higher, stronger, more efficient
        elif lt == "adv" and rt == "np" and not right.counted and not right.parts and not left.post \
                and text[k:j] in self.lex.words and (adjective := adjective_of_adverb(a)) is not None \
                and not is_adjective(b.split()[0]):
            # A manner word before an action's noun is its quality (精准防控策略: precise prevention and control
            # strategies), dearer than its adverb reading before a verb.
            put(i, j, "np", Item(cost + 0.4, f"{adjective} {b}"))
        elif lt == "adv" and rt == "adv" and left.post == right.post == "after" and " and " not in a + b \
                and all(_DISTRIBUTIVE_EN.fullmatch(x) for x in (a, b)):
            put(i, j, "adv", Item(cost, f"{a} and {b}", post="after"))  # 分区分级: by zone and by level
        elif lt == "adv" and rt == "np" and left.post == "after" and a.startswith("by ") and not right.counted \
                and not right.parts and not is_adjective(b.split()[-1]):
            put(i, j, "np", Item(cost + 0.3, f"{b} {a}"))  # 分类指导政策: guidance policies by category
        elif lt == "adv" and rt == "DI":
            put(i, j, "adv", Item(cost, a, post=left.post))
        elif lt == "v" and rt == "np":
            b = _as_noun(b) if not right.parts else b  # 推动经济: push the economy
            if b in _QUALITY_NOUNS and not right.parts and j - k >= 2 and text[k:j] in self.lex.words:
                b = _QUALITY_NOUNS[b]  # 取得成功: achieve success (a word, never one character read as a quality)
            # An adjective is no object (never "promote modern"), nor is a quantifier ("plan a number of"). A verb
            # used as a noun is the object of a support verb (加强管理); after another verb the two are first a pair
            # (分析研究: analyze and study), so that reading costs more.
            pair = "v" in self.cells[k][j] and text[i:k] not in _LIGHT_VERBS and text[k:j] in self.lex.words
            echo = len(a.split()[-1]) >= 5 and b.split()[0].lower()[:5] == a.split()[-1].lower()[:5]
            if not _adjective_headed(b) and not b.endswith(" of") and not echo:  # never "coordinate coordination"
                put(i, j, "vp", Item(cost + (1.1 if pair else 0.1), f"{a} {with_article(b, right)} {left.post}".strip()))
            if b in _GERUND_MODIFIER_HEADS and " " not in a and left.cost <= 1.0 and right.cost <= 1.0 \
                    and not left.post and (ing := present_participle(a)) is not None:
                # 制造企业: manufacturing enterprises, where the clause needs a noun phrase (dearer than V + O).
                put(i, j, "np", Item(cost + 0.9, f"{ing} {b}"))
            if b.split()[-1].lower() in _PURPOSE_HEADS and not left.post and not right.parts \
                    and not b.startswith(("a ", "an ", "the ")) and not right.counted and len(a.split()) <= 3 \
                    and not a.endswith(_DANGLING):
                # 推进 + 机制 waits for the object before it: "the mechanisms for advancing X" (below); never a verb
                # that leaves its preposition hanging (纳入 "bring into": "plans for bringing into more projects").
                put(i, j, "vH", Item(cost + 0.3, b, post=a))
        elif lt == "v" and rt in ("v", "vp") and text[i:k] in _NOMINAL_ONLY_VERBS and not left.post \
                and "np" not in self.cells[k][j]:
            # 进行动态跟踪、逐项督办: a support verb before a verb with no noun reading says nothing of its own.
            put(i, j, rt, Item(cost + 0.2, right.en, right.parts, right.post))
        elif lt == "v" and rt == "s" and (template := _pivot_template(text[i:k], a)) and right.subj:
            # Pivot verbs (before the clause verbs): 引导企业加大投入 -> "guide enterprises to increase investment";
            # a list of verbs ending in one: 安排督促X解决 -> "arrange and urge X to solve".
            if (text[i:k] in _AGENT_PIVOTS or _undergoer(right)) and not _agent(right.subj):
                # 加快企业复工: get enterprises to resume work faster; never "get modernization to build ...", nor
                # "seek projects to include in plans" (争取项目纳入规划: the projects are what is included).
                return
            if right.pred.startswith(("is ", "are ")):  # a state: 让群众满意 -> make the people satisfied
                if text[i:k] not in _CAUSATIVE_VERBS or template != _PIVOT[text[i:k]]:
                    return
                template, right = "make {X} {Y}", Item(right.cost, right.en, subj=right.subj,
                                                        pred=right.pred.split(" ", 1)[1])
            en = template.replace("{X}", right.subj).replace("{Y:ing}", gerund(right.pred)).replace("{Y}", right.pred)
            put(i, j, "vp", Item(cost - 0.5, en))  # dearer clause reading (np + vp) paid back: the verb asks for it
        elif lt == "v" and rt == "s" and text[i:j].startswith(_CLAUSE_VERBS) \
                and (not _is_state(right.pred) or text[i:k] in _STATE_VERBS) \
                and not (_undergoer(right) and not _agent(right.subj)):
            # A state (项目推进有序: "is orderly") is what one ensures, not what one advances. 确保 takes a
            # clause before anything else: "ensure all projects are completed", not "... projects to be".
            inner = _agreeing(right)  # ensure the plan gets off to a good start
            inner = inner.replace(" and ", f" and{_INNER} ").replace(", ", f",{_INNER} ")  # not a conjunct of the directive
            put(i, j, "vp", Item(cost + (-0.4 if text[i:k] in _CLAUSE_FIRST_VERBS else 0.2), f"{a} {inner}"))
        elif lt == "v" and rt in ("ASP", "RES"):
            put(i, j, "v", Item(cost + 0.2, a, post=left.post))
        elif lt == "vp" and rt in ("ASP", "RES"):
            put(i, j, "vp", Item(cost + 0.2, a))
        elif lt == "v" and rt == "vp" and (a.endswith(_GERUND_AFTER) or a in _TO_GERUND) \
                and not b.startswith("already "):  # 盯紧已开工项目: never "keep an eye on already starting ..."
            # 坚持以商招商: adhere to attracting ...; every verb of a list takes -ing (引育并举: attracting and
            # cultivating).
            put(i, j, "vp", Item(cost + 0.3, f"{a} {_nominal(b) or gerund(b)}"))
        elif lt == "np" and rt == "vp":
            a = _as_noun(a) if not left.parts else a  # 经济实现新突破: the economy achieves ...
            if is_adjective(a) or a.endswith(" of") or a.startswith(("by ", "before ")) \
                    or a.lower() in _DETERMINER_WORDS:
                # An adjective is neither subject nor fronted object (迅猛发展 is never "develop rapid"), nor is a
                # quantifier alone ("a number of has support", "all"), nor a deadline (年底前完工: "by the end of
                # the year is completed").
                return
            if (m := _ADVERBS_BEFORE_BE.match(b)) is not None:
                # 项目如期完工: projects are completed on schedule; 资金及时到位: funds are promptly in place
                b = f"{'are' if plural(a) else 'is'} {m.group(1)}{b[m.end():]}"
            put(i, j, "s", Item(cost + 0.6, f"{a} {b}", subj=a, pred=b))
            verb = self.cells[k][j].get("v")
            if verb is not None and j == len(text) and not left.counted and not _agent(a) and not left.parts \
                    and not re.search(r" of \w+ing\b", a) \
                    and not verb.en.endswith(_DANGLING[1:]) and "v" not in self.cells[i][k]:
                # A topic before a bare verb that ends the segment is its object (重点项目加快推进 ->
                # speed up key projects), unless it names who acts (各部门落实 stays a subject) or is itself a
                # verb (宣传推介: publicize and promote, never "promote publicity"), nor is an activity's noun
                # ("support the policies of seeking support from higher authorities" for 向上争取政策支持).
                put(i, j, "vp", Item(left.cost + verb.cost + 0.5,
                                     f"{_finish(verb)} {with_article(a, left)} {verb.post}".strip()))
        elif lt == "v" and rt == "vp" and text[i:k] in _LIGHT_VERBS and not left.post \
                and (deverbal := self._deverbal_object(k, j)) is not None:
            # 加快培育新兴产业: a support verb before verb + object takes the verb's noun, and the object with "of"
            # (speed up the cultivation of emerging industries), never a compound ("cultivation emerging industries").
            put(i, j, "vp", Item(left.cost + deverbal.cost + 0.2, f"{a} {deverbal.en}"))
        elif lt == "v" and rt in ("v", "vp") and text[i:k] in _GERUND_OBJECT_VERBS:
            # 禁止克扣工资: prohibit withholding wages (the verb after is what is stopped).
            put(i, j, rt, Item(cost + 0.1, f"{a} {gerund(b)}", post=right.post))
        elif lt == "v" and rt == "s" and text[i:k] in _GERUND_OBJECT_VERBS and right.subj \
                and text[j - 2:j] in _OCCURRENCE_VERBS and not right.counted:
            # 防范安全事故发生: prevent safety accidents. The shape is a strong cue, cheaper than the noun fronted as
            # the object of the happening verb ("put an end to generating loopholes").
            put(i, j, "vp", Item(cost - 0.6, f"{a} {right.subj}"))
        elif lt == "v" and rt in ("v", "vp") and text[i:k] in _BARE_INFINITIVE:
            put(i, j, rt, Item(cost + 0.1, f"{_BARE_INFINITIVE[text[i:k]]} {b}", post=right.post))  # help solve
        elif lt == "np" and rt == "vH" and not left.counted and not _adjectival(a) and not a.endswith(" of"):
            head, verb = b, right.post
            preposition = _PURPOSE_HEADS[head.split()[-1].lower()]
            head = _the(head) if preposition == "of" else head  # the tough battle of attracting major projects
            # 项目建设推进机制: mechanisms for advancing project construction.
            # A list before the verb is its object as a whole (招商引资和项目建设推进机制), not its last item.
            put(i, j, "np", Item(cost + (0.2 if left.parts else 0.3), f"{head} {preposition} {_verb_ing(verb)} {a}",
                                 post="purpose"))
        elif lt == "v" and rt == "v" and text[i:k] not in _NOMINAL_ONLY_VERBS and not left.post \
                and (text[i:k] in self.lex.words or "RES" not in self.cells[k - 1][k]) \
                and not text[i:k].endswith(tuple(_GERUND_OBJECT_VERBS)) and not a.endswith(_DANGLING):
            # 谋划论证: plan and assess; two verbs of one English say it once (考核评估: assess).
            # A second verb with its own adverb (谋划基本实现) is less likely a pair than a clause object's verb.
            pair_cost = 0.1 if a == b else 0.5 + (0.5 if right.cost > 1.05 and left.cost <= 1.05 else 0.0)
            put(i, j, "v", Item(cost + pair_cost, a if a == b else f"{a} and {b}", post=right.post))
        elif lt == "vp" and rt == "vp" and k - i == j - k <= 4 and (text[i] == text[k] or text[k - 1] == text[j - 1]):
            # Paired verbs sharing a morpheme (抓实抓细, 早谋划早部署, 能快则快): "A and B".
            put(i, j, "vp", Item(cost + 0.3, f"{a} and {b}", (a, b)))
        elif lt == "vp" and rt == "vp" and k - i == j - k == 2 and left.cost <= 1.0 and right.cost <= 1.0:
            # Two two-character verb phrases make a four-character formula of two actions (提级扩面: upgrade and
            # expand coverage).
            put(i, j, "vp", Item(cost + 0.5, f"{a} and {b}", (a, b)))
        elif lt == "vp" and rt == "vp" and k - i == j - k == 4 and left.cost > 1.0 \
                and not ("np" in self.cells[i][k] and self.cells[i][k]["np"].cost < left.cost) \
                and not text[i:k].startswith(_CLAUSE_VERBS):
            # Two four-character verb phrases side by side are parallel (明确方向狠抓落实: define the direction and
            # press hard for implementation), not a means and its end; unless the first reads better as a noun, the
            # subject (新建项目尽快开工: new projects start construction, never "build projects and start ..."), or
            # the first is a verb that takes a clause (确保项目纳入规划 is never "ensure projects and include ...").
            put(i, j, "vp", Item(cost + 0.5, f"{a} and {b}", (a, b)))
        elif lt == "vp" and rt == "vp" and k - i >= 4 and left.cost <= 1.0 and b.split()[0] not in _INCLUSION_VERBS:
            # Serial verbs: a set formula of manner or means (one phrasebook entry), then the action (全力以赴抓项目);
            # never a composed verb phrase ("win major projects to attract ..."), nor a verb of including, whose
            # subject is what it includes ("seek projects to include in plans" for 争取项目纳入规划).
            put(i, j, "vp", Item(cost + 1.0, f"{a} to {b}"))
        elif lt == "np" and rt == "LOC":
            # 在项目建设上: the postposition closes the phrase; 在精细上: in precision, never "in meticulous".
            put(i, j, "npL", Item(cost + 0.1, self._quality_in_zai_shang(i, k, j, a) or a))
        elif lt == "adv" and rt == "LOC" and (quality := self._quality_in_zai_shang(i, k, j, a.removesuffix("ly"))):
            put(i, j, "npL", Item(cost + 0.3, quality))  # 在精准上下功夫: make efforts in precision
        elif lt == "P" and rt == "adv" and b.startswith(("by ", "before ")) and text[i:k] in _DEADLINE_COVERBS:
            put(i, j, "adv", Item(cost, b, post=right.post))  # 在6月底前: by the end of June
        elif lt == "P" and rt in ("np", "npL"):
            # A coverb's phrase is an adverbial after the verb phrase: 在X上下功夫 -> make efforts in X.
            put(i, j, "adv", Item(cost + 0.4, f"{a} {b}", post="P:" + text[i:k]))
        elif lt == "vp" and rt == "adv" and right.post[2:] in _POSTVERBAL \
                and not text[i:k].endswith(tuple(_GERUND_OBJECT_VERBS)):  # 严禁在X施工: what is banned follows
            # A coverb phrase after the verb (落实到X, 集中于X, 投身在X): "implement ... in/to X"; 到X上 is "on X"
            # (把精力放到项目上: put energy on projects).
            if right.post == "P:到" and text[j - 1] == "上" and b.startswith("to "):
                b = f"on {b[3:]}"
            put(i, j, "vp", Item(cost + 0.3, f"{a} {b}"))
        elif lt in ("v", "v+") and rt in ("CONJ", "VCONJ") and text[k:j] in ("、", "和", "与", "并", "及"):
            put(i, j, "v+", Item(cost, a, (*(left.parts or (a,)),), post=left.post))
        elif lt == "v+" and rt == "v" and bool(left.post) == bool(right.post):
            # Verbs sharing one object: 研究和解决X -> "study and solve X"; each verb's own manner comes after the
            # object (全方位盯紧、全时段抓紧X: ... X in all respects and around the clock). One verb's manner is never
            # the other's too (高标准规划、高质量建设: plan to high standards and build with high quality).
            post = right.post if left.post == right.post else f"{left.post} and {right.post}"
            put(i, j, "v", Item(cost + 0.1, join_list([*left.parts, b]), post=post))
        elif lt == "P" and rt == "vp" and text[i:k] in _GERUND_COVERBS:
            # A coverb before a verb phrase: 为推动发展提供保障 -> provide support for promoting development.
            # Marked apart from a coverb + noun phrase: "in starting construction" never follows a verb phrase.
            put(i, j, "adv", Item(cost + 0.6, f"{a} {_nominal(b) or gerund(b)}", post="PV:" + text[i:k]))
        elif lt == "P" and rt == "s" and text[i:k] == "为" and (acting := _acting(right)) is not None:
            # 为 before a clause naming who acts: what follows is done for it (为我县建设…注入动力: inject impetus
            # into the county building ...); a frame (为X做出贡献) says its own preposition.
            put(i, j, "adv", Item(cost + 0.9, f"for {acting}", post="P:为"))
        elif lt == "vp" and rt == "LOC" and (text[k:j] in ("中", "过程中") or text[k:j] == "上" and i > 0
                                            and text[i - 1] == "在" and not left.parts):
            # 在推进改革中: in advancing reform; 在优化营商环境上下功夫: make efforts in optimizing the business environment
            put(i, j, "npL", Item(cost + 0.3, gerund(a), post="vp"))
        elif lt == "vp" and rt == "PURP":
            put(i, j, "vpP", Item(cost + 0.1, a))
        elif lt == "P" and rt == "vp" and i == 0 and text[i:k] == "以" and "的" not in text[k:j] \
                and _nominal(b) is not None:  # 以X的责任担当 is "with X", never "so as to"
            # A segment that opens with 以 + a verb phrase states a purpose (以形成强大合力): "so as to ..." after the
            # verb phrase it serves; alone it is that verb phrase.
            if j == len(text):  # never the purpose of a verb phrase after it in the same segment
                put(i, j, "adv", Item(cost + 0.5, f"so as to {b}", post="after"))
            put(i, j, "vp", Item(cost + 0.9, b))
        elif lt == "vpP" and rt == "vp":
            put(i, j, "vp", Item(cost + 0.4, f"{a} to {b}"))  # 创新方式以提高效率: innovate methods to raise efficiency
        elif lt == "BA" and rt == "np":
            put(i, j, "OBJ", Item(cost + 0.2, b))
        elif lt == "OBJ" and rt == "v":
            put(i, j, "vp", Item(cost + 0.1, f"{b} {a} {right.post}".strip()))  # 把X抓好 -> focus on X
            verb, _, prep = b.rpartition(" ")
            if verb and prep in _MOVABLE_PREPOSITIONS and not right.post and not right.parts:
                # 把精力聚焦到项目上: the verb's preposition leads the place phrase ("focus energy on projects").
                put(i, j, "vpBA", Item(cost + 0.1, f"{verb} {a}", post=prep))
        elif lt == "vpBA" and rt == "adv" and right.post[2:] in _POSTVERBAL:
            put(i, j, "vp", Item(cost + 0.2, f"{a} {left.post} {b.split(' ', 1)[1]}"))
        elif lt == "np" and rt == "DE":
            put(i, j, "npDE", Item(cost, a, left.parts))
        elif lt == "np" and rt == "v" and plural(a) and not left.counted and not right.post and not right.parts \
                and text[j:j + 1] == _rules()["de"] and not is_adjective(a.split()[-1]):
            # 群众关心的问题: a subject and its transitive verb before 的, the noun being the verb's object.
            put(i, j, "sv", Item(cost + 0.6, f"{a} {b}"))
        elif lt == "sv" and rt == "DE":
            put(i, j, "vpDE", Item(cost + 0.1, a, post="that"))  # the problems that the people care for
        elif lt == "vpPROG" and rt == "DE":
            put(i, j, "vpDE", Item(cost + 0.1, a))  # the projects being built
        elif lt == "vp" and rt == "DE" and (participle := self._participle(i, k)) is not None:
            put(i, j, "vpDE", Item(cost + 0.1, participle))  # 遇到的问题: the problems encountered
        elif lt == "vp" and rt == "DE" and (passive := _passive_ability(a)) is not None:
            put(i, j, "vpDE", Item(cost + 0.1, passive, post="that"))  # 可复制的经验: experience that can be replicated
        elif lt == "S" and rt == "DE" and " means " in a:
            put(i, j, "vpDE", Item(cost + 0.2, a, post="that"))  # 抓项目就是抓发展的理念: the concept that ... means ...
        elif lt == "vp" and rt == "DE" and a.startswith(("can ", "be able to ")) and not left.parts:
            # 能打硬仗的队伍: a team that can fight tough battles
            put(i, j, "vpDE", Item(cost + 0.1, "can " + a.removeprefix("can ").removeprefix("be able to "),
                                   post="that"))
        elif lt in ("vp", "s") and rt == "DE" and a.split()[0] not in _AUXILIARIES:
            if lt == "s":  # a clause of its own: its verb agrees ("the urgency that project progress takes effect")
                put(i, j, "vpDE", Item(cost + 0.1, _agreeing(left), post="that"))
                if (acting := _acting(left)) is not None:
                    # Who acts and what they do (全县共同抓项目的合力): the synergy of the whole county jointly
                    # focusing on projects.
                    put(i, j, "vpDE", Item(cost + 0.05, acting, post="of"))
            else:  # every verb of a list takes -ing: focusing on projects and pushing projects forward
                # An adverb before a list kept no items: each conjunct's verb still takes -ing ("jointly focusing on
                # projects and pushing projects", never "... and push projects").
                put(i, j, "vpDE", Item(cost + 0.1, join_list([gerund(p) for p in left.parts]) if left.parts
                                       else gerund_phrase(a, english_verbs(), english_adverbs()) if " and " in a
                                       else gerund(a), post="of"))
        elif lt == "vp" and rt == "JI" and not left.parts and text[i:k] in self.lex.words:
            put(i, j, "vpJI", Item(cost + 0.1, a))
        elif lt == "vpJI" and rt == "vp" and not right.parts and (after := _nominal(a) or gerund(a)):
            put(i, j, "vp", Item(cost + 0.3, f"{b} immediately after {after}"))  # 签约即开工
        elif lt == "PROS" and rt in ("v", "vp") and not right.parts:
            if rt == "v" and (done := self._participle(k, j)) is not None:
                put(i, j, "vpPROS", Item(cost + 0.2, f"to be {done}"))  # 拟观摩: to be observed
            elif rt == "vp" and "v" not in self.cells[k][j]:
                put(i, j, "vpPROS", Item(cost + 0.3, f"planned to {b}"))  # 拟开工: planned to start construction
        elif lt == "PROG" and rt == "v" and text[j:j + 1] == _rules()["de"] \
                and (done := self._participle(k, j)) is not None:
            put(i, j, "vpPROG", Item(cost + 0.1, f"being {done}"))  # 正在建设(的): being built
        elif lt == "vpPROS" and rt == "np" and not right.counted and not _adjectival(b):
            put(i, j, "np", Item(cost + 0.2, f"{b} {a}"))  # (the) projects to be observed
        elif lt == "npL" and rt == "np" and text[k - 1] == "中" and not left.post and not right.counted \
                and a.split()[-1].endswith((*_DEVERBAL_SUFFIXES, "work", "progress")) \
                and not right.parts and " of " not in b and not b.startswith(("the ", "a ", "an ")) \
                and not b.split()[0].endswith("ing"):
            # 项目建设中宣传工作: publicity work in project construction. Only an action's noun is where a thing is:
            # 井陉县中医院 is a hospital of traditional medicine, never "a hospital in Jingxing County".
            put(i, j, "np", Item(cost + 0.5, f"{b} in {a}"))
        elif lt == "npL" and rt == "DE" and not left.post and (where := _LOCATED.get(_postposition(text[i:k]))):
            put(i, j, "npLDE", Item(cost + 0.1, f"{where} {a}"))  # 项目建设中的: in project construction
        elif lt == "P" and rt == "npDE" and text[i:k] in _NOUN_COVERBS and not right.post:
            put(i, j, "npLDE", Item(cost + 0.2, f"{a} {b}"))  # 与上级部门的: with higher authorities
        elif lt == "npLDE" and rt == "np" and not right.counted and not only_adjective(b):
            put(i, j, "np", Item(cost + 0.2, f"{_the(b)} {a}"))  # the difficulties in project construction
        elif lt == "npL" and rt == "vpDE" and not right.post and not left.post:
            put(i, j, "vpDE", Item(cost + 0.3, f"{b} in {a}"))  # 在建设中遇到的: encountered in construction
        elif lt == "npL" and rt == "npDE" and b.endswith("ing") and " " not in b and not left.post:
            put(i, j, "vpDE", Item(cost + 0.3, f"{b} in {a}"))  # 过程中存在的: existing in the process
        elif lt in ("vpDE", "npDE") and (only_adjective(b) or (not left.post and " " not in b and is_adjective(b))):
            return  # an adjective heads no noun phrase: 在试点的基础上 is never "the basic of piloting"
        elif lt == "vpDE" and rt == "np":
            # 推进落地的紧迫感 -> the urgency of advancing ...; 群众关心的问题 -> the problems that people care about
            put(i, j, "np", Item(cost + 0.4, f"{_the(b)} {left.post} {left.en}"))
        elif lt == "DET" and rt == "np" and not b.startswith(("the ", "a ", "an ", "all ", "this ", "these ")):
            det = _PLURAL_DETERMINER.get(a, a) if plural(b) else a
            if a == "a":  # 一场攻坚战: a tough battle; 一项任务: a task
                if right.counted or right.parts or " of " in b:
                    return
                b = modifier(b) if plural(b) else b
                det = "an" if b[:1].lower() in "aeio" else "a"
            put(i, j, "np", Item(cost, f"{det} {b}", counted=right.counted))  # 这两个项目: these two projects
        elif lt == "npDE" and rt == "np":
            pair = left.parts or (a.split(" and ") if " and " in a else ())  # 切实可行: practical and feasible
            if (_adjectival(a) or pair and all(map(_adjectival, pair))) and not left.counted:
                if right.parts:
                    return  # an adjective modifies the nearest noun, not a whole list after it
                # An adjective before 的 modifies the noun (高效的行动, 强力的措施): "efficient actions".
                put(i, j, "np", Item(cost + 0.1, f"{a} {b}", counted=right.counted))
            else:
                put(i, j, "np", Item(cost + 0.1, f"{_the(b)} of {a}"))
        elif lt == "num" and rt == "np" and not right.counted:
            # A counted number word needs a plural noun head: never "three major tough battle", "three a number of";
            # a singular count noun takes its plural (六个行动: six actions).
            if b.startswith(("a ", "an ", "the ")):
                return
            if a.endswith(" of") and text[k:j] not in self.lex.words and (" " in b and not right.parts or " of " in b):
                return  # 四类村庄集约布局: "four types of" counts the nearest noun, never a compound after it
            b = _COUNTED_SENSES.get(text[k:j], b)  # 三项工作: three tasks
            if not (a[:1].isdigit() or plural(b)):
                b = _pluralized(b) or ""
            if b:
                put(i, j, "np", Item(cost, f"{a} {b}", counted=True))
        elif lt == "np" and rt == "num" and not left.counted \
                and not any(text[j:m] in self.lex.words for m in range(j + 1, min(len(text), j + 4) + 1)):
            # 重点项目28个: 28 key projects; a count before a noun counts that noun (保障三项工作: never "three support")
            put(i, j, "np", Item(cost + 0.1, f"{b} {a}", counted=True))
        elif lt == "np" and rt == "HUA" and left.cost <= 1.0 and " " not in a and not only_adjective(a):
            # 清单化: a way of working ("on a list basis", after the verb) or a modifier ("list-based").
            put(i, j, "adv", Item(cost + 0.3, f"on a {modifier(a)} basis", post="after"))
            put(i, j, "np", Item(cost + 0.5, f"{modifier(a)}-based"))
        elif lt == "adv" and rt == "HUA" and left.cost <= 1.0 and (adjective := adjective_of_adverb(a)) is not None:
            put(i, j, "np", Item(cost + 0.3, adjective))  # 精准化(的服务): precise (services)
        elif lt in ("np", "num") and rt == "APPROX" and (left.counted or lt == "num") and a[:1].isdigit():
            put(i, j, "np", Item(cost + 0.1, f"{b} {a}", counted=True))  # 16个项目以上: more than 16 projects
        elif lt == "np" and rt == "APPROX" and a[:1].isdigit() and a.endswith(" yuan"):
            # An amount: 5亿元以上 -> more than 500 million yuan; before a noun, what the noun is worth (below).
            put(i, j, "np", Item(cost + 0.1, f"{b} {a}", post="amount"))
        elif lt in ("np", "vp") and rt == "ETC":
            put(i, j, lt, Item(cost + 0.1, left.en, left.parts))
        elif (lt, rt) in (("np", "CONJ"), ("vp", "VCONJ")):
            put(i, j, lt + "+", Item(cost, a, left.parts or (a,)))
        elif lt == "s" and rt == "VCONJ" and text[k:j] == "、" and (have := _have(left)):
            put(i, j, "vp+", Item(cost + 0.3, have, (have,)))  # 领导带头、…: have leaders take the lead, ...
        elif lt == "vp+" and rt == "s" and (have := _have(right)):
            parts = (*left.parts, have)  # 细化责任、领导带头: refine responsibilities, have leaders take the lead
            put(i, j, "vp", Item(cost + 0.35, join_list(parts), parts))
        elif lt == "np+" and rt == "vp" and not right.parts and len(left.parts) >= 2 and (ing := _nominal(b)):
            # The last of a list of nouns is an action (在制度创新、要素保障、推动实效上): its -ing form joins the list.
            parts = (*left.parts, ing)
            put(i, j, "np", Item(cost + 0.4, join_list(parts), parts))
        elif (lt, rt) in (("np+", "np"), ("vp+", "vp")):
            head, _, owner = b.rpartition(" of ")
            if rt == "np" and head and not right.parts and all(map(_body, left.parts)) and _body(owner):
                # 省委、市委决策部署: the list of bodies owns the head with the last of them ("the decisions and plans
                # of the provincial Party committee and the municipal Party committee"), never "provincial Party
                # committee and decisions and plans of ...".
                owners = [_the(part) for part in (*left.parts, owner)]
                put(i, j, "np", Item(cost + 0.1, f"{_the(head)} of {join_list(owners)}"))
                return
            parts = (*left.parts, *(right.parts or (b,)))
            if rt == "np" and len({_adjectival(part) for part in parts}) > 1:
                return  # nouns and adjectives are no list: never "political stance and stronger"
            if rt == "np" and _closed_by_deng(b, text[k:j]):
                return  # 金融、物流、仓储等配套服务: 等 closes the whole list, never only its last item
            first = b.split()[0]
            if rt == "np" and only_adjective(first) and first in a.split()[1:]:
                return  # parallel items share their shape: 项目[早建成、早投产], never [project early completion], early ...
            put(i, j, rt, Item(cost + 0.05, join_list(parts), parts))

    def _quality_in_zai_shang(self, i: int, k: int, j: int, adjective: str) -> str | None:
        """The quality noun of an adjective between 在 and 上 (在精准上: in precision; grammar.toml quality_nouns)."""
        if i > 0 and self.text[i - 1] == "在" and self.text[k:j] == "上":
            return _QUALITY_NOUNS.get(adjective)
        return None

    def _deverbal_object(self, k: int, j: int) -> Item | None:
        """text[k:j] as a verb with a one-word noun reading and its object: "the cultivation of emerging industries";
        None where the span is itself a common word or the object is a verb too (督导考核: supervision and assessment)."""
        text = self.text
        if text[k:j] in _boundary_words():
            return None
        for m in range(k + 2, j - 1):
            verb, noun, obj = self.cells[k][m].get("v"), self.cells[k][m].get("np"), self.cells[m][j].get("np")
            if verb is None or noun is None or obj is None or text[k:m] not in self.lex.words \
                    or "v" in self.cells[m][j] \
                    or " " in noun.en or noun.parts or obj.counted or only_adjective(_finish(obj)) \
                    or not noun.en.endswith(_DEVERBAL_SUFFIXES) \
                    or _head_word(_finish(obj)) in _COMPOUND_HEADS:
                continue
            return Item(noun.cost + obj.cost, f"the {noun.en} of {with_article(_finish(obj), obj)}")
        return None

    def _participle(self, i: int, k: int) -> str | None:
        """A transitive verb alone before 的 modifies the noun as its object: its past participle
        ("encountered", "planned"), the rest of its English kept ("carried out")."""
        verb = self.cells[i][k].get("v")
        if verb is None or verb.post or verb.parts:
            return None
        first, _, rest = verb.en.partition(" ")
        if rest.split()[:1] and rest.split()[0] not in ("up", "out", "forward", "in", "on", "for", "with", "to"):
            return None  # "speed up the development of": no participle reads as a modifier
        participle = past_participle(first)
        return f"{participle} {rest}".strip() if participle else None

    def _apply_frame(self, i: int, j: int, frame: Frame, slots: list[tuple[str, str, int, int]]) -> None:
        # A frame that is only a verb before its noun slot (确保{X:np}) is worth what a verb and its object are, so it
        # does not outbid the grammar's readings of the slot; nor does one of a verb that takes a clause first
        # (确保{X:vp} "make sure to": 确保项目推进 -> ensure projects advance). A frame with words around its slots,
        # or a set formula before a verb phrase (全力以赴{X:vp}), is one reading and cheap.
        prefix_only = len(frame.parts) == 2 and isinstance(frame.parts[0], str)
        cost = 1.1 if prefix_only and (frame.parts[1][1] == "np" or frame.parts[0] in _CLAUSE_FIRST_VERBS) else 0.2
        fills: dict[str, str] = {}
        for name, kind, a, b in slots:
            item = self.cells[a][b].get(kind)
            enclosed = i < a and b < j  # the frame's own words on both sides: 把{X}作为…, not {X}落地 or 以{X}
            verb_phrase = self.cells[a][b].get("vp") if item is None and kind == "np" and enclosed else None
            if verb_phrase is not None and (nominal := _nominal(_finish(verb_phrase))) is not None:
                # A verb phrase fills a noun slot as its -ing form: 把促进农民增收作为中心任务 -> treat
                # raising farmers' incomes as the central task.
                item = Item(verb_phrase.cost + 0.5, nominal)
            clause = self.cells[a][b].get("s") if item is None and kind == "np" and enclosed else None
            if clause is not None and (acting := _acting(clause)) is not None:
                # A clause naming who acts fills a noun slot with its subject and -ing form: 为兴山实现目标做出贡献 ->
                # make contributions to Xingshan achieving its targets.
                item = Item(clause.cost + 0.6, acting)
            if item is None or item.en.endswith(" of") or (kind == "np" and only_adjective(item.en)):
                return  # a quantifier alone ("a number of") fills no slot, nor does an adjective ("successful")
            if kind == "np" and " " not in item.en and is_adjective(item.en):
                cost += 1.5  # a word that may be an adjective fills a noun slot last (具体实施方案: never "... for specific")
            fill = _finish(item)
            if fill.lower() in _DETERMINER_WORDS:
                return  # 推进{X}改革 with X = 各项 "all": never "the reform of all"
            before = frame.en.split("{" + name + "}")[0].split()[-3:]
            if any(len(word) > 4 and word in fill.split() for word in before):
                return  # 加快推进{X}建设 with X = 项目开工: never "the construction of the start of project construction"
            cost += item.cost
            fills[name] = fill
        en = frame.en
        for name, value in fills.items():
            slot = "{" + name + "}"
            if plural(value) and not value.split()[0].endswith("ing"):
                # "ensure {X} is completed", "{X} starts" with X = "all tasks": are, start ("focusing on
                # projects" is one activity: singular).
                # Not after a preposition: in "focusing on {X} means", {X} is no subject.
                en = re.sub(r"(?<!\bon )(?<!\bof )(?<!\bfor )(?<!\bin )(?<!\bto )(?<!\bwith )(?<!\bby )"
                            + re.escape(slot) + r" ([a-z]+)\b",
                            lambda m, slot=slot: f"{slot} {plural_agreement(m.group(1))}", en)
            en = en.replace(slot, value)
        self.put(i, j, frame.result, Item(cost, en))


_OF_OBJECT = re.compile(r"(.+?) the ([\w-]+(?: [\w-]+)?) of")
_DANGLING = (" of", " for", " to", " with", " into", " from", " at", " on", " in", " as", " by")
_GERUND_AFTER = (" on", " of", " in", " for", "keep", "insist on")
_TO_GERUND = frozenset(_rules()["to_gerund"])
_PREVERBAL = frozenset(_rules()["preverbal_first_words"])
_POSTVERBAL = frozenset(_rules()["postverbal_coverbs"])
_PIVOT: dict[str, str] = _rules()["pivot"]
_AGENT_PIVOTS = frozenset(_rules()["agent_pivots"])
_PURPOSE_HEADS: dict[str, str] = _rules()["purpose_heads"]
# Measure words a count keeps in English (grammar.toml kept_measures: 四类村庄 four types of villages).
_KEPT_MEASURES: dict[str, str] = _rules()["kept_measures"]
_CN_COUNT = re.compile(f"([两二三四五六七八九十])(个|项|条|{'|'.join(_KEPT_MEASURES)})")
_DISTRIBUTIVE_UNITS: dict[str, str] = _rules()["distributive_units"]
_DISTRIBUTIVE = re.compile("分(" + "|".join(sorted(_DISTRIBUTIVE_UNITS, key=len, reverse=True)) + ")")
_PERIODIC: dict[str, str] = _rules()["periodic_prefixes"]
_DISTRIBUTIVE_EN = re.compile(r"(?:by|in) \w+")  # by zone, in batches: a unit-by-unit manner
_MOVABLE_PREPOSITIONS = frozenset({"on", "to", "in", "into", "with", "at"})
# The particle or preposition of a phrasal verb ("deliberate on", "carry out"), which a second verb may follow.
_VERB_PARTICLES = frozenset({"on", "to", "in", "into", "with", "at", "up", "out", "for", "over", "off"})
_BARE_INFINITIVE: dict[str, str] = _rules()["bare_infinitive"]
_LIGHT_VERBS = frozenset(_rules()["light_verbs"])
_ADJECTIVE_NOUNS: dict[str, str] = _rules()["adjective_nouns"]
_ADJECTIVES_LONGEST_FIRST = tuple(sorted(_ADJECTIVE_NOUNS, key=len, reverse=True))
_QUALITY_NOUNS: dict[str, str] = _rules()["quality_nouns"]
_NOMINAL_ONLY_VERBS = frozenset(_rules()["nominal_only_verbs"])
_GERUND_OBJECT_VERBS = frozenset(_rules()["gerund_object_verbs"])


def _pivot_template(zh: str, en: str) -> str | None:
    """The pivot template for a verb, or for a list of verbs whose last is a pivot verb (the list's English
    replaces the pivot's own verb), else None."""
    if zh in _PIVOT:
        return _PIVOT[zh]
    for verb, template in _PIVOT.items():
        own = template.split(" {X}")[0]
        if len(zh) > len(verb) + 1 and zh.endswith(verb) and en.endswith(f" and {own}"):
            return en + template[len(own):]
    return None


_STATE_VERBS = frozenset(_rules()["state_verbs"])
_OF_HEADS = frozenset(_rules()["of_heads"])
_FRONT_ADJECTIVES = frozenset(_rules()["front_adjectives"])
_MODIFIER_SENSES: dict[str, str] = _rules()["modifier_senses"]
_GERUND_MODIFIER_HEADS = frozenset(_rules()["gerund_modifier_heads"])
# A numbered body's session (numbers.toml: "2nd session of the 17th People's Congress") takes its owner inside.
_NUMBERED_BODY = re.compile(r"(\d+(?:st|nd|rd|th) [a-z ]+ of the \d+(?:st|nd|rd|th) )")
_UNIT_WORDS: dict[str, str] = _rules()["body_owner_units"]
_PLAN_VERBS = ("plan to ", "strive to ", "aim to ")
# A count inside a noun phrase: not a year, not an amount or measure (500 million yuan, 100-day, 30%).
_COUNT_INSIDE = re.compile(r"(?<![\w.,-])(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?(?![\w.,%-]| (?:million|billion|trillion|"
                           r"thousand|yuan|mu|hectares|square|kilometers|meters|tons|kilowatts|households|km))")
_BODY_HEADS = frozenset(_rules()["body_heads"])
_OCCURRENCE_VERBS = frozenset(_rules()["occurrence_verbs"])
_ADVERBS_BEFORE_BE = re.compile(r"((?:\w+ly |not )*)be ")  # "be in place", "promptly be in place", "not be less"
_NOUN_COVERBS = frozenset(_rules()["noun_coverbs"])
_COUNTED_SENSES: dict[str, str] = _rules()["counted_senses"]
_INCLUSION_VERBS = frozenset(_rules()["inclusion_verbs"])
_LOCATED: dict[str, str] = _rules()["located_postpositions"]
_POSTPOSITIONS_LONGEST_FIRST = tuple(sorted(_rules()["postpositions"], key=len, reverse=True))
_GUIDING_PRINCIPLE_SOURCES = frozenset(_rules()["guiding_principle_sources"])
_SPIRIT_ZH, _SPIRIT_EN = "精神", "guiding principles"
_NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence")  # only ever a noun's (prevention, management)
_DEVERBAL_SUFFIXES = (*_NOMINAL_SUFFIXES, "ing", "ure", "al", "sis")
_COMPOUND_HEADS = frozenset(_rules()["compound_heads"])
# The list mark between single administrative unit words (省、市、县): they run together as one modifier.
_UNIT_LIST_MARK = re.compile(f"(?<=[{_rules()['admin_run_units']}])、(?=[{_rules()['admin_run_units']}]"
                             f"(?:[^{_rules()['admin_run_units']}]|$))")
# English words that open a noun phrase with its own determiner: it takes no article, and no adjective moves before it.
_DETERMINER_WORDS = frozenset({"all", "various", "the", "a", "an", "every", "each", "this", "that", "these", "those",
                               "some", "other", "its", "their", "our", "one"})
_CLAUSE_FIRST_VERBS = frozenset(_rules()["clause_first_verbs"])
_CLAUSE_VERBS = tuple(_rules()["clause_verbs"])  # verbs that take a clause (确保, 力争 ...), for str.startswith
_CAUSATIVE_VERBS = frozenset(_rules()["causative_verbs"])
_DEADLINE_COVERBS = frozenset(_rules()["deadline_coverbs"])
_GERUND_COVERBS = frozenset(_rules()["gerund_coverbs"])
_AGENTS = re.compile(r"\b(?:" + "|".join(_rules()["agent_heads"]) + r")$", re.IGNORECASE)


def _acting(clause: Item) -> str | None:
    """A clause that names who acts (a place, a body, a unit, the whole county) as its subject and -ing form ("the whole
    county jointly focusing on projects"), or None: a state, a forecast or "the people" as subject reads otherwise."""
    subject, predicate = clause.subj, clause.pred
    if not subject or not predicate or predicate.startswith(("is ", "are ", "will ")) \
            or subject.startswith("the people"):
        return None
    if not (_named(subject) or _agent(subject) or subject.startswith("the whole ")
            or subject.lower().removeprefix("the ") in _UNIT_WORDS):
        return None
    return f"{subject} {gerund_phrase(predicate, english_verbs(), english_adverbs())}"


def _undergoer(clause: Item) -> bool:
    """A clause whose verb is one of including before "in"/"into" (更多项目纳入规划: projects "bring into" plans, where
    the projects are what is brought; grammar.toml inclusion_verbs): read actively, it would say the opposite."""
    words = (clause.pred or "").split()
    return len(words) > 2 and words[0] in _INCLUSION_VERBS and words[1] in ("in", "into")


def _body(np: str) -> bool:
    """An organ of state or Party (the county people's procuratorate, the municipal government), by its head word."""
    return _head_word(np).lower() in _BODY_HEADS


def _agent(np: str) -> bool:
    """Whether a noun phrase names who acts (departments, officials, the people): a subject, not a topic."""
    return bool(_AGENTS.search(np.split(" of ")[0].split(" at ")[0].strip('"')))
_ENUMERATION = re.compile(_rules()["enumeration"])  # verbs whose "to" is a preposition: adhere to doing
# Plural nouns that stay plural as modifiers, and singular nouns that end in s.
_NOT_PLURAL = re.compile(r"(ss|us|is|ics|ness|sis|news|[^s]'s)$")
_KEEP_PLURAL_MODIFIER = frozenset(_rules()["plural_modifiers"])


def plural(np: str) -> bool:
    """Whether an English noun phrase is plural: a list, "all/many/various ...", or a plural head noun."""
    words = np.replace('"', "").split()
    if not words:
        return False
    if " and " in f" {np} " and " of " not in np:
        return True
    if words[0].lower() in ("all", "various", "many", "several", "these", "those", "both") or \
            (words[0][:1].isdigit() and words[0] != "1"):
        return True
    return _plural_head(np.split(" of ")[0].split(" that ")[0])


def _pluralized(np: str) -> str | None:
    """The noun phrase with its head noun in the plural (major project -> major projects, the importance of X
    stays out), or None where the head is no singular count noun."""
    if " of " in np or " that " in np or " and " in np or not np.split():
        return None
    *rest, head = np.split()
    many = plural_noun(head)
    return " ".join([*rest, many]) if many else None


def _plural_head(np: str) -> bool:
    head = np.split()[-1].strip('"').lower() if np.split() else ""
    if head in _PLURAL_WITHOUT_S:
        return True
    return head.endswith("s") and not _NOT_PLURAL.search(head) and len(head) > 3


_PLURAL_WITHOUT_S = frozenset(_rules()["plural_without_s"])  # the people are, the police are


def modifier(np: str) -> str:
    """A noun as a modifier of another noun is singular in English: projects + construction -> project
    construction (only a one-word plural head is changed; "affairs", "sales" stay)."""
    words = np.split()
    if len(words) > 3 or not _plural_head(words[-1]) or words[-1].lower() in _KEEP_PLURAL_MODIFIER or " and " in np:
        return np
    last = words[-1]
    if (known := singular_noun(last)) is not None and last.islower():
        last = known  # heroes -> hero, tomatoes -> tomato
    elif last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith(("sses", "shes", "ches", "xes")) or (last.endswith("oes") and len(last) > 5):
        last = last[:-2]  # taxes -> tax, potatoes -> potato (shoes stays shoe)
    else:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def with_article(np: str, item: Item) -> str:
    """A bare singular count noun as an object takes "a": establish a long-term mechanism. A quoted numbered
    slogan takes "the": implement the "five major projects"."""
    if np[:1] == '"' and item.counted:
        return f"the {np}"
    if item.parts or item.counted or plural(np) or np[:1] in ('"',) or np[:1].isdigit():
        return np
    first = np.split()[0].lower()
    if first in _DETERMINER_WORDS:
        return np
    head = np.split(" of ")[0].split()[-1].lower()
    if head not in _COUNT_HEADS:
        return np
    return ("an " if first[:1] in "aeio" else "a ") + np


_COUNT_HEADS = frozenset(_rules()["count_heads"])


def gerund(vp: str) -> str:
    """The verb phrase's first verb in -ing form: "attract investors" -> "attracting investors"."""
    verb, _, rest = vp.partition(" ")
    if rest and (verb in ("not", "never") or verb in _PREVERBAL
                 or "ADV" in (classes := word_classes(verb)) and "VERB" not in classes):
        return f"{verb} {gerund(rest)}"  # not being interrupted, already grasping: never "alreadying"
    if rest.startswith("and ") and (second := rest[4:].split(" ")[0]) in english_verbs() \
            and "VERB" in word_classes(second) and second not in _AUXILIARIES:
        rest = f"and {gerund(rest[4:])}"  # one entry of two verbs (组织实施 "organize and implement"): both take -ing
    if (known := present_participle(verb)) is not None:
        return f"{known} {rest}".strip()
    if verb.endswith("ie"):
        ing = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        ing = verb[:-1] + "ing"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", verb) and len(verb) <= 4:
        ing = verb + verb[-1] + "ing"  # one-syllable CVC: set -> setting, plan -> planning
    else:
        ing = verb + "ing"
    return f"{ing} {rest}".strip()


def _verb_ing(verbs: str) -> str:
    """A verb or a list of verbs in -ing form: "assess and evaluate" -> "assessing and evaluating"."""
    parts = re.split(r"(, | and )", verbs)
    return "".join(part if n % 2 else gerund(part) for n, part in enumerate(parts))


def gerund_phrase(vp: str, verbs: frozenset[str], adverbs: frozenset[str] = frozenset()) -> str:
    """A rendered verb phrase as a gerund phrase, for "called for ...": every coordinated verb that
    opens a conjunct (after ", " or " and ") and has words after it takes -ing: "lock in targets and
    fulfill tasks" -> "locking in targets and fulfilling tasks". Adverbs before the verb keep their
    form and pass the opening on ("efficiently advancing", never "efficientlying advance")."""
    tokens = vp.split(" ")
    out: list[str] = []
    opens = True
    for n, token in enumerate(tokens):
        adverb = is_adverb(token, adverbs)
        # An action's noun, "and", a word, "and": two nouns (epidemic prevention and control and ...), no verb.
        noun_pair = n >= 2 and tokens[n - 1] == "and" and tokens[n - 2].endswith(_NOMINAL_SUFFIXES) \
            and n + 1 < len(tokens) and tokens[n + 1] == "and"
        if opens and not adverb and token in verbs and token not in _PREPOSITIONS and n + 1 < len(tokens) \
                and not token.endswith(",") and not noun_pair:
            out.append(gerund(token))
            opens = False
            continue
        if token.endswith(",") and token[:-1] in verbs and n >= 2 and out[-1] == "and" \
                and out[-2].endswith("ing") and tokens[n - 2] in verbs:
            out.append(gerund(token[:-1]) + ",")  # "organizing and implement," is one pair of verbs
            opens = True
            continue
        out.append(token)
        opens = token in ("and", "further") or token.endswith(",") or (opens and adverb)
    return " ".join(out)


# Subjects that report what an event did (会议, 大会, 全会): their verb phrase is a statement in the past.
_EVENT_SUBJECT = re.compile(r"the (?:[\w-]+ ){0,4}(?:meeting|session|conference|congress|forum|symposium)")


def _past(vp: str) -> str | None:
    """The verb phrase in the simple past (its first verb, after any adverbs), or None without a verb."""
    words = vp.split()
    for k, word in enumerate(words):
        if "VERB" in word_classes(word) and (k == 0 or is_adverb(words[k - 1])):
            words[k] = past_tense(word)
            # A pair of verbs shares the tense: discussed and adopted, deliberated on and adopted.
            m = k + 2 if k + 1 < len(words) and words[k + 1] in _VERB_PARTICLES else k + 1
            if m + 1 < len(words) and words[m] == "and" and words[m + 1] in english_verbs():
                words[m + 1] = past_tense(words[m + 1])
            return " ".join(words)
        if not is_adverb(word):
            return None
    return None


def _have(clause: Item) -> str | None:
    """A clause whose subject names who acts, as an item of a list of directives: "have leaders take the lead"."""
    if not clause.subj or not clause.pred or not _agent(clause.subj) or clause.pred.startswith(("is ", "are ", "will ")):
        return None
    who = clause.subj if plural(clause.subj) or clause.subj.lower().startswith(("the ", "all ")) else _the(clause.subj)
    return f"have {who} {clause.pred}"


def _as_noun(np: str) -> str:
    """A noun phrase that ends in the adjective of a noun word as that noun: economic -> the economy, rural
    economic -> rural economy (grammar.toml adjective_nouns)."""
    if np in _ADJECTIVE_NOUNS:
        return _ADJECTIVE_NOUNS[np]
    for adjective in _ADJECTIVES_LONGEST_FIRST:  # "economic and social" before "social"
        if np.endswith(f" {adjective}"):
            return f"{np[: -len(adjective)]}{_ADJECTIVE_NOUNS[adjective].removeprefix('the ')}"
    return np


def _named(np: str) -> bool:
    """A noun phrase that opens with a proper name (Jiande people's congress): a common noun before it modifies
    nothing ("adjustment Jiande ..." is no compound)."""
    first = np.split()[0].strip('"') if np.split() else ""
    return first[:1].isupper() and first not in _CAPITALIZED_COMMON


_CAPITALIZED_COMMON = frozenset(_rules()["capitalized_common"])


def _adjective_headed(np: str) -> bool:
    """A noun phrase whose last word is only an adjective: no object ("advance the construction of socialist new
    rural and harmonious social" has no noun to advance)."""
    words = np.split()  # a participle ends a noun phrase well: "the problems encountered"
    return bool(words) and not np.endswith('"') and word_classes(words[-1]) == {"ADJ"}


def _perfect(vp: str) -> str | None:
    """A verb phrase in the perfect after "already": start construction -> already started construction; None for a
    transitive head waiting for its object or a word with no participle."""
    verb, _, rest = vp.partition(" ")
    if vp.endswith(_DANGLING) or (participle := past_participle(verb)) is None:
        return None
    return f"already {participle} {rest}".strip()


def _passive_ability(vp: str) -> str | None:
    """"can replicate and can promote" (可复制可推广, no object) as "can be replicated and promoted", or None."""
    verbs = [part.removeprefix("can ") for part in vp.split(" and ")]
    if not vp.startswith("can ") or any(" " in verb or past_participle(verb) is None for verb in verbs):
        return None
    return "can be " + join_list([past_participle(verb) or verb for verb in verbs])


def _state(subject: str, adjective: str, cost: float) -> Item:
    """A noun and what it is: "project progress is orderly", "projects are efficient and orderly"."""
    pred = f"{'are' if plural(subject) else 'is'} {adjective}"
    return Item(cost + 0.6, f"{subject} {pred}", subj=subject, pred=pred)


def _is_state(pred: str) -> bool:
    """A predicate that states a quality ("is orderly", "are satisfied"), not a passive event ("are launched
    early", "is completed on schedule"): only a state follows 确保 and its kind, not 希望 or 推动."""
    words = pred.split()
    if len(words) < 2 or words[0] not in ("is", "are"):
        return False
    second = words[1]
    return not (len(words) > 2 and "VERB" in word_classes(second) and second.endswith(("ed", "en", "t")))


def _adjectival(np: str) -> bool:
    """An adjective standing as a noun phrase (efficient, higher, more solid)."""
    return is_adjective(np) or (np.startswith("more ") and is_adjective(np[5:]))


def _agreeing(clause: Item) -> str:
    """A clause item's English with its verbs agreeing with a singular subject (takes, advances; "gets off to a good
    start and makes a good start")."""
    if not clause.subj or not clause.pred or plural(clause.subj):
        return clause.en
    verb, _, rest = clause.pred.partition(" ")
    if verb in ("is", "are", "was", "were", "will", "can", "should", "must") or "VERB" not in word_classes(verb):
        return clause.en
    words = rest.split(" ")
    for n in range(len(words) - 1):  # the verb that opens each further conjunct agrees too
        if words[n] == "and" and words[n + 1] in english_verbs() and "VERB" in word_classes(words[n + 1]):
            words[n + 1] = third_person(words[n + 1])
    return f"{clause.subj} {third_person(verb)} {' '.join(words)}".strip()


def _nominal(vp: str) -> str | None:
    """A verb phrase as a noun (its -ing form, every conjunct's verb too), or None where it has none:
    "efficiently advance tasks" -> "efficiently advancing tasks"; "form and can replicate" -> None."""
    words = vp.split()
    if any(word in _AUXILIARIES for word in words):
        return None
    nominal = gerund_phrase(vp, english_verbs(), english_adverbs())
    return nominal if nominal != vp else None


_PREPOSITIONS = frozenset({"without", "with", "for", "in", "on", "by"})  # open some vp entries, never -ing
_LY_VERBS = frozenset({"apply", "rely", "supply", "comply", "multiply", "reply", "rally", "ally", "tally", "fly",
                       "bully", "sully"})


def is_adverb(token: str, adverbs: frozenset[str] = frozenset()) -> bool:
    """A word that modifies the verb after it: an -ly word that is not a verb, or a one-word `adv` entry."""
    word = token.lower()
    return word in adverbs or (word.endswith("ly") and len(word) > 4 and word not in _LY_VERBS)


@cache
def english_adverbs() -> frozenset[str]:
    """One-word English of the phrasebook's `adv` entries (always, again, jointly ...)."""
    book = load_phrasebook()
    found = {"always", "again", "never", "still", "also", "further", "first", "together"}
    for types in book.words.values():
        en = types.get("adv", "")
        if en and " " not in en:
            found.add(en.lower())
    return frozenset(found)


@cache
def english_verbs() -> frozenset[str]:
    """First words of the phrasebook's verb entries: the English verbs a rendered clause opens with."""
    book = load_phrasebook()
    found = set(_rules()["verbs"])
    for types in book.words.values():
        for kind in ("v", "vp"):
            if kind in types and types[kind].split():
                found.add(types[kind].split()[0])
    return frozenset(found - set(_rules()["not_verbs"]))


def _the(np: str) -> str:
    return np if np.lower().startswith(("the ", "a ", "an ", '"')) or np[:1].isdigit() else f"the {np}"


def _finish(item: Item) -> str:
    return join_list(_factored(item.parts)) if item.parts else item.en


def _factored(parts: Sequence[str]) -> list[str]:
    """Verb phrases that share their first words say them once: "focus on A, B and C"."""
    split = [p.split() for p in parts]
    if any(p.startswith('"') for p in parts):
        return list(parts)  # quoted names are said whole
    shared = 0
    while all(len(w) > shared + 1 for w in split) and len({w[shared] for w in split}) == 1:
        shared += 1
    if shared == 0 or len(parts) < 2:
        return list(parts)
    head = " ".join(split[0][:shared])
    return [f"{head} {' '.join(split[0][shared:])}", *(" ".join(w[shared:]) for w in split[1:])]


def _match_parts(text: str, parts: Sequence[str | tuple[str, str]], k: int,
                 pos: int) -> Iterator[tuple[int, list[tuple[str, str, int, int]]]]:
    """Every way ``parts[k:]`` matches ``text`` from ``pos``: (end, slots as (name, type, start, end))."""
    if k == len(parts):
        yield pos, []
        return
    part = parts[k]
    if isinstance(part, str):
        if text.startswith(part, pos):
            yield from _match_parts(text, parts, k + 1, pos + len(part))
        return
    name, kind = part
    if k + 1 == len(parts):
        for end in range(pos + 1, len(text) + 1):
            yield end, [(name, kind, pos, end)]
        return
    following = parts[k + 1]
    assert isinstance(following, str)  # slots are separated by literal text (checked on load)
    for m in re.finditer(re.escape(following), text[pos + 1 :]):
        cut = pos + 1 + m.start()
        for end, rest in _match_parts(text, parts, k + 1, cut):
            yield end, [(name, kind, pos, cut), *rest]


# -- clauses ---------------------------------------------------------------------------------------
TOP_TYPES = ("vp", "S", "adv")


def _segments(text: str) -> list[str]:
    """The parts between punctuation; a part that is only an enumeration marker (第一，) is dropped."""
    parts = (s.strip() for s in _SEGMENT_SPLIT.split(text))
    return [s for s in parts if s and _ENUMERATION.sub("", s).strip()]


def _best(cell: dict[str, Item], types: Sequence[str]) -> tuple[str, Item] | None:
    found = [(kind, cell[kind]) for kind in types if kind in cell]
    return min(found, key=lambda f: f[1].cost) if found else None


def parse_segment(text: str, lex: Lexicon, glossary: Glossary,
                  types: Sequence[str] = TOP_TYPES) -> tuple[str | None, str, str] | None:
    """(subject English or None, type, English) for one segment, or None when it does not parse whole."""
    text = _ENUMERATION.sub("", text).strip()  # 一是 / 第一 / 首先 open an item of a list
    text = _UNIT_LIST_MARK.sub("", text)  # 省、市重点项目 is 省市重点项目: the units are one modifier
    if len(text) > MAX_SEGMENT or not HAN.search(text):
        return None
    cells = Parser(text, lex, glossary).parse()
    n = len(text)
    whole = _best(cells[n], types)
    options: list[tuple[float, str | None, str, str]] = []
    if whole:
        options.append((whole[1].cost, None, whole[0], _finish(whole[1])))
    elif (bare := _without_object(cells[n].get("v"))) is not None:
        options.append((cells[n]["v"].cost + 0.9, None, "vp", bare))
    clause = cells[n].get("s")
    if clause is not None and _EVENT_SUBJECT.fullmatch(clause.subj) and (said := _past(clause.pred)) is not None:
        # The meeting as subject reports what it did, in the past: 会议听取了…报告 -> the meeting heard the report.
        options.append((clause.cost, None, "S", f"{clause.subj} {said}"))
    if clause is not None and clause.subj and clause.pred.startswith("will ") and not _agent(clause.subj):
        # A target stated about things: 开工项目将达到23个以上 -> projects ... will reach more than 23.
        options.append((clause.cost + 0.3, None, "S", f"{clause.subj} {clause.pred}"))
    if clause is not None and clause.subj and clause.pred.startswith(_PLAN_VERBS) \
            and (_named(clause.subj) or _agent(clause.subj)):
        # A plan stated about a place or body is reported, not ordered: 宾县计划推进… -> Bin County plans to advance …
        options.append((clause.cost + 0.3, None, "S", _agreeing(clause)))
    if clause is not None and clause.subj and _agent(clause.subj):
        # 各部门压实责任: a subject that names who acts, with no modal, is still a directive's addressee.
        options.append((clause.cost + 0.6, clause.subj, "vp", clause.pred))
    # A modal after an optional subject: [各部门]要 + verb phrase.
    for modal in _rules()["modals"]:
        for m in re.finditer(re.escape(modal), text):
            start, end = m.start(), m.end()
            if end >= n:
                continue
            subject = None
            subj = None
            fronted = None
            if start > 0:
                before = Parser(text[:start], lex, glossary).parse()[start]
                subj = before.get("np")
                fronted = before.get("adv") if subj is None else None
                if subj is None and fronted is None:
                    continue
                subject = _finish(subj) if subj is not None else None
            rest = Parser(text[end:], lex, glossary).parse()[n - end]
            if fronted is not None:
                # 防汛期间要加强值守: an adverbial before the modal frames the verb phrase (… during flood control).
                found = _best(rest, ("vp",))
                if found:
                    options.append((found[1].cost + fronted.cost + 0.5, None, "vp",
                                    _with_adverb(_finish(fronted), _finish(found[1]), True)))
                continue
            verb = rest.get("v")
            if subject and subj is not None and verb is not None and not _agent(subject) \
                    and not subj.counted and not verb.en.endswith(_DANGLING[1:]):
                # 安全生产要抓紧抓实: a topic that names no actor is the object of the bare verb after the modal.
                options.append((subj.cost + verb.cost + 1.0, None, "vp",
                                f"{_finish(verb)} {with_article(subject, subj)} {verb.post}".strip()))
            found = _best(rest, ("vp", "S"))
            if found is None and (bare := _without_object(rest.get("v"))) is not None:
                found = ("vp", Item(rest["v"].cost + 0.9, bare))
            if found is None and subj is None and "adv" in rest:
                # 要举全县之力, 加快推进…: a modal before an adverbial alone frames the next segment's verb phrase.
                options.append((rest["adv"].cost + 0.5, None, "adv", _finish(rest["adv"])))
            if found:
                # The subject's own cost counts: a long topic that names no actor is not made the doer; nor is one
                # before a bare transitive verb (重点项目要加快推进: speed up key projects, not "key projects should
                # speed up").
                cost = found[1].cost + (subj.cost + 0.5 if subj is not None else 0.5)
                if subject and verb is not None and not _agent(subject) and _finish(found[1]) == _finish(verb):
                    cost += 0.6
                options.append((cost, subject, found[0], _finish(found[1])))
    if not options:
        return None
    cost, subject, kind, en = min(options, key=lambda o: o[0])
    return subject, kind, en


def _postposition(zh: str) -> str:
    """The postposition a phrase ends with (项目建设过程中 -> 过程中), the longest of grammar.toml's."""
    return next((p for p in _POSTPOSITIONS_LONGEST_FIRST if zh.endswith(p)), "")


def _head_word(np: str) -> str:
    """The last word of a noun phrase in the singular: the head a compound is judged by."""
    last = np.split()[-1].lower()
    return singular_noun(last) or last


def _closed_by_deng(np: str, zh: str) -> bool:
    """A noun phrase made by the 等 frame ("supporting services such as ..."): its list starts with its first item."""
    return " such as " in np and "等" in zh


def _without_object(verb: Item | None) -> str | None:
    """A transitive verb that is the whole segment, used without its object (要长期坚持, 协同配合): its
    English without the dangling preposition ("adhere to" -> adhere), or None."""
    if verb is None or verb.parts or not verb.en.endswith(_DANGLING) or " " not in verb.en:
        return None
    return f"{verb.en.rsplit(' ', 1)[0]} {verb.post}".strip()


def parse_clause(text: str, phrasebook: Phrasebook | None = None, glossary: Glossary | None = None,
                 partial: bool = False) -> Clause | None:
    """The clause in English (subject and verb phrases), or None when any part is not covered.

    ``partial``: keep the segments (the parts between commas, each a clause of its own) that do
    parse and leave the others out, for a summary that may omit but must not gloss.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    phrasebook = phrasebook if phrasebook is not None else load_phrasebook()
    glossary = glossary if glossary is not None else load_glossary()
    lex = lexicon(phrasebook, glossary)
    segments = _segments(text)
    if not segments:
        return None
    subject: str | None = None
    predicates: list[str] = []
    pending_mods: list[str] = []
    pending_segments: list[str] = []
    statements: list[bool] = []  # per predicate: a statement of what was done (各项工作取得显著成效), not a directive
    for segment in segments:
        parsed = parse_segment(segment, lex, glossary)
        if parsed is None and partial:
            pending_mods, pending_segments = [], []  # a modifier of a segment left out goes with it
            continue
        if parsed is None:
            return None
        seg_subject, kind, en = parsed
        if seg_subject and subject is None and not predicates:
            subject = seg_subject
        elif seg_subject:
            # A second subject keeps its own verb, as a causative that reads alone and after "called for"
            # ("... and have the commerce bureau advance ...", "... and having the commerce bureau advance ...").
            who = seg_subject if plural(seg_subject) or seg_subject.lower().startswith(("the ", "all ")) \
                else _the(seg_subject)
            en = f"have {who} {en}"
        if kind == "adv":
            pending_mods.append(en)
            pending_segments.append(segment)
            continue
        if pending_mods:
            en = " ".join([en, *pending_mods])
            pending_mods, pending_segments = [], []
        predicates.append(en)
        statements.append(kind == "S")
    if any(statements) and not all(statements):
        # A statement among directives ("called for planning the measures ... and all work achieved remarkable
        # results") reads as one of them: it is left out, or the clause is.
        if not partial:
            return None
        predicates = [p for p, said in zip(predicates, statements, strict=True) if not said]
    if not predicates and partial:
        return None
    if pending_mods:
        if not predicates:
            # An adverbial frame alone (以X为抓手) is a clause of its own: "take X as the lever"; else the segments'
            # verb-phrase readings (紧盯X read as "keeping a close eye on X" waited for a verb that never came).
            predicates = [p for p in (_as_clause(m) for m in pending_mods) if p]
            if len(predicates) != len(pending_mods):
                readings = [parse_segment(s, lex, glossary, ("vp", "S")) for s in segments]
                if not all(readings):
                    return None
                predicates = [reading[2] for reading in readings if reading]
        elif any(mod.startswith("on ") for mod in pending_mods):
            # What 对 introduces after the last verb phrase is never hung on it (…考核，对工作不力的严肃问责 read
            # "strengthen assessment on the serious accountability of ..."): it is a verb phrase of its own or a
            # clause the grammar did not read.
            readings = [parse_segment(s, lex, glossary, ("vp",)) for s in pending_segments]
            if not all(readings) and not partial:
                return None
            predicates += [reading[2] for reading in readings if reading]
        else:
            predicates[-1] = " ".join([predicates[-1], *pending_mods])  # …，按照工作方案: in line with the plan
    # The -ing forms for "called for ...": every conjunct's verb, but not a verb inside a clause object, whose
    # "and" the clause rule marked (ensuring projects sign and start, never "sign and starting").
    marked = join_list([_tidy(p) for p in predicates])
    ing = _tidy(gerund_phrase(marked, english_verbs(), english_adverbs()).replace(_INNER, ""))
    return Clause(subject, tuple(_tidy(p.replace(_INNER, "")) for p in predicates), gerunds=(ing,))


_ADVERBIAL_AS_CLAUSE = (("with ", " as ", "take "), ("taking ", " as ", "take "), ("focusing on ", "", "focus on "),
                        ("aiming at ", "", "aim at "), ("guided by ", "", "follow "))


def _as_clause(adverbial: str) -> str | None:
    """The verb phrase an adverbial frame stands for when nothing follows it, else None."""
    for opener, needs, verb in _ADVERBIAL_AS_CLAUSE:
        if adverbial.startswith(opener) and needs in adverbial:
            return verb + adverbial[len(opener):]
    return None


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # Overlapping entries say a word twice; "no no-go zones" is no repeat (the hyphen continues the word).
    text = re.sub(r"\b(\w+(?: \w+){0,3}) \1\b(?!-)", r"\1", text, flags=re.IGNORECASE)
    # A verb entry that ends in its own article (筑牢 "build a solid") meets an object that brings one too.
    text = re.sub(r"\b([Aa]n?)( \w+)? the\b", r"\1\2", text)
    # An adverb the verb already says (充分发挥: "fully give full play to") is said once.
    return _adverb_said_once(text)


def _adverb_said_once(text: str) -> str:
    """An -ly adverb whose stem the next two words say again (充分发挥: "fully give full play to") is dropped."""
    words = text.split(" ")
    kept = [word for n, word in enumerate(words)
            if not (word.endswith("ly") and len(word) > 4
                    and {word[:-2], word[:-1]} & {w.lower() for w in words[n + 2:n + 3]})]
    return " ".join(kept)


def render_phrase(zh: str, phrasebook: Phrasebook | None = None, glossary: Glossary | None = None,
                  types: Sequence[str] = ("np",)) -> str | None:
    """A whole name-like phrase (a project, a slogan) of one of ``types``, or None when not covered."""
    text = unicodedata.normalize("NFKC", zh).strip()
    phrasebook = phrasebook if phrasebook is not None else load_phrasebook()
    glossary = glossary if glossary is not None else load_glossary()
    if not text or len(text) > MAX_SEGMENT or _SEGMENT_SPLIT.search(text):
        return None
    cells = Parser(text, lexicon(phrasebook, glossary), glossary).parse()
    found = _best(cells[len(text)], types)
    return _tidy(_finish(found[1]).replace(_INNER, "")) if found else None


def render_clause(zh: str, phrasebook: Phrasebook | None = None, glossary: Glossary | None = None) -> str | None:
    """English for one directive clause, or None when the phrasebook and grammar do not cover all of it."""
    clause = parse_clause(zh, phrasebook, glossary)
    return clause.text if clause else None
