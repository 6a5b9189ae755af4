"""Clean: drop page chrome, recover page metadata, keep every body sentence.

Works line by line on the normalized text. Each line is, in this order:
1. dropped if a *strong* boilerplate group matches (banners, login prompts, breadcrumbs, copyright...);
2. read for metadata (dateline, 来源, 编辑, 审核...) and dropped when nothing but metadata, label
   fragments or a few words without a sentence are left;
3. dropped if a *weak* group matches what is left (bare URL, hash token, widget crumbs);
4. dropped if the line classifier (lines.py: general features of the line and of where it stands in
   the page) scores it as chrome;
5. otherwise kept. The headline is the first short line before the body starts.
Inline credits (本网讯（通讯员X）, （撰稿人：X 审核人：Y）), chrome glued after a line's last sentence and
the 原标题： label are cut out of the line. Every removal is recorded in the quality report with its text
and reason, and in an OffsetMap that moves the corrupted spans to the clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..config import Settings
from ..document import DroppedLine, Metadata, Report
from ..text.datafiles import load_toml
from ..text.han import HAN, HAN_CLASS
from ..text.offsets import MapBuilder, OffsetMap, sub_with_map
from .corruption import move_spans
from .lines import LineClassifier


@dataclass(frozen=True)
class _Group:
    name: str
    strong: bool
    max_len: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Rules:
    groups: tuple[_Group, ...]
    inline: tuple[tuple[str, re.Pattern[str]], ...]
    date: re.Pattern[str]
    date_day_first: re.Pattern[str]
    labels: tuple[tuple[str, str], ...]
    any_label: re.Pattern[str]
    dateline: re.Pattern[str]
    credit_tail: re.Pattern[str]
    byline: re.Pattern[str]
    bare_credit: re.Pattern[str]
    original_title: re.Pattern[str]


@cache
def _rules() -> _Rules:
    boiler = load_toml("boilerplate.toml")
    meta = load_toml("metadata.toml")
    groups = tuple(
        _Group(name, spec["strong"], spec["max_len"], re.compile("|".join(f"(?:{p})" for p in spec["patterns"])))
        for name, spec in boiler["groups"].items()
    )
    labels = tuple(meta["labels"].items())
    any_label = "|".join(f"(?:{rx})" for _, rx in labels)
    return _Rules(
        groups=groups,
        inline=tuple((name, re.compile(rx)) for name, rx in boiler["inline"].items()),
        date=re.compile(meta["date"]),
        date_day_first=re.compile(meta["date_day_first"]),
        labels=labels,
        any_label=re.compile(rf"(?:{any_label})\s*[:：]"),
        dateline=re.compile(meta["inline"]["dateline"]),
        credit_tail=re.compile(meta["inline"]["credit_tail"]),
        byline=re.compile(meta["inline"]["byline"]),
        bare_credit=re.compile(meta["inline"]["bare_credit"]),
        original_title=re.compile(meta["inline"]["original_title"]),
    )


def _match_group(line: str, strong: bool) -> str | None:
    for group in _rules().groups:
        if group.strong == strong and len(line) <= group.max_len and group.pattern.search(line):
            return group.name
    return None


def _set(meta: Metadata, field: str, value: str | None) -> None:
    value = (value or "").strip(" ：:，,;；?（）()[]【】")
    if value and not getattr(meta, field):
        setattr(meta, field, value)


# One person after a label (编辑：陈小虾 周邦在): two to four Han characters, a token of its own.
NAME_TOKEN = re.compile(rf"^[{HAN_CLASS}]{{2,4}}$")


def _read_people(rest: str) -> tuple[str, int]:
    """Names after a label: '陈小虾 周邦在' -> '陈小虾、周邦在'. Returns (value, characters consumed)."""
    names: list[str] = []
    consumed = 0
    for match in re.finditer(r"\s*([^\s?]+)", rest):
        token = match.group(1)
        if _rules().any_label.match(token) or not NAME_TOKEN.match(token):
            if not names:  # the first value can be anything (an office, a newspaper)
                cut = _rules().any_label.search(token)
                token = token[: cut.start()] if cut else token
                if token:
                    names.append(token)
                    consumed = match.start(1) + len(token)
            break
        names.append(token)
        consumed = match.end()
    return "、".join(names), consumed


def _read_metadata(line: str, meta: Metadata) -> str:
    """Read every metadata item in the line into meta; return what is left of the line."""
    rules = _rules()
    residue = line
    date = rules.date.search(line) or rules.date_day_first.search(line)
    if date:
        if not meta.published:
            meta.published = f"{int(date['y']):04d}-{int(date['m']):02d}-{int(date['d']):02d}"
            meta.published_time = date["time"]
        residue = residue.replace(date.group(0), " ")
    for url in re.findall(r"(?:https?://|www\.)\S+", residue):
        if not meta.url:
            meta.url = url
        residue = residue.replace(url, " ")
    for field, label_rx in rules.labels:
        for match in re.finditer(rf"(?:{label_rx})\s*[:：]", residue):
            value, consumed = _read_people(residue[match.end():])
            if field == "published":
                value = ""  # already read from the date pattern
            if field == "source" and value:
                # "闽东日报记者 赵巧红/文": the outlet, then a byline.
                value = re.split(r"记者|通讯员", value)[0]
            _set(meta, field, value)
            residue = residue[: match.start()] + " " + residue[match.end() + consumed:]
            break
    for match in rules.byline.finditer(residue):
        _set(meta, "photographer" if match["kind"] in ("图", "摄") else "reporter", match["name"])
    residue = rules.byline.sub(" ", residue)
    if _is_short_credit_line(line):
        for match in rules.bare_credit.finditer(residue):
            _set(meta, "reporter", match["name"])
        residue = rules.bare_credit.sub(" ", residue)
    residue = re.sub(r"(?:记者|通讯员)\s*(?=\s|$)", " ", residue)
    return residue.strip(" ()（）|")


def _is_metadata_line(line: str) -> bool:
    rules = _rules()
    return len(line) <= 160 and "。" not in line and bool(
        rules.date.search(line) or rules.date_day_first.search(line) or rules.any_label.search(line)
        or rules.byline.search(line) or _is_short_credit_line(line)
    )


def _is_short_credit_line(line: str) -> bool:
    """记者 黄有杰 报道: a reporter credit without a colon, on a short line with no sentence in it."""
    return len(line) <= 40 and not re.search("[，。；！？]", line) and bool(_rules().bare_credit.search(line))


def _only_metadata_left(residue: str) -> bool:
    """What is left of a metadata line is more page furniture, not text: nothing Chinese, a label still
    holding a value (发布开发区：…), or a few words with no sentence punctuation (文章 点击数, an outlet)."""
    if not HAN.search(residue):
        return True
    if re.search("[，。；！？]", residue):
        return False
    return bool(re.search(rf"[{HAN_CLASS}]{{2,8}}\s*[:：]", residue)) or len(HAN.findall(residue)) <= 12


def _is_body_line(line: str) -> bool:
    han = len(HAN.findall(line))
    return han >= 20 and ("。" in line or line.count("，") >= 2 or len(line) > 60)


def _cut_inline(line: str, meta: Metadata, dropped: list[DroppedLine]) -> tuple[str, OffsetMap]:
    """The line without its inline credits, and the map of the cuts."""
    rules = _rules()
    offsets = OffsetMap.identity(len(line))
    head = rules.dateline.match(line)
    if head and head.group(0):
        if head["names"]:
            _set(meta, "reporter", head["names"])
        dropped.append(DroppedLine(head.group(0), "dateline"))
        line, offsets = _cut(line, offsets, head.end(), len(line))
    tail = rules.credit_tail.search(line)
    if tail:
        _read_metadata(tail["body"], meta)
        dropped.append(DroppedLine(tail.group(0), "credit"))
        line, offsets = _cut(line, offsets, 0, tail.start())
    for name, pattern in rules.inline:
        for match in pattern.findall(line):
            dropped.append(DroppedLine(match, f"inline_{name}"))
        line, cuts = sub_with_map(pattern, "", line)
        offsets = offsets.then(cuts)
    return _strip(line, offsets)


def _cut(line: str, offsets: OffsetMap, start: int, end: int) -> tuple[str, OffsetMap]:
    """line[start:end], with ``offsets`` (the map to ``line``) extended to it."""
    return line[start:end], offsets.then(OffsetMap.slice(len(line), start, end))


def _strip(line: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    start = len(line) - len(line.lstrip())
    return _cut(line, offsets, start, start + len(line.strip()))


def _source_credit(line: str) -> str | None:
    """A closing line that is only an office in brackets: （泸州市纳溪区直机关工委）."""
    match = re.fullmatch(rf"[（(]([{HAN_CLASS}]{{3,30}})[）)]", line)
    return match.group(1) if match else None


def clean(report: Report, settings: Settings) -> Report:
    meta, quality = report.metadata, report.quality
    meta.title = None
    dropped: list[DroppedLine] = []
    kept: list[str] = []
    title: str | None = None
    in_body = False
    raw_lines = report.text.split("\n")
    # The kept pieces of the text: (raw line, map from it to what was kept, separator before it).
    pieces: list[tuple[int, OffsetMap, str]] = []
    classifier = LineClassifier(raw_lines)
    for index, raw_line in enumerate(raw_lines):
        line, offsets = _strip(raw_line, OffsetMap.identity(len(raw_line)))
        if not line:
            continue
        group = _match_group(line, strong=True)
        if group:
            if _rules().any_label.search(line):
                # 当前位置：首页 >> 新闻 来源：X | 2018-08-30: labelled metadata shares the line with chrome.
                _read_metadata(line, meta)
            dropped.append(DroppedLine(line, group))
            continue
        if _is_metadata_line(line):
            residue = _read_metadata(line, meta)
            if _only_metadata_left(residue) or _match_group(residue, strong=False) or _match_group(residue, True):
                dropped.append(DroppedLine(line, "metadata"))
                continue
        group = _match_group(line, strong=False)
        if group:
            dropped.append(DroppedLine(line, group))
            continue
        line, cuts = _cut_inline(line, meta, dropped)
        offsets = offsets.then(cuts)
        whole = line
        line, tail = classifier.cut_tail(line)
        if tail:
            dropped.append(DroppedLine(tail, "chrome:glued_tail"))
            offsets = offsets.then(OffsetMap.slice(len(whole), 0, len(line)))  # cut_tail keeps a prefix
        if not in_body and (label := _rules().original_title.match(line)):
            dropped.append(DroppedLine(label.group(0).strip(), "inline_original_title"))
            line, offsets = _cut(line, offsets, label.end(), len(line))
        if not line:
            continue
        if (credit := _source_credit(line)):
            # A line that is only an office in brackets credits the office that wrote the report.
            dropped.append(DroppedLine(line, "source_credit"))
            _set(meta, "source", credit)
            continue
        if title and line == title:
            dropped.append(DroppedLine(line, "duplicate_title"))
            continue
        if (reason := classifier.chrome(index, line)):
            dropped.append(DroppedLine(line, reason))
            continue
        if not in_body and _is_body_line(line):
            in_body = True
        if not in_body and title is not None and kept and kept[-1] == title and _continues_headline(title, line):
            # A headline broken over two lines: …签约 / 暨…开工仪式, or X在Y调研时强调 / <what was said>.
            joiner = "" if line.startswith(HEADLINE_JOINERS) else " "
            title = kept[-1] = title + joiner + line
            pieces.append((index, offsets, joiner))
            continue
        if not in_body and title is None and 6 <= len(line) <= 80 and "。" not in line:
            if (tag := HEADLINE_TAG.match(line)) and len(line) - tag.end() >= 6:
                dropped.append(DroppedLine(tag.group(0), "inline_headline_tag"))
                line, offsets = _cut(line, offsets, tag.end(), len(line))
            title = line
        kept.append(line)
        pieces.append((index, offsets, "\n"))
    meta.title = title or _site_title(report.html_title)
    quality.boilerplate_dropped.extend(dropped)
    offsets = _kept_text_map(raw_lines, pieces)
    report.text = "\n".join(kept)
    quality.corrupted_spans = move_spans(quality.corrupted_spans, offsets, report.text)
    return report


def _kept_text_map(raw_lines: list[str], pieces: list[tuple[int, OffsetMap, str]]) -> OffsetMap:
    """The map from the lines cleaned to the kept pieces joined by their separators.

    A kept line's own line break stays as its separator (a space or nothing when a headline goes on);
    dropped lines and their breaks are deleted.
    """
    starts = [0]
    for line in raw_lines:
        starts.append(starts[-1] + len(line) + 1)
    total = starts[-1] - 1
    builder = MapBuilder()
    done = 0
    for number, (index, offsets, separator) in enumerate(pieces):
        gap = starts[index] - done
        if number:
            builder.keep(len(separator))  # the break after the previous piece, or the space replacing it
            gap -= len(separator)
        builder.replace(gap, 0)
        builder.extend(offsets)
        done = starts[index] + len(raw_lines[index])
    builder.replace(total - done, 0)
    return builder.build()


# 【江西】 before a headline: the site's column or region tag, not part of the headline.
HEADLINE_TAG = re.compile(r"^【[^】]{1,6}】\s*")
# A second headline line that starts with one of these continues the first: …签约 / 暨…开工仪式.
HEADLINE_JOINERS = ("暨", "及", "和", "与", "并")
# A headline ending in a verb of speech is incomplete: what was said is on the next line.
SPEECH_AT_END = re.compile(r"(?:强调|指出|表示|要求|寄语|提出)$")


def _continues_headline(title: str, line: str) -> bool:
    if len(title) + len(line) > 80 or re.search("[，。；！？]", line) or len(line) < 4:
        return False
    return line.startswith(HEADLINE_JOINERS) or bool(SPEECH_AT_END.search(title))


def _site_title(html_title: str | None) -> str | None:
    """'<headline>_<site name>' -> '<headline>'."""
    if not html_title:
        return None
    title = re.split(r"\s*[_|｜—-]{1,2}\s*(?=[^_|｜—-]*$)", html_title)[0].strip()
    if not title or _match_group(title, strong=True) or _match_group(title, strong=False):
        return None  # a <title> that is page chrome (a login prompt, the site name) is no headline
    return title
