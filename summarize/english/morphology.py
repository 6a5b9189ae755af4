"""English word classes and inflections for the clause renderer, from LemmInflect's lexicon.

The phrasebook types a Chinese adjective as ``np`` holding the English adjective (重要 -> important), so
the grammar cannot tell from the type alone that 高效的行动 wants "efficient actions" rather than "the
actions of efficient". LemmInflect (MIT, a lexicon of English lemmas with their parts of speech and
inflections) answers that, and gives past tenses for statements. Loaded on first use only: its
tables cost about 0.25 s, paid by processes that render English.
"""

from __future__ import annotations

from functools import cache


@cache
def word_classes(word: str) -> frozenset[str]:
    """LemmInflect's parts of speech of a single English word (ADJ, NOUN, VERB, ADV); empty for a phrase.
    A hyphenated compound (high-quality, off-site, county-level) is an adjective: in the phrasebook's
    noun-phrase entries such a word is a modifier."""
    if " " in word:
        return frozenset()
    parts = word.split("-")
    if len(parts) > 1 and all(part.isalpha() for part in parts):
        return frozenset({"ADJ"})
    if not word.isalpha():
        return frozenset()
    from lemminflect import getAllLemmas  # lazy: see the module docstring

    return frozenset(getAllLemmas(word.lower()))


def is_adjective(word: str) -> bool:
    """Whether a single English word can be an adjective (important, rural, external), a past participle
    included (signed, planned)."""
    classes = word_classes(word)
    return "ADJ" in classes or (word.endswith("ed") and "VERB" in classes)


def only_adjective(word: str) -> bool:
    """A single word that is an adjective (or participle) and never a noun (basic, efficient, satisfied): no
    noun phrase's head."""
    return is_adjective(word) and "NOUN" not in word_classes(word)


@cache
def past_tense(verb: str) -> str:
    """The simple past of an English verb (hear -> heard, adopt -> adopted); the verb itself if unknown."""
    from lemminflect import getInflection

    forms = getInflection(verb.lower(), tag="VBD")
    return forms[0] if forms else verb


@cache
def present_participle(verb: str) -> str | None:
    """The -ing form of an English verb from the lexicon (traffic -> trafficking, deter -> deterring), or None
    for a word it does not know as a verb."""
    if not verb.isalpha() or "VERB" not in word_classes(verb):
        return None
    from lemminflect import getInflection

    forms = getInflection(verb.lower(), tag="VBG")
    return forms[0] if forms else None


@cache
def plural_agreement(verb: str) -> str:
    """The form a present-tense verb takes after a plural subject: starts -> start, is -> are, has -> have."""
    irregular = {"is": "are", "was": "were", "has": "have", "does": "do"}
    if verb in irregular:
        return irregular[verb]
    if not verb.endswith("s") or "VERB" not in word_classes(verb):
        return verb
    from lemminflect import getInflection, getLemma

    for lemma in getLemma(verb, upos="VERB"):
        if verb in getInflection(lemma, tag="VBZ"):
            return lemma
    return verb


@cache
def past_participle(verb: str) -> str | None:
    """The past participle of an English verb (encounter -> encountered, make -> made), or None."""
    if not verb.isalpha() or "VERB" not in word_classes(verb):
        return None
    from lemminflect import getInflection

    forms = getInflection(verb.lower(), tag="VBN")
    return forms[0] if forms else None
