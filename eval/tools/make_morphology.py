"""Regenerate summarize/data/english/morphology.tsv from LemmInflect (dev-time only).

    python eval/tools/make_morphology.py

The clause renderer asks LemmInflect for the word classes and inflections of the English words of the
phrasebook, the glossary and grammar.toml. LemmInflect's tables take about 0.75 s to load, a third of a
cold `summarize file`; this table holds the answers for every word those files use, so a run loads
LemmInflect only for a word it does not list (a user's phrasebook). Run it after editing those files;
tests/english/test_morphology.py fails while a word is missing.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from lemminflect import getAllLemmas, getInflection

from summarize.english.morphology import lemminflect_forms

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "summarize" / "data" / "english" / "morphology.tsv"
HEADER = """\
# English word classes and inflections for the clause renderer (summarize/english/morphology.py),
# derived from LemmInflect (MIT) by eval/tools/make_morphology.py for every word of the phrasebook,
# the glossary and grammar.toml. Columns: word, classes (comma-separated: ADJ ADV NOUN VERB ...),
# past (VBD), -ing form (VBG), past participle (VBN), base (the verb a third-person -s form is of),
# comparative (JJR of an adjective), third person (VBZ of a verb), plural (NNS of a noun); '-' where none.
# Do not edit by hand.
word	classes	past	ing	participle	base	comparative	third	plural
"""


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):  # keys are names of lists or Chinese words: only the values are English
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def english_words() -> set[str]:
    texts: list[str] = []
    data = ROOT / "summarize" / "data"
    for path in sorted((data / "english" / "phrasebook").glob("*.tsv")) + sorted((data / "glossary").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                texts.extend(line.split("\t")[1:2])
    texts.extend(_strings(tomllib.loads((data / "english" / "grammar.toml").read_text(encoding="utf-8"))))
    return {w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text)}


def row(word: str) -> str:
    forms = lemminflect_forms(word)
    cells = [",".join(sorted(forms.classes)) or "-", forms.past, forms.ing, forms.participle, forms.base,
             forms.comparative, forms.third, forms.plural]
    return "\t".join([word, *(cell or "-" for cell in cells)])


def main() -> None:
    words = english_words()
    # The renderer makes comparatives (更高 -> higher) and asks about them in turn: list them too.
    words |= {form for word in list(words) if "ADJ" in getAllLemmas(word) for form in getInflection(word, tag="JJR")}
    rows = [row(word) for word in sorted(words)]
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} words")


if __name__ == "__main__":
    main()
