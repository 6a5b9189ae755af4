"""Named projects, campaigns and slogans, and targets (deadlines and quantified goals)."""

from __future__ import annotations

import re
from functools import cache

from ..document import Item
from ..text.datafiles import load_toml
from ..text.han import HAN, HAN_CLASS, is_han_char
from .text import clauses

QUOTED = re.compile(r"“([^“”\n]{2,40})”")
PROJECT_END = re.compile(r"项目")
LIST_SEPARATORS = "、，。；：“”《》\n（("


@cache
def _rules() -> dict[str, re.Pattern[str] | list[str]]:
    # items.toml groups the cues by kind ([projects], [campaigns], [targets]); the keys are distinct.
    items = {key: value for section in load_toml("items.toml").values() for key, value in section.items()}
    compiled: dict[str, re.Pattern[str] | list[str]] = {
        key: re.compile(value) for key, value in items.items() if isinstance(value, str)
    }
    compiled["known_slogans"] = list(items["known_slogans"])
    compiled["not_campaigns"] = list(items["not_campaigns"])
    compiled["generic_project"] = re.compile(rf"^(?:{items['generic_project_words']})+$")
    compiled["project_cut_tail"] = re.compile(rf"(?:{items['project_cut']})(?!.*(?:{items['project_cut']}))")
    compiled["project_cut_any"] = re.compile(rf"(?:{items['project_cut']})")
    # A list item that opens with a verb of two or more characters is a task, not a site (加快推进学校).
    verbs = "|".join(w for w in items["project_cut"].split("|") if len(w) >= 2)
    compiled["project_cut_start"] = re.compile(rf"^(?:{verbs})")
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
        head = re.sub(r"^限?公司", "", head.lstrip("及和与、"))  # 有 cut inside 有限公司
        if len(HAN.findall(head)) < 3 or rules["generic_project"].match(head):
            continue
        if not rules["project_head_end"].search(head) or re.search(r"\d{4}年", head):
            continue  # 做好项目, 2024年项目建设攻坚行动: not the name of a project
        name = head + "项目"
        if name not in seen:
            seen.add(name)
            found.append(Item(name, match.start() - len(head), match.end()))
    for item in _listed_sites(text, rules):
        if not any(item.start < known.end and known.start < item.end for known in found):
            found.append(item)
    return sorted(found, key=lambda item: item.start)


LIST_CLAUSE = re.compile(r"[^，。；：！？\n]+")


def _listed_sites(text: str, rules: dict) -> list[Item]:
    """Sites named in a list the report calls projects: 'A、B和C等19个重点建设项目', '10个项目包括：A、B',
    '先后前往A、B、C项目建设现场'.

    Roads, parks, reservoirs and firms in such a list are projects whatever their names end with.
    """
    found: list[Item] = []
    for clause in LIST_CLAUSE.finditer(text):
        body, start = clause.group(), clause.start()
        tail = None
        cut = body.find("等")
        while cut >= 0:
            tail = rules["list_tail"].match(body, cut)
            if tail:
                break
            cut = body.find("等", cut + 1)
        if tail:
            body = body[:cut]
            if "等" in body:  # 张三、李四等区领导到A项目、B…: the list starts after the earlier 等
                skip = body.rfind("等") + 1
                body, start = body[skip:], start + skip
        visit = False
        if not tail and not rules["list_head"].search(text[max(0, start - 8):start]):
            visit = _visit_list(body, rules)
            if not visit:
                continue
        first = body.split("、")[0]
        leads = list(rules["list_lead"].finditer(first)) + list(rules["project_cut_any"].finditer(first))
        offset = max((m.end() for m in leads), default=0)
        items = _list_items(body[offset:], start + offset, rules)
        if visit:  # a visit passes by gates and crossings too: keep what is built (…基地, …水库)
            items = [i for i in items if i.text.endswith(("项目", "工程")) or rules["project_head_end"].search(i.text)]
        found += items
    return found


def _visit_list(body: str, rules: dict) -> bool:
    """'来到A项目、B工程施工现场、C基地': three or more sites after a visit verb, one a …项目/工程."""
    parts = body.split("、")
    if len(parts) < 3 or not any(rules["visit_lead"].search(parts[0][:i]) for i in range(len(parts[0]))):
        return False
    return any(re.search(r"(?:项目|工程)$", rules["site_scene"].sub("", p)) for p in parts)


