"""Named projects, campaigns and slogans, and targets (deadlines and quantified goals)."""

from __future__ import annotations

import re
from functools import cache

from ..document import Item
from ..resources import data_toml
from .text import clauses

QUOTED = re.compile(r"“([^“”\n]{2,40})”")
PROJECT_END = re.compile(r"项目")
LIST_SEPARATORS = "、，。；：“”《》\n（("


@cache
def _rules() -> dict[str, re.Pattern[str] | list[str]]:
    # items.toml groups the cues by kind ([projects], [campaigns], [targets]); the keys are distinct.
    items = {key: value for section in data_toml("items.toml").values() for key, value in section.items()}
    compiled: dict[str, re.Pattern[str] | list[str]] = {
        key: re.compile(value) for key, value in items.items() if isinstance(value, str)
    }
    compiled["known_slogans"] = list(items["known_slogans"])
    compiled["not_campaigns"] = list(items["not_campaigns"])
    compiled["generic_project"] = re.compile(rf"^(?:{items['generic_project_words']})+$")
    compiled["project_cut_tail"] = re.compile(rf"(?:{items['project_cut']})(?!.*(?:{items['project_cut']}))")
    return compiled


def find_projects(text: str) -> list[Item]:
    """'…到二号渠项目、…污水处理厂二期项目' -> the named projects, as written."""
    rules = _rules()
    found: list[Item] = []
    seen: set[str] = set()
    for match in PROJECT_END.finditer(text):
        head = _head_before(text, match.start())
        cut = rules["project_cut_tail"].search(head)
        if cut:
            head = head[cut.end():]
        head = head.lstrip("及和与、")
        if len(re.findall(r"[\u4e00-\u9fff]", head)) < 3 or rules["generic_project"].match(head):
            continue
        if not rules["project_head_end"].search(head) or re.search(r"\d{4}年", head):
            continue  # 做好项目, 2024年项目建设攻坚行动: not the name of a project
        name = head + "项目"
        if name not in seen:
            seen.add(name)
            found.append(Item(name, match.start() - len(head), match.end()))
    return found


def _head_before(text: str, end: int) -> str:
    """The words before 项目 back to a list separator or a previous 项目; （一期） stays whole."""
    start = end
    while start > 0:
        ch = text[start - 1]
        if ch == "）":
            opening = text.rfind("（", 0, start - 1)
            if opening < 0:
                break
            start = opening
            continue
        if ch in LIST_SEPARATORS or text[:start].endswith("项目"):
            break
        start -= 1
    return text[start:end]


def find_campaigns(text: str) -> list[Item]:
    """Quoted campaign names and slogans, scored by the words around the quotes."""
    rules = _rules()
    counts: dict[str, int] = {}
    for match in QUOTED.finditer(text):
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    found: list[Item] = []
    seen: set[str] = set()
    for match in QUOTED.finditer(text):
        phrase = match.group(1)
        if phrase in seen or "?" in phrase or phrase in rules["not_campaigns"]:
            continue
        score = 0
        if rules["campaign_after"].match(text[match.end():match.end() + 6]):
            score += 2
        if rules["campaign_before"].search(text[max(0, match.start() - 4):match.start()]):
            score += 1
        if rules["campaign_numeric"].match(phrase) and len(phrase) <= 6:
            score += 2
        if rules["campaign_suffix"].search(phrase):
            score += 1
        if "、" in phrase and len(phrase) >= 8:
            score += 1
        if counts[phrase] > 1:
            score += 1
        if phrase in rules["known_slogans"]:
            score += 2
        if len(phrase) <= 2:
            score -= 2
        if re.search(r"[，。！？]", phrase) or re.fullmatch(r"[\d.]+", phrase):
            score -= 2
        if score >= 2:
            seen.add(phrase)
            found.append(Item(phrase, match.start() + 1, match.end() - 1))
    return found


def find_targets(text: str) -> list[Item]:
    """Deadlines and quantified goals: clauses with a target cue and a quantity (力争7月1日前…开工建设)."""
    rules = _rules()
    found: list[Item] = []
    parts = clauses(text)
    i = 0
    while i < len(parts):
        clause = parts[i]
        if rules["target_cues"].search(clause.text) and rules["target_quantity"].search(clause.text):
            start, end = clause.start, clause.end
            # 苦干30天，冲刺“双过半”: a goal often spans two short clauses.
            if len(clause.text) <= 8 and i + 1 < len(parts):
                end = parts[i + 1].end
                i += 1
            value = text[start:end].rstrip("，。；")
            lead = re.match(r"^(?:要|并|同时|全力|努力)+", value)
            if lead:
                start, value = start + lead.end(), value[lead.end():]
            found.append(Item(value, start, start + len(value)))
        i += 1
    return found
