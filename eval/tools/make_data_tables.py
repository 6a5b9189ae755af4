"""Regenerate summarize/data/common_chars.txt and pinyin_syllables.txt (dev-time only).

    python eval/tools/make_data_tables.py
"""

from __future__ import annotations

import collections
import os
import re
from pathlib import Path

import jieba
from opencc import OpenCC
from pypinyin import Style, pinyin

DATA = Path(__file__).resolve().parents[2] / "summarize" / "data"


def common_chars(n: int = 4000) -> list[str]:
    freq: collections.Counter[str] = collections.Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, count, *_ = line.split()
            for ch in word:
                if "\u4e00" <= ch <= "\u9fff":
                    freq[ch] += int(count)
    top = [c for c, _ in freq.most_common(n)]
    return sorted(set(top) | set(OpenCC("s2t").convert("".join(top))))


def syllables() -> list[str]:
    found: set[str] = set()
    for cp in range(0x4E00, 0x9FA6):
        for p in pinyin(chr(cp), style=Style.NORMAL, heteronym=True)[0]:
            p = p.replace("v", "ü")
            if re.fullmatch(r"[a-zü]+", p):
                found.add(p)
    return sorted(found)


def main() -> None:
    chars = common_chars()
    with (DATA / "common_chars.txt").open("w", encoding="utf-8") as fh:
        fh.write("# The ~4000 most frequent Han characters (from jieba's dictionary word frequencies) plus their\n")
        fh.write("# Traditional forms (OpenCC s2t). Used to score candidate decodings: real text is mostly common\n")
        fh.write("# characters, a wrong decoding mostly rare ones. Regenerate with eval/tools/make_data_tables.py.\n")
        for i in range(0, len(chars), 80):
            fh.write("".join(chars[i : i + 80]) + "\n")
    with (DATA / "pinyin_syllables.txt").open("w", encoding="utf-8") as fh:
        fh.write("# Toneless Mandarin pinyin syllables (from pypinyin over U+4E00-U+9FA5), one per line.\n")
        fh.write("# Used to recognise scraper pinyin annotations such as 動(dòng); ü is written as ü.\n")
        fh.writelines(s + "\n" for s in syllables())


if __name__ == "__main__":
    main()
