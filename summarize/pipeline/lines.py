"""Page chrome by the look of a line, not by the site it came from.

Every line gets general features (how much Chinese it holds, whether it reads as a sentence, the
separators and short tokens of a menu, file names, web-widget vocabulary, an empty label, whether it
repeats) and a zone: the head (before the first sentence of the body), the body, or the tail (after
the last one). A weighted sum of the features says whether the line is chrome. The weights are set by
hand, one small integer each, so every decision can be read back from the reasons it gives; the
vocabulary (generic words of web pages: 字号, 打印, 上一篇, 评论...) is in data/boilerplate.toml.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..text.datafiles import load_toml
from ..text.han import HAN, HAN_CLASS

SENTENCE_END = re.compile(r"[。！？!?；]")
# Separators of breadcrumbs and menus: 人民网>>上海频道, 首页 | 新闻.
SEPARATOR = re.compile(r">>|》》|[>›»＞|｜]")
FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg|docx?|xlsx?|pdf|rar|zip|mp4)$", re.IGNORECASE)
EMPTY_LABEL = re.compile(rf"^[{HAN_CLASS}]{{1,8}}[:：]$")
CHROME_AT = 3  # a line whose score reaches this is chrome


@dataclass(frozen=True)
class Features:
    han: int
    sentence: bool  # reads as a body sentence: enough Chinese and sentence punctuation
    punctuated: bool  # any sentence-final punctuation, comma or enumeration comma at all
    separators: int
    menu_tokens: bool  # many short space-separated tokens: 要闻 观点 州市 文体
    file_name: bool
    no_han: bool  # a short line with no Chinese at all: "logo", ".png"
    empty_label: bool  # "附件：" with nothing after it
    widgets: tuple[str, ...]  # web-widget words found in the line


@cache
def _widget_words() -> re.Pattern[str]:
    words = load_toml("boilerplate.toml")["classifier"]["widget_words"]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def features(line: str) -> Features:
    han = len(HAN.findall(line))
    tokens = line.split()
    mean_token = sum(len(t) for t in tokens) / len(tokens) if tokens else 0
    return Features(
        han=han,
        sentence=is_sentence(line),
        punctuated=bool(SENTENCE_END.search(line) or re.search("[，、]", line)),
        separators=len(SEPARATOR.findall(line)),
        menu_tokens=(len(tokens) >= 4 and mean_token <= 4.5) or (len(tokens) >= 3 and mean_token <= 3),
        file_name=bool(FILE_NAME.search(line)) and not SENTENCE_END.search(line),
        no_han=han == 0 and len(line) <= 30,
        empty_label=bool(EMPTY_LABEL.match(line)),
        widgets=tuple(dict.fromkeys(_widget_words().findall(line))),
    )


def is_sentence(line: str) -> bool:
    """A line of the body: enough Chinese and the punctuation of a sentence."""
    return len(HAN.findall(line)) >= 15 and bool(SENTENCE_END.search(line) or line.count("，") >= 2)


def score(f: Features, zone: str, repeated: bool) -> tuple[int, list[str]]:
    """Chrome score of a line and the features that raised it."""
    points: list[tuple[int, str]] = [
        (4, "file_name") if f.file_name else (0, ""),
        (3, "no_han") if f.no_han else (0, ""),
        (2 * min(f.separators, 2), "separators") if f.separators and not f.sentence else (0, ""),
        (3, "menu") if f.menu_tokens and not f.punctuated else (0, ""),
        (2 + len(f.widgets) - 1, "widget:" + "/".join(f.widgets)) if f.widgets else (0, ""),
        (2, "empty_label") if f.empty_label else (0, ""),
        (1, "unpunctuated") if not f.punctuated else (0, ""),
        (1, "short") if f.han <= 4 and not f.punctuated else (0, ""),
        (1, "repeated") if repeated and not f.sentence else (0, ""),
        (-4, "") if f.sentence else (-2, "") if f.han >= 20 else (0, ""),
        {"head": (1, "head"), "tail": (2, "tail"), "body": (-2, "")}[zone],
    ]
    return sum(p for p, _ in points), [r for p, r in points if p > 0 and r]


def zones(lines: list[str]) -> list[str]:
    """head / body / tail for each line, by where the body's sentences begin and end."""
    anchors = [i for i, line in enumerate(lines) if is_sentence(line) and not features(line).widgets]
    if not anchors:
        return ["head"] * len(lines)
    first, last = anchors[0], anchors[-1]
    return ["head" if i < first else "tail" if i > last else "body" for i in range(len(lines))]


class LineClassifier:
    """Classifies the lines of one page (zones and repetitions are properties of the page)."""

    def __init__(self, lines: list[str]) -> None:
        stripped = [line.strip() for line in lines]
        self._zones = zones(stripped)
        # How many times each line occurred before this one: a later copy is a repeat, the first is not.
        seen: Counter[str] = Counter()
        self._earlier: list[int] = []
        for line in stripped:
            self._earlier.append(seen[line])
            seen[line] += 1
        self._tails = Counter(t for t in (glued_tail(line) for line in stripped) if t)

    def zone(self, index: int) -> str:
        return self._zones[index]

    def chrome(self, index: int, line: str) -> str | None:
        """The reason the line is chrome ('chrome:menu+head'), or None to keep it."""
        f = features(line)
        total, reasons = score(f, self._zones[index], self._earlier[index] > 0)
        return "chrome:" + "+".join(reasons) if total >= CHROME_AT else None

    def cut_tail(self, line: str) -> tuple[str, str | None]:
        """Chrome glued after a line's last sentence (…的强大合力。QQQ大手笔网—中国第一文化门户网站).

        The fragment after the last sentence-final mark goes when it holds widget words or ends
        several lines of the page (a site's watermark). Returns (line, cut fragment or None).
        """
        tail = glued_tail(line)
        if tail and (features(tail).widgets or self._tails[tail] > 1):
            return line[: len(line) - len(tail)].rstrip(), tail
        return line, None


def glued_tail(line: str) -> str | None:
    """What follows the last sentence-final mark, when it is a short unpunctuated fragment."""
    match = re.search(r"[。！？!?]([^。！？!?，,；;]{2,40})$", line)
    if not match or not HAN.search(line[: match.start()]):
        return None
    tail = match.group(1).strip()
    return tail if tail and not tail.startswith(("”", "’", "）", ")", "」", "』")) else None
