"""Officials: every named person with the title as written and the role they played.

A name is found right after a title word (县委书记|马盛春): the pretrained tagger's PER span there
(summarize/extract/ner.py, run on windows around the title words), or, where the tagger has none or is
unavailable, a surname and one to three characters accepted only when what follows is a role verb, a
particle or punctuation (马盛春|作重要讲话). Names also stand before the title they share
(张三、李四等区领导). The title is
read backwards as a chain of 、-separated segments that each end in a title word
(县委常委、常务副县长). Lists (区领导金玉、洪源源…等出席) share the title. A person's role is the
strongest role cue in the clause after any of their mentions: presided > led > spoke > reported > attended.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..document import Official
from ..text.datafiles import load_lines, load_toml
from ..text.han import is_han_char
from ..text.lost import LOST
from .ner import Tagged

HARD_STOP = "，。；：！？\n“”（）()《》 "
_CLAUSE_STOP = re.compile("[，。；\n ]")
# Tags of the word after a tagger's PER span that show the span ended there: a preposition, conjunction,
# particle, verb, adverb, numeral (一行, 一道) or punctuation.
FOLLOWER_TAGS = frozenset({"p", "c", "u", "v", "vd", "d", "m", "w", "xc"})
TITLE_BREAK = frozenset({"TIME", "w", "xc", "m"})
MAX_NAME = 6  # 阿呷说哈, 宝音德力格尔: names transcribed from other languages run longer than Han names
LEADING_NOISE = re.compile(r"^(?:会上|会议由|由|并由|并|和|与|及|同|经|请|在|其中|另外|以及)")


@dataclass
class _Person:
    name: str
    title: str | None
    start: int
    end: int
    roles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Rules:
    title_end: re.Pattern[str]
    title_word_at_end: re.Pattern[str]
    after_name: re.Pattern[str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    roles: tuple[tuple[str, re.Pattern[str]], ...]
    excluded: frozenset[str]
    not_in_name: frozenset[str]


@cache
def _rules() -> _Rules:
    rules = load_toml("extract.toml")
    words = sorted(rules["officials"]["title_words"], key=len, reverse=True)
    alternation = "|".join(map(re.escape, words))
    surnames = load_lines("surnames.txt")
    roles = rules["roles"]
    return _Rules(
        title_end=re.compile(alternation),
        title_word_at_end=re.compile(rf"(?:{alternation})$"),
        after_name=re.compile(rules["officials"]["after_name"]),
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        roles=tuple((name, re.compile(roles[name])) for name in roles["priority"]),
        excluded=frozenset(rules["officials"]["excluded_titles"]),
        not_in_name=frozenset(rules["officials"]["not_in_name"]),
    )


def _rule_name_at(text: str, pos: int) -> str | None:
    """The person name starting at pos by the rules: surname, 1-3 characters, then an allowed follower."""
    rules = _rules()
    if text[pos:pos + 2] in rules.compound_surnames:
        lengths = (3, 4)
    elif text[pos:pos + 1] in rules.surnames:
        lengths = (3, 2, 4)
    else:
        return None
    for length in lengths:
        candidate = text[pos:pos + length]
        if len(candidate) < length or not _plausible(candidate):
            continue
        if rules.after_name.match(candidate[1:]):
            continue  # a name that would swallow its own verb
        if _grammar_follows(text, pos + length):
            return candidate
    return None


def _plausible(name: str) -> bool:
    """Han characters (a middle dot inside, for transcribed names), no title word, no particle."""
    rules = _rules()
    if not 2 <= len(name) <= MAX_NAME or name[0] == "·" or name[-1] == "·":
        return False
    if not all(is_han_char(ch) or ch == "·" for ch in name):
        return False
    return not (any(ch in rules.not_in_name for ch in name) or rules.title_end.search(name))


def _grammar_follows(text: str, end: int) -> bool:
    return end == len(text) or bool(_rules().after_name.match(text, end))


def _name_at(text: str, pos: int, tagged: Tagged | None) -> str | None:
    """The name starting at pos: the tagger's PER span where it has one that a word or punctuation follows,
    else the rules' name. Where both exist and only the rules' end is followed by a known cue
    (冀书|刚一行 against 冀书刚|一行), the rules win."""
    rule = _rule_name_at(text, pos)
    if tagged is None:
        return rule
    end = tagged.person_at(pos)
    model = text[pos:end] if end and _plausible(text[pos:end]) else None
    if model is None:
        return rule
    if rule and rule != model and not _grammar_follows(text, pos + len(model)):
        return rule
    next_token = tagged.token_at(pos + len(model))
    if _grammar_follows(text, pos + len(model)) or (next_token and next_token.label in FOLLOWER_TAGS):
        return _whole_segment(text, pos, model, tagged)
    return rule


def _whole_segment(text: str, pos: int, name: str, tagged: Tagged) -> str:
    """A name the tagger cut short inside a list of title-name pairs (县委副书记阿呷|说哈，县委常委…):
    when one or two characters that are no cue stand between the span and the list's separator, and the
    next segment is another title and name, the segment is the name."""
    end = pos + len(name)
    stop = end
    while stop < len(text) and stop - end <= 2 and text[stop] not in "，、；。":
        stop += 1
    rest = text[end:stop]
    if not rest or stop >= len(text) or text[stop] not in "，、" or len(name + rest) > MAX_NAME:
        return name
    cue = _rules().after_name.fullmatch(rest) or any(p.fullmatch(rest) for _, p in _rules().roles)
    if cue or not _plausible(name + rest):
        return name
    title = _rules().title_end.search(text, stop + 1, stop + 16)
    return name + rest if title and tagged.person_at(title.end()) else name


class _ChainStarts:
    """Where a title chain may start, answered by bisection: the last hard stop before a position, the
    end of the last person named before it, the end of the last tagger break (punctuation, numeral, time).

    One object per text, so that each title match costs a logarithm, not a pass over every person and
    token found so far (a report naming thousands of officials stays linear)."""

    def __init__(self, text: str, spans: list[tuple[int, int]], tagged: Tagged | None) -> None:
        stops = HARD_STOP + LOST
        self._stops = [i for i, ch in enumerate(text) if ch in stops]
        self._ends: list[int] = []  # sorted ends of the named spans, each once
        self._begin_at: dict[int, int] = {}  # end -> the latest begin of a span ending there
        for begin, end in spans:
            self.add(begin, end)
        breaks = [t for t in tagged.tokens if t.label in TITLE_BREAK and text[t.start] != "、"] if tagged else []
        self._break_ends = [t.end for t in breaks]  # tagger tokens do not overlap: ends sorted like starts
        self._break_starts = [t.start for t in breaks]

    def add(self, begin: int, end: int) -> None:
        if end not in self._begin_at:
            bisect.insort(self._ends, end)  # people are found left to right: nearly always an append
            self._begin_at[end] = begin
        else:
            self._begin_at[end] = max(self._begin_at[end], begin)

    def start(self, pos: int) -> int:
        """The same start as scanning back to a hard stop, then after every span and break inside."""
        i = bisect.bisect_left(self._stops, pos)
        start = self._stops[i - 1] + 1 if i else 0
        i = bisect.bisect_right(self._ends, pos)
        while i and self._ends[i - 1] >= start:  # the latest end whose span lies after start
            if self._begin_at[self._ends[i - 1]] >= start:
                start = max(start, self._ends[i - 1])
                break
            i -= 1
        i = bisect.bisect_right(self._break_ends, pos)
        if i and self._break_starts[i - 1] >= start:
            start = max(start, self._break_ends[i - 1])
        return start


# One post of a title chain (中共甘谷县委常委, 省政府党组副书记) is far shorter: the longest in the seeds' and
# the dev suite's notes is 26 characters for a whole chain.
MAX_TITLE_SEGMENT = 30


def _title_before(text: str, pos: int, starts: _ChainStarts) -> str | None:
    """Read the title chain that ends right before pos: segments separated by 、, each ending in a title word.
    The chain starts after the last person named before it (王乐泉与|自治区党委常委、宣传部部长李屹)
    and, with the tagger, after the last punctuation, numeral or time (研究部署下一步任务??|县委副书记)."""
    start = starts.start(pos)
    segments = text[start:pos].split("、")
    if start > 0 and text[start - 1] in LOST:
        segments = segments[1:]  # ?委常委申君明: the segment's head (县) was lost, what is left is no title
    chain: list[str] = []
    for segment in reversed(segments):
        segment = LEADING_NOISE.sub("", segment)
        if not segment or len(segment) > MAX_TITLE_SEGMENT or not _rules().title_word_at_end.search(segment):
            break  # a "segment" that long is a run of text without punctuation, not one post
        chain.append(segment)
    return "、".join(reversed(chain)) or None


def _list_item_at(text: str, pos: int, tagged: Tagged | None) -> str | None:
    """A name in a 、-list: the tagger's or the rules' name, or, between two 、 of a list whose next item
    the tagger reads as a name, the 2-3 characters it did not (申君明、令建民、牛新虎)."""
    name = _name_at(text, pos, tagged)
    if name or tagged is None:
        return name
    stop = text.find("、", pos, pos + 4)
    item = text[pos:stop] if stop > pos else ""
    if 2 <= len(item) <= 3 and _plausible(item) and tagged.person_at(stop + 1):
        return item
    return None


def cue_intervals(text: str) -> list[tuple[int, int]]:
    """The parts of the text the tagger reads: around every title word, widened over a 、-list after it
    (县领导张三、李四…出席) or before it (张三、李四等区领导)."""
    intervals = []
    for match in _rules().title_end.finditer(text):
        start, end = match.start() - 16, match.end() + 12
        clause_end = _CLAUSE_STOP.search(text, match.end(), match.end() + 90)
        if clause_end and "、" in text[match.end():clause_end.start()]:
            end = clause_end.start() + 2
        clause_start = max(text.rfind(ch, max(0, match.start() - 60), match.start()) for ch in "，。；\n")
        if text[match.start() - 1:match.start()] == "等" or "等" in text[match.start() - 3:match.start()]:
            start = min(start, clause_start if clause_start >= 0 else match.start() - 60)
        intervals.append((start, end))
    return intervals


def _mentions(text: str, names: set[str]) -> list[tuple[str, int]]:
    """(name, end) of every mention, as re.finditer would find each name's non-overlapping matches.

    One pass over the text checking the few name lengths at each position, instead of one pass per
    name: many distinct officials stay linear in the text's length.
    """
    if not names:
        return []
    lengths = sorted({len(n) for n in names})
    next_free: dict[str, int] = {}
    found = []
    first_chars = re.compile("[" + re.escape("".join({n[0] for n in names})) + "]")
    for start in first_chars.finditer(text):
        pos = start.start()
        for length in lengths:
            name = text[pos:pos + length]
            if name in names and pos >= next_free.get(name, 0):
                next_free[name] = pos + length
                found.append((name, pos + length))
    return found


def _clause_after(text: str, pos: int, names: set[str], own: str, lengths: set[int] | None = None) -> str:
    """The clause after a mention of ``own``, cut before the first other name in it.

    ``lengths`` (the lengths of ``names``) may be passed to save recomputing them for every mention."""
    stop = _CLAUSE_STOP.search(text, pos)
    clause = text[pos:stop.start() if stop else len(text)]
    # Only names that occur in the clause can cut it: find them by position, not by trying every name.
    lengths = lengths if lengths is not None else {len(n) for n in names}
    present = {clause[i:i + k] for i in range(1, len(clause)) for k in lengths} & names
    for name in sorted(present - {own}):
        cut = clause.find(name)
        if cut > 0:
            clause = clause[:cut]
    return clause


def _roles_in(clause: str) -> set[str]:
    return {role for role, pattern in _rules().roles if pattern.search(clause)}


def _sentence_rest(text: str, pos: int) -> str:
    end = text.find("。", pos)
    return text[pos: end if end >= 0 else len(text)]


def find_officials(text: str, excluded_names: set[str] | None = None,
                   tagged: Tagged | None = None) -> list[Official]:
    """Officials of the text; ``tagged`` holds the tagger's reading of the cue windows (None: rules only)."""
    rules = _rules()
    excluded_names = excluded_names or set()
    people: dict[str, _Person] = {}

    spans = _person_spans(tagged, text)
    chain_starts = _ChainStarts(text, spans, tagged)

    def add(name: str, title: str | None, start: int) -> None:
        if name in excluded_names or (title and title in rules.excluded):
            return
        if name not in people:
            people[name] = _Person(name, title, start, start + len(name))
            chain_starts.add(start, start + len(name))
        elif title and (not people[name].title or _collective(people[name].title) and not _collective(title)):
            people[name].title = title  # 县领导付自成 … 县委书记付自成: the own title wins

    for match in rules.title_end.finditer(text):
        pos = match.end()
        # The bare word 领导 (公司领导李金龙) is a title only before a name the tagger found.
        name = _name_at(text, pos, tagged if match.group() != "领导" else None)
        if match.group() == "领导" and (tagged is None or tagged.person_at(pos) is None):
            name = None
        if not name:
            if text[match.start() - 1:match.start()] == "等" or text[match.start() - 2:match.start() - 1] == "等":
                _names_before(text, match, tagged, add)
            continue
        title = _title_before(text, pos, chain_starts)
        add(name, title, pos)
        # A list sharing the title: 区领导金玉、洪源源、汪俊启等出席
        cursor = pos + len(name)
        while cursor < len(text) and text[cursor] == "、":
            follower = _list_item_at(text, cursor + 1, tagged)
            if not follower or rules.title_end.search(text, cursor + 1, cursor + 1 + len(follower) + 6):
                break
            add(follower, title, cursor + 1)
            cursor += 1 + len(follower)

    names = set(people)
    name_lengths = {len(n) for n in names}
    for name, after in _mentions(text, names):
        person = people[name]
        if (own_title := rules.title_end.match(text, after)) and own_title.end() - after <= 3:
            after = own_title.end()  # 刘丽香书记讲话: the name, then the title as an address
        if not rules.after_name.match(text, after) and after != len(text):
            continue
        clause = _clause_after(text, after, names, person.name, name_lengths)
        roles = _roles_in(clause)
        if roles <= {"attended"}:
            # …出席现场会，并宣布…开工: a clause opened by 并 has the same subject and says what they did.
            follow = _CLAUSE_STOP.search(text, after)
            while follow and text[follow.start()] == "，" and text.startswith("并", follow.end()):
                following = _CLAUSE_STOP.search(text, follow.end())
                roles |= _roles_in(text[follow.end():following.start() if following else len(text)])
                follow = following
        if not roles:
            # 朱西胜，…，副总经理刘颖一同调研。: the verb closes a list of people.
            roles = _roles_in(_first_cue_clause(_sentence_rest(text, after)))
        person.roles |= roles

    _pronoun_roles(text, people)
    officials = []
    for person in sorted(people.values(), key=lambda p: p.start):
        role = next((r for r in load_toml("extract.toml")["roles"]["priority"] if r in person.roles), "attended")
        officials.append(Official(person.name, person.title, role, person.start, person.end))
    return officials


