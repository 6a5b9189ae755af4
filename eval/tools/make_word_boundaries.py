"""Regenerate summarize/data/english/word_boundaries.txt from jieba's dictionary (dev-time only).

    python eval/tools/make_word_boundaries.py

The clause renderer reads a single-character entry (放 "put") only where the character stands alone. The
phrasebook alone cannot tell that: where a common word is missing from it (取出, 应收账款, 纪念品), its characters
would be read one by one ("take capital contribution gold"). jieba's dictionary (MIT) knows those words; this
list keeps its words of two to four characters that are frequent enough to be words in any text, so the renderer
needs neither jieba's 0.6 s load nor its 350,000 entries. tests/english/test_word_boundaries.py checks the file
against this tool.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "summarize" / "data" / "english" / "word_boundaries.txt"
MIN_FREQUENCY = 100  # jieba's count: below it the dictionary holds rare names and phrases, not words
HEADER = f"""\
# Words of two to four characters from jieba's dictionary (MIT) with a frequency of at least {MIN_FREQUENCY}, one per
# line: the clause renderer reads no single character alone inside one of them (summarize/english/grammar.py,
# Parser._inside_words). Made by eval/tools/make_word_boundaries.py; do not edit by hand.
"""


def boundary_words() -> list[str]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, frequency, *_ = line.split()
            if 2 <= len(word) <= 4 and int(frequency) >= MIN_FREQUENCY:
                words.add(word)
    return sorted(words)


def main() -> None:
    words = boundary_words()
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
