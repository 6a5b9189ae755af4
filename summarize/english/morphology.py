"""English word classes and inflections for the clause renderer, from LemmInflect's lexicon.

The phrasebook types a Chinese adjective as ``np`` holding the English adjective (重要 -> important), so
the grammar cannot tell from the type alone that 高效的行动 wants "efficient actions" rather than "the
actions of efficient". LemmInflect (MIT, a lexicon of English lemmas with their parts of speech and
inflections) answers that, and gives past tenses, participles and -ing forms.

Its tables take about 0.75 s to load, so the answers for every English word of the built-in phrasebook,
glossary and grammar.toml are kept in data/english/morphology.tsv (made by eval/tools/make_morphology.py);
LemmInflect itself is loaded only for a word the table does not list: a user's phrasebook, or a CC-CEDICT
noun (nouns.py; CC-CEDICT's licence keeps its words out of shipped tables): 9 words over the 55 seed and dev
reports.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..text.datafiles import load_tsv


class Forms(NamedTuple):
    classes: frozenset[str]  # ADJ, ADV, NOUN, VERB ...
    past: str | None  # VBD of a verb lemma
    ing: str | None  # VBG
    participle: str | None  # VBN
    base: str | None  # the lemma a third-person -s form is of (starts -> start)
    comparative: str | None  # JJR of an adjective (high -> higher, good -> better)
    third: str | None  # VBZ of a verb lemma (take -> takes)
    plural: str | None  # NNS of a noun lemma (action -> actions, battle -> battles)


@cache
def _table() -> dict[str, Forms]:
    def cell(value: str) -> str | None:
        return None if value == "-" else value

    out = {}
    columns = ("word", "classes", "past", "ing", "participle", "base", "comparative", "third", "plural")
    for _, (word, classes, past, ing, participle, base, comparative, third, plural) in load_tsv(
            "english/morphology.tsv", columns):
        out[word] = Forms(frozenset(classes.split(",")) - {"-"}, cell(past), cell(ing), cell(participle), cell(base),
                          cell(comparative), cell(third), cell(plural))
    return out


@cache
def _forms(word: str) -> Forms:
    """The table's row, or LemmInflect's answer for a word the table lacks (loaded on first use)."""
    return _table().get(word.lower()) or lemminflect_forms(word.lower())


def _adjective_by_suffix(lower: str) -> frozenset[str]:
    """ADJ for a word LemmInflect does not know that has an adjective's suffix (feasible, photovoltaic, nonferrous)."""
    return frozenset({"ADJ"}) if len(lower) > 5 and lower.endswith(_ADJECTIVE_SUFFIXES) else frozenset()


_ADJECTIVE_SUFFIXES = ("ible", "able", "ous", "ive", "ful", "less", "ic", "ical")


def lemminflect_forms(lower: str) -> Forms:
    """LemmInflect's answer for a lower-case word: what the table holds (eval/tools/make_morphology.py writes
    it from this function) and the fallback for a word it lacks."""
    from lemminflect import getAllLemmas, getInflection, getLemma

    classes = frozenset(getAllLemmas(lower)) or _adjective_by_suffix(lower)
    is_lemma = "VERB" in classes and lower in getLemma(lower, upos="VERB")

    def inflect(tag: str) -> str | None:
        forms = getInflection(lower, tag=tag) if is_lemma else ()
        return forms[0] if forms else None

    base = next((lemma for lemma in getLemma(lower, upos="VERB") if lower in getInflection(lemma, tag="VBZ")), None) \
        if lower.endswith("s") and "VERB" in classes else None
    comparative = getInflection(lower, tag="JJR") if "ADJ" in classes else ()
    noun_lemma = "NOUN" in classes and lower in getLemma(lower, upos="NOUN")
    plural = getInflection(lower, tag="NNS") if noun_lemma else ()
    return Forms(classes, inflect("VBD"), inflect("VBG"), inflect("VBN"), base, comparative[0] if comparative else None,
                 inflect("VBZ"), plural[0] if plural and plural[0] != lower else None)