def _first_cue_clause(rest: str) -> str:
    """The first clause of rest that holds any role cue."""
    for clause in re.split(r"[，；]", rest):
        if _roles_in(clause):
            return clause
    return ""


def _collective(title: str) -> bool:
    """A title shared by a list (县领导, 区领导, 公司领导, 有关负责人), weaker than a person's own title."""
    return title.endswith(("领导", "负责人"))


def _person_spans(tagged: Tagged | None, text: str) -> list[tuple[int, int]]:
    """The tagger's names that a conjunction or preposition follows (王乐泉与…): a title never spans them."""
    if tagged is None:
        return []
    spans = []
    for person in tagged.persons():
        after = tagged.token_at(person.end)
        if after and after.label in ("c", "p"):
            spans.append((person.start, person.end))
    return spans


def _names_before(text: str, match: re.Match[str], tagged: Tagged | None,
                  add: Callable[[str, str | None, int], None]) -> None:
    """Names listed before the title they share: 赖启第、吴情操、马泽森、李国等区领导率…"""
    title_start = match.start()
    while title_start > 0 and text[title_start - 1] != "等":
        title_start -= 1
    title = text[title_start:match.end()]
    end = title_start - 1
    items: list[tuple[int, str]] = []
    while end > 0:
        start = end
        while start > 0 and text[start - 1] not in "、，。；：\n ":
            start -= 1
        item = text[start:end]
        if not item or not _plausible(item):
            break
        person_end = tagged.person_at(start) if tagged else None
        if person_end != end and _rule_name_at(text, start) != item:
            break
        items.append((start, item))
        if text[start - 1:start] != "、":
            break
        end = start - 1
    for start, item in reversed(items):
        add(item, title, start)


PRONOUN_SUBJECT = re.compile(r"(?:^|[。\n])(?:他|她)(?:在[^，。]{0,20}?)?[，]?")


def _pronoun_roles(text: str, people: dict[str, _Person]) -> None:
    """他指出… gives the role to the official who opens the sentence before (王乐泉在…考察调研。他指出)."""
    for match in PRONOUN_SUBJECT.finditer(text):
        roles = _roles_in(_clause_after(text, match.end(), set(), ""))
        if not roles:
            continue
        before = text.rfind("。", 0, max(0, match.start()))
        sentence = text[before + 1:match.start()]
        subject = min(((sentence.find(name), name) for name in people if sentence.find(name) >= 0), default=None)
        if subject:
            people[subject[1]].roles |= roles
