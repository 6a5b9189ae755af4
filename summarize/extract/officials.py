"""Officials: every named person with the title as written and the role they played.

A name is found right after a title word (县委书记|马盛春), and accepted only when what follows it is a
role verb, a particle or punctuation (马盛春|作重要讲话), which settles where the name ends. The title is
read backwards as a chain of 、-separated segments that each end in a title word
(县委常委、常务副县长). Lists (区领导金玉、洪源源…等出席) share the title. A person's role is the
strongest role cue in the clause after any of their mentions: presided > led > spoke > reported > attended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..document import Official
from ..resources import data_lines, data_toml

HARD_STOP = "，。；：！？\n“”（）()《》 "
_CLAUSE_STOP = re.compile("[，。；\n ]")
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
    rules = data_toml("extract.toml")
    words = sorted(rules["officials"]["title_words"], key=len, reverse=True)
    alternation = "|".join(map(re.escape, words))
    surnames = data_lines("surnames.txt")
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


def _name_at(text: str, pos: int) -> str | None:
    """The person name starting at pos, if one does: surname, then 1-3 characters, then an allowed follower."""
    rules = _rules()
    if text[pos:pos + 2] in rules.compound_surnames:
        lengths = (3, 4)
    elif text[pos:pos + 1] in rules.surnames:
        lengths = (3, 2, 4)
    else:
        return None
    for length in lengths:
        candidate = text[pos:pos + length]
        if len(candidate) < length or not all("\u4e00" <= ch <= "\u9fff" for ch in candidate):
            continue
        if any(ch in rules.not_in_name for ch in candidate):
            continue
        if rules.title_end.search(candidate) or rules.after_name.match(candidate[1:]):
            continue  # 主任委员, or a name that would swallow its own verb
        if rules.after_name.match(text, pos + length) or pos + length == len(text):
            return candidate
    return None


def _title_before(text: str, pos: int) -> str | None:
    """Read the title chain that ends right before pos: segments separated by 、, each ending in a title word."""
    start = pos
    while start > 0 and text[start - 1] not in HARD_STOP:
        start -= 1
    segments = text[start:pos].split("、")
    chain: list[str] = []
    for segment in reversed(segments):
        segment = LEADING_NOISE.sub("", segment)
        if not segment or not _rules().title_word_at_end.search(segment):
            break
        chain.append(segment)
    return "、".join(reversed(chain)) or None


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


def find_officials(text: str, excluded_names: set[str] | None = None) -> list[Official]:
    rules = _rules()
    excluded_names = excluded_names or set()
    people: dict[str, _Person] = {}

    def add(name: str, title: str | None, start: int) -> None:
        if name in excluded_names or (title and title in rules.excluded):
            return
        if name not in people:
            people[name] = _Person(name, title, start, start + len(name))
        elif title and not people[name].title:
            people[name].title = title

    for match in rules.title_end.finditer(text):
        pos = match.end()
        name = _name_at(text, pos)
        if not name:
            continue
        title = _title_before(text, pos)
        add(name, title, pos)
        # A list sharing the title: 区领导金玉、洪源源、汪俊启等出席
        cursor = pos + len(name)
        while cursor < len(text) and text[cursor] == "、":
            follower = _name_at(text, cursor + 1)
            if not follower or rules.title_end.search(text, cursor + 1, cursor + 1 + len(follower) + 6):
                break
            add(follower, title, cursor + 1)
            cursor += 1 + len(follower)

    names = set(people)
    name_lengths = {len(n) for n in names}
    for name, after in _mentions(text, names):
        person = people[name]
        if not rules.after_name.match(text, after) and after != len(text):
            continue
        clause = _clause_after(text, after, names, person.name, name_lengths)
        roles = _roles_in(clause)
        if not roles:
            # 朱西胜，…，副总经理刘颖一同调研。: the verb closes a list of people.
            roles = _roles_in(_first_cue_clause(_sentence_rest(text, after)))
        person.roles |= roles

    officials = []
    for person in sorted(people.values(), key=lambda p: p.start):
        role = next((r for r in data_toml("extract.toml")["roles"]["priority"] if r in person.roles), "attended")
        officials.append(Official(person.name, person.title, role, person.start, person.end))
    return officials


def _first_cue_clause(rest: str) -> str:
    """The first clause of rest that holds any role cue."""
    for clause in re.split(r"[，；]", rest):
        if _roles_in(clause):
            return clause
    return ""