@cache
def word_classes(word: str) -> frozenset[str]:
    """The parts of speech of a single English word (ADJ, NOUN, VERB, ADV); empty for a phrase.
    A hyphenated compound (high-quality, off-site, county-level) is an adjective: in the phrasebook's
    noun-phrase entries such a word is a modifier."""
    if " " in word:
        return frozenset()
    parts = word.split("-")
    if len(parts) > 1 and all(part.isalpha() for part in parts):
        return frozenset({"ADJ"})
    if not word.isalpha():
        return frozenset()
    if word[0].isupper() and word.lower() not in _table():
        return frozenset({"PROPN"})  # a name (Chuxiong, Harbin): nothing to look up
    return _forms(word).classes


def is_adjective(word: str) -> bool:
    """Whether a single English word can be an adjective (important, rural, external), a past participle
    included (signed, planned)."""
    classes = word_classes(word)
    return "ADJ" in classes or (word.endswith("ed") and "VERB" in classes)


def adjective_of_adverb(adverb: str) -> str | None:
    """The adjective an -ly adverb is made from, where the table knows it as one: precisely -> precise,
    scientifically -> scientific, steadily -> steady. Only the table is asked: no LemmInflect load for a guess."""
    if " " in adverb or not adverb.endswith("ly"):
        return None
    stem = adverb[:-2]
    for candidate in (stem, stem.removesuffix("al") if stem.endswith("ical") else None,
                      stem[:-1] + "y" if stem.endswith("i") else None, stem + "le" if stem.endswith("b") else None):
        forms = _table().get(candidate) if candidate else None
        if forms is not None and "ADJ" in forms.classes:
            return candidate
    return None


def only_adjective(word: str) -> bool:
    """A single word that is an adjective (or participle) and never a noun (basic, efficient, satisfied): no
    noun phrase's head."""
    return is_adjective(word) and "NOUN" not in word_classes(word)


def past_tense(verb: str) -> str:
    """The simple past of an English verb (hear -> heard, adopt -> adopted); the verb itself if unknown."""
    return (_forms(verb).past if verb.isalpha() else None) or verb


def present_participle(verb: str) -> str | None:
    """The -ing form of an English verb (traffic -> trafficking, deter -> deterring), or None for a word
    that is not a verb's base form."""
    return _forms(verb).ing if verb.isalpha() else None


def past_participle(verb: str) -> str | None:
    """The past participle of an English verb (encounter -> encountered, make -> made), or None."""
    return _forms(verb).participle if verb.isalpha() else None


def plural_agreement(verb: str) -> str:
    """The form a present-tense verb takes after a plural subject: starts -> start, is -> are, has -> have."""
    irregular = {"is": "are", "was": "were", "has": "have", "does": "do"}
    if verb in irregular:
        return irregular[verb]
    if not verb.endswith("s") or not verb.isalpha():
        return verb
    return _forms(verb).base or verb


def comparative(adjective: str) -> str:
    """The comparative of an English adjective (high -> higher, good -> better, efficient -> more efficient).

    LemmInflect's JJR is regular for every adjective ("efficienter"), so it is used only where English inflects:
    irregular forms (better), one syllable (higher), two ending in -y (easier); else "more X". A compound inflects its
    first part where that part does (high-quality -> higher-quality)."""
    first, dash, rest = adjective.partition("-")
    if dash and rest and first.isalpha() and (inflected := comparative(first)) != f"more {first}":
        return f"{inflected}-{rest}"
    known = _forms(adjective).comparative if adjective.isalpha() else None
    syllables = len(re.findall(r"[aeiouy]+", adjective.lower().removesuffix("e")))
    irregular = known is not None and not known.startswith(adjective.lower().rstrip("ey")[:3])
    if known and (irregular or syllables <= 1 or (syllables == 2 and adjective.endswith("y"))):
        return known
    return f"more {adjective}"


def third_person(verb: str) -> str:
    """The present tense after a singular subject (take -> takes, is stays is); the verb itself if unknown."""
    return (_forms(verb).third if verb.isalpha() else None) or verb


def plural_noun(noun: str) -> str | None:
    """The plural of an English noun (action -> actions, battle -> battles), or None for a word that is not a
    singular noun (a plural already, an adjective, a name)."""
    return _forms(noun).plural if noun.isalpha() and noun.islower() else None


@cache
def _singulars() -> dict[str, str]:
    return {forms.plural: word for word, forms in _table().items() if forms.plural}


def singular_noun(noun: str) -> str | None:
    """The singular of a plural English noun the table knows (heroes -> hero, activities -> activity), or None."""
    return _singulars().get(noun.lower())