def _list_items(body: str, position: int, rules: dict) -> list[Item]:
    found: list[Item] = []
    for part in body.split("、"):
        name = rules["site_scene"].sub("", part)
        if "项目" in name[:-2]:  # …（北片）项目调研重点项目建设: the name ends at its 项目
            name = name[: name.index("项目") + 2] if not name.endswith("）") else name
        if name.endswith("）") and "项目（" in name:
            name = name[: name.rfind("（")]  # 市金属新材料项目（翅冀公司）: the firm in brackets
        keep = (len(re.findall(rf"[{HAN_CLASS}0-9]", name)) >= 3 and "“" not in name and "”" not in name
                and not rules["generic_project"].match(name) and not rules["not_a_project"].search(name)
                and not rules["project_cut_start"].match(name))
        if keep:
            found.append(Item(name, position, position + len(name)))
        position += len(part) + 1
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
        if ch in LIST_SEPARATORS or text.endswith("项目", 0, start):  # no prefix copy: linear
            break
        start -= 1
    return text[start:end]


def find_campaigns(text: str) -> list[Item]:
    """Quoted campaign names and slogans, scored by their shape and the words around the quotes.

    Short quoted words are mostly figures of speech (当好“店小二”, 吹响“集结号”) and need a cue; longer
    quoted phrases in these reports are mostly slogans and need only one. A phrase quoted inside a
    longer quoted phrase (“深学争优” of “深学争优、敢为争先、实干争效”) is that slogan's part, not another.
    """
    rules = _rules()
    quotes = list(QUOTED.finditer(text))
    counts: dict[str, int] = {}
    for match in quotes:
        counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    found: list[Item] = []
    seen: set[str] = set()
    for match in quotes:
        phrase = match.group(1)
        if phrase in seen or _not_a_campaign(phrase, rules):
            continue
        if any(phrase in other and phrase != other for other in counts):
            continue
        before = text[max(0, match.start() - 4):match.start()]
        after = text[match.end():match.end() + 6]
        if _campaign_score(phrase, before, after, counts[phrase], rules) >= 2:
            seen.add(phrase)
            found.append(Item(phrase, match.start() + 1, match.end() - 1))
    quoted = [(m.start(), m.end()) for m in quotes]
    for drive in _named_drives(text, rules):
        inside_quotes = any(s <= drive.start and drive.end <= e for s, e in quoted)
        if not inside_quotes and not any(drive.text in item.text or item.text in drive.text for item in found):
            found.append(drive)
    return found


def _named_drives(text: str, rules: dict) -> list[Item]:
    """Unquoted drives with a period in their name; the longest spelling of each, bare 百日行动 only
    when no longer one names it."""
    names: dict[str, Item] = {}
    for match in rules["drive_end"].finditer(text):
        start = match.start()
        while start > 0 and match.start() - start < 14 and is_han_char(text[start - 1]):
            start -= 1
        description = text[start:match.start()]
        cuts = list(rules["drive_cut"].finditer(description))
        if cuts:
            start += cuts[-1].end()
        name = text[start:match.end()]
        if len(name) - len(match.group()) >= 2 and name not in names:
            names[name] = Item(name, start, match.end())
    return [item for name, item in names.items() if not any(name in other and name != other for other in names)]


def _not_a_campaign(phrase: str, rules: dict) -> bool:
    """Questions, quoted sentences, numbers, periods of time and generic labels."""
    return bool(
        re.search(r"[?？。！!：:；]", phrase)
        or rules["all_numerals"].match(phrase)
        or rules["time_period"].match(phrase)
        or phrase in rules["not_campaigns"]
    )


def _campaign_score(phrase: str, before: str, after: str, count: int, rules: dict) -> int:
    numeral_start = bool(rules["numerals"].match(phrase))
    score = 1 if len(phrase) >= 4 else 0
    if len(phrase) <= 2 and not numeral_start:
        return 0  # 站位, 磁场: a plain word in quotes; 三早, 双高 are coined counts
    if rules["campaign_after"].match(after):
        score += 2
    if rules["campaign_before"].search(before):
        score += 1
    if numeral_start and len(phrase) <= 6:
        score += 2
    elif len(rules["counting_numerals"].findall(phrase)) >= 2:
        score += 2  # 两月一签约一开工, 十天一调度: a coined count
    if rules["campaign_suffix"].search(phrase):
        score += 2
    elif rules["weak_suffix"].search(phrase):
        score += 1
    if _parallel(phrase, rules):
        score += 2
    elif "，" in phrase or "," in phrase:
        score -= 1  # a quoted sentence rather than a slogan
    if count > 1:
        score += 1
    if phrase in rules["known_slogans"]:
        score += 2
    return score


def _parallel(phrase: str, rules: dict) -> bool:
    """稳住、进好、调优 / 日汇报、周督办、月调度: two to four parts of similar length."""
    parts = [p for p in rules["parallel_separators"].split(phrase) if p]
    if not 2 <= len(parts) <= 4:
        return False
    lengths = [len(p) for p in parts]
    return min(lengths) >= 2 and max(lengths) <= 2 * min(lengths) and max(lengths) <= 10


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
